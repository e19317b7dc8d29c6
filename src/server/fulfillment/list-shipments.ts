import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { AppError } from "../errors";
import { findWarehouseByCode } from "../inventory";
import { orders } from "../orders";
import { toShipmentDtos } from "./queries";
import { pickLists, shipments } from "./schema";
import type { TListShipmentsInput, TShipment } from "./schemas";

/** Shipments, newest first, by order, warehouse, status or pick list; keyset pages on (created, id). */
export async function listShipments(options: { db: DbOrTx; input: TListShipmentsInput }): Promise<{ items: TShipment[]; nextCursor: string | null }> {
  const { db, input } = options;
  const conditions: (SQL | undefined)[] = [input.status ? eq(shipments.status, input.status) : undefined];
  if (input.order) {
    const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, input.order.trim().toUpperCase()));
    if (!order) return { items: [], nextCursor: null };
    conditions.push(eq(shipments.orderId, order.id));
  }
  if (input.warehouse) {
    const warehouse = await findWarehouseByCode(db, input.warehouse);
    if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);
    conditions.push(eq(shipments.warehouseId, warehouse.id));
  }
  if (input.pickList) {
    const [list] = await db.select({ id: pickLists.id }).from(pickLists).where(eq(pickLists.number, input.pickList.trim().toUpperCase()));
    if (!list) return { items: [], nextCursor: null };
    conditions.push(eq(shipments.pickListId, list.id));
  }
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(${shipments.createdAt}, ${shipments.id}) < (${String(createdAt)}::timestamptz, ${String(id)}::uuid)`);
  }
  const rows = await db
    .select()
    .from(shipments)
    .where(and(...conditions))
    .orderBy(desc(shipments.createdAt), desc(shipments.id))
    .limit(input.limit + 1);
  const dtos = new Map((await toShipmentDtos(db, rows.slice(0, input.limit))).map((d) => [d.id, d]));
  return toPage(rows, input.limit, (row) => dtos.get(row.id)!, (r) => [r.createdAt.toISOString(), r.id]);
}
