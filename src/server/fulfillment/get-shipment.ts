import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { orders } from "../orders";
import { loadShipment, toShipmentDto, toShipmentDtos } from "./queries";
import { shipments } from "./schema";
import type { TShipment } from "./schemas";

/** One shipment by number (SH-700123) or id. */
export async function getShipment(options: { db: DbOrTx; id: string }): Promise<TShipment> {
  return toShipmentDto(options.db, await loadShipment(options.db, options.id));
}

/** An order's shipments, oldest first (the order page's Shipments section). */
export async function shipmentsOfOrder(options: { db: DbOrTx; number: string }): Promise<TShipment[]> {
  const [order] = await options.db.select({ id: orders.id }).from(orders).where(eq(orders.number, options.number.trim().toUpperCase()));
  if (!order) throw AppError.notFound("order", options.number);
  const rows = await options.db.select().from(shipments).where(eq(shipments.orderId, order.id)).orderBy(asc(shipments.createdAt), asc(shipments.number));
  return toShipmentDtos(options.db, rows);
}
