import { and, asc, eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { fulfillmentStatusOf } from "./fulfillment-status";
import { settleCompletion } from "./record-billing";
import { loadOrderCustomer, recordOrderEvents, type OrderEventEntry, type OrderRow } from "./queries";
import { reserveOrder, setLineReservations } from "./reserve-lines";
import { orderLines, orders } from "./schema";

/**
 * What fulfillment tells orders, in fulfillment's transaction: units of lines shipped (or back), a
 * shortfall found at picking, a delivery. Orders keeps its own records — the lines' shipped and reserved,
 * the fulfillment status, the promise date, the timeline — and fulfillment never writes them itself.
 */

export type LineUnits = { orderLineId: string; quantity: number };

/**
 * Shipments need this of an order and its lines, locked when they are about to change (the order row is
 * the order's mutex: edits, cancels and backorder filling take it too).
 */
export async function loadOrderForFulfillment(db: DbOrTx, key: { number: string } | { id: string }, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(orders)
    .where("number" in key ? eq(orders.number, key.number) : eq(orders.id, key.id))
    .limit(1);
  const [order] = options.forUpdate ? await query.for("update") : await query;
  if (!order) return null;
  const lines = await db
    .select({ line: orderLines, sku: products.sku, productName: products.name })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.lineNo));
  return { order, lines };
}

/**
 * Units of these lines left (direction 1) or came back unopened (−1): shipped and reserved move together,
 * the order's fulfillment status follows, and the timeline says what happened.
 */
export async function recordShipment(
  tx: DbOrTx,
  input: { orderId: string; lines: LineUnits[]; direction: 1 | -1; allShipmentsDelivered: boolean; actor: Actor; event: OrderEventEntry },
) {
  await moveLines(tx, input.orderId, input.lines, sql`shipped = l.shipped + v.quantity * ${input.direction}, reserved = l.reserved - v.quantity * ${input.direction}`);
  await setFulfillmentStatus(tx, input.orderId, input.allShipmentsDelivered);
  // Shipped (and already invoiced, for prepaid customers) it may be complete; units that came back reopen it.
  await recordOrderEvents(tx, input.orderId, input.actor, [input.event, ...(await settleCompletion(tx, input.orderId))]);
}

/** A shipment arrived (or failed to): the order is delivered once every shipment that left has arrived. */
export async function recordDelivery(tx: DbOrTx, input: { orderId: string; allShipmentsDelivered: boolean; actor: Actor; event: OrderEventEntry }) {
  await setFulfillmentStatus(tx, input.orderId, input.allShipmentsDelivered);
  await recordOrderEvents(tx, input.orderId, input.actor, [input.event]);
}

/**
 * The picker found fewer units than were reserved: those stop being reserved for the lines (inventory
 * has released them), and the order reserves its shortfall again — from another warehouse when one has
 * it, else as a backorder with a stockout exception and a new promise date.
 */
export async function returnShortfall(tx: DbOrTx, input: { order: OrderRow; lines: LineUnits[]; actor: Actor; event: OrderEventEntry }) {
  const { order, actor } = input;
  await moveLines(tx, order.id, input.lines, sql`reserved = l.reserved - v.quantity`);
  const customer = await loadOrderCustomer(tx, order.customerId);
  const reservation = await reserveOrder(tx, order, actor, { demandClass: customer.demandClass });
  await setLineReservations(tx, reservation.lines);
  await tx.update(orders).set({ promisedDate: reservation.promisedDate }).where(eq(orders.id, order.id));
  await recordOrderEvents(tx, order.id, actor, [input.event, ...reservation.events]);
}

async function moveLines(tx: DbOrTx, orderId: string, lines: LineUnits[], set: ReturnType<typeof sql>) {
  const moving = lines.filter((l) => l.quantity > 0);
  if (moving.length === 0) return;
  const values = sql.join(moving.map((l) => sql`(${l.orderLineId}::uuid, ${l.quantity}::int)`), sql`, `);
  await tx.execute(sql`update ${orderLines} l set ${set} from (values ${values}) as v(id, quantity) where l.id = v.id and l.order_id = ${orderId}`);
}

async function setFulfillmentStatus(tx: DbOrTx, orderId: string, allShipmentsDelivered: boolean) {
  const lines = await tx.select({ quantity: orderLines.quantity, shipped: orderLines.shipped }).from(orderLines).where(eq(orderLines.orderId, orderId));
  await tx
    .update(orders)
    .set({ fulfillmentStatus: fulfillmentStatusOf(lines, allShipmentsDelivered) })
    .where(and(eq(orders.id, orderId)));
}

/** The demand class reservations of this order's customer carry. */
export async function loadOrderCustomerClass(db: DbOrTx, customerId: string) {
  return (await loadOrderCustomer(db, customerId)).demandClass;
}
