import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { orderEvents, orderLines, orders } from "../../orders";
import { goodsPaid } from "../../billing";
import { dropShipPurchaseOrders } from "../../purchasing";
import { shipmentLines, shipments } from "../schema";
import type { Happened, OrderFacts } from "./progress";

/** Timeline entries that end a step, by the fact they feed. */
const STEP_EVENTS = {
  reservedLast: ["submitted", "backorder_allocated"],
  pickedLast: ["picked", "short_picked"],
  packedLast: ["packed"],
  shippedLast: ["shipped"],
  invoicedLast: ["invoiced"],
  paidLast: ["payment_applied"],
} as const;

const PICKED = ["picked", "packed", "shipped", "delivered", "delivery_failed"];
const PACKED = ["packed", "shipped", "delivered", "delivery_failed"];

/** What an order's documents say about its progress (see progress.ts), read in four queries. */
export async function loadOrderFacts(db: DbOrTx, orderId: string): Promise<OrderFacts> {
  const eventTypes = Object.values(STEP_EVENTS).flat();
  const [[lines], [units], events, [order], purchaseOrders] = await Promise.all([
    db
      .select({
        units: sql<number>`coalesce(sum(${orderLines.quantity}), 0)`.mapWith(Number),
        backordered: sql<number>`coalesce(sum(${orderLines.backordered}), 0)`.mapWith(Number),
        shipped: sql<number>`coalesce(sum(${orderLines.shipped}), 0)`.mapWith(Number),
      })
      .from(orderLines)
      .where(eq(orderLines.orderId, orderId)),
    db
      .select({
        picked: sql<number>`coalesce(sum(coalesce(${shipmentLines.picked}, ${shipmentLines.quantity})) filter (where ${shipments.status} in (${sql.join(PICKED.map((s) => sql`${s}`), sql`, `)})), 0)`.mapWith(Number),
        packed: sql<number>`coalesce(sum(coalesce(${shipmentLines.picked}, ${shipmentLines.quantity})) filter (where ${shipments.status} in (${sql.join(PACKED.map((s) => sql`${s}`), sql`, `)})), 0)`.mapWith(Number),
      })
      .from(shipments)
      .innerJoin(shipmentLines, eq(shipmentLines.shipmentId, shipments.id))
      .where(eq(shipments.orderId, orderId)),
    db
      .selectDistinctOn([orderEvents.type], { type: orderEvents.type, by: orderEvents.actor, at: orderEvents.createdAt })
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, orderId), inArray(orderEvents.type, eventTypes)))
      .orderBy(orderEvents.type, sql`${orderEvents.createdAt} desc`),
    db.select({ billingStatus: orders.billingStatus, goodsPaid: sql<boolean>`${goodsPaid(sql`${orderId}::uuid`)}` }).from(orders).where(eq(orders.id, orderId)),
    dropShipPurchaseOrders(db, orderId),
  ]);
  const latest = (types: readonly string[]): Happened | null =>
    events.filter((e) => types.includes(e.type)).reduce<Happened | null>((last, e) => (!last || e.at > last.at ? { at: e.at, by: e.by } : last), null);
  const sent = purchaseOrders.filter((po) => po.sentAt);
  const received = purchaseOrders.length > 0 && purchaseOrders.every((po) => po.status === "received" || po.status === "closed");
  const billing = order?.billingStatus ?? "unbilled";
  return {
    units: lines?.units ?? 0,
    backordered: lines?.backordered ?? 0,
    shipped: lines?.shipped ?? 0,
    picked: units?.picked ?? 0,
    packed: units?.packed ?? 0,
    fullyInvoiced: billing === "invoiced" || billing === "paid" || billing === "overdue",
    // The goods paid: a freight invoice added when they left does not take the paid step back.
    paid: billing === "paid" || order?.goodsPaid === true,
    reservedLast: latest(STEP_EVENTS.reservedLast),
    pickedLast: latest(STEP_EVENTS.pickedLast),
    packedLast: latest(STEP_EVENTS.packedLast),
    shippedLast: latest(STEP_EVENTS.shippedLast),
    invoicedLast: latest(STEP_EVENTS.invoicedLast),
    paidLast: latest(STEP_EVENTS.paidLast),
    vendorOrdered: sent.length > 0 ? { at: sent.at(-1)!.sentAt!, by: sent.at(-1)!.createdBy } : null,
    vendorShipped: received ? { at: new Date(Math.max(...purchaseOrders.map((po) => po.updatedAt.getTime()))), by: "Vendor" } : null,
  };
}
