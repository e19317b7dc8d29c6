import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { COMPANY_TIME_ZONE } from "~/lib/dates";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { executeRows } from "../db/execute";
import { AppError } from "../errors";
import { findWarehouseByCode } from "../inventory";
import { OPEN_SHIPMENT_STATUSES, type ShipmentStatus } from "./constants";
import { awaitingPayment } from "./plans/payment-gate";
import { toShipmentDtos } from "./queries";
import { shipments } from "./schema";

/** How many of each queue the desk shows; the counts are exact. */
const QUEUE_SIZE = 100;

export type ReadyOrder = { order: string; customerName: string; promisedDate: string | null; units: number; submittedAt: string | null };

/**
 * A warehouse's desk: orders with reserved units here that are not on a shipment yet (oldest promise date
 * first), then its shipments by stage — planned (to pick), picking, picked (to pack), packed (to ship) —
 * and what shipped today. Each queue with its exact count.
 */
export async function fulfillmentDesk(options: { db: DbOrTx; warehouse: string }) {
  const { db } = options;
  const warehouse = await findWarehouseByCode(db, options.warehouse);
  if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${options.warehouse}"`);
  const open = sql.join(OPEN_SHIPMENT_STATUSES.map((s) => sql`${s}`), sql`, `);
  const ready = await executeRows<ReadyOrder & { total: number }>(
    db,
    sql`with allocated as (
          select order_id, sum(quantity)::int as units from stock_allocations where warehouse_id = ${warehouse.id} group by order_id),
        planned as (
          select s.order_id, sum(coalesce(l.picked, l.quantity))::int as units
          from shipments s join shipment_lines l on l.shipment_id = s.id
          where s.warehouse_id = ${warehouse.id} and s.status in (${open}) group by s.order_id)
        select o.number as "order", c.name as "customerName", o.promised_date::text as "promisedDate", o.submitted_at as "submittedAt",
               (a.units - coalesce(p.units, 0))::int as units, count(*) over ()::int as total
        from allocated a
        join orders o on o.id = a.order_id and o.status = 'open'
        join customers c on c.id = o.customer_id
        left join planned p on p.order_id = a.order_id
        where a.units > coalesce(p.units, 0) and not ${awaitingPayment(sql`o.id`)}
        order by o.promised_date asc nulls last, o.submitted_at asc, o.number asc
        limit ${QUEUE_SIZE}`,
  );
  const stage = async (statuses: ShipmentStatus[], newestFirst = false) => {
    const where = and(eq(shipments.warehouseId, warehouse.id), inArray(shipments.status, statuses));
    const [rows, [count]] = await Promise.all([
      db
        .select()
        .from(shipments)
        .where(where)
        .orderBy(newestFirst ? desc(shipments.shippedAt) : asc(shipments.createdAt))
        .limit(QUEUE_SIZE),
      db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(shipments).where(where),
    ]);
    return { count: count?.n ?? 0, shipments: await toShipmentDtos(db, rows) };
  };
  const [planned, picking, picked, packed, shippedToday] = await Promise.all([
    stage(["planned"]),
    stage(["picking"]),
    stage(["picked"]),
    stage(["packed"]),
    (async () => {
      const where = and(
        eq(shipments.warehouseId, warehouse.id),
        inArray(shipments.status, ["shipped", "delivered", "delivery_failed"]),
        sql`(${shipments.shippedAt} at time zone ${COMPANY_TIME_ZONE})::date = ${clock.today()}::date`,
      );
      const rows = await db.select().from(shipments).where(where).orderBy(desc(shipments.shippedAt)).limit(QUEUE_SIZE);
      return { count: rows.length, shipments: await toShipmentDtos(db, rows) };
    })(),
  ]);
  return {
    warehouse: { code: warehouse.code, name: warehouse.name },
    readyToPlan: {
      count: Number(ready[0]?.total ?? 0),
      orders: ready.map(({ total: _t, submittedAt, ...r }) => ({ ...r, units: Number(r.units), submittedAt: submittedAt ? new Date(submittedAt).toISOString() : null })),
    },
    planned,
    picking,
    picked,
    packed,
    shippedToday,
  };
}
