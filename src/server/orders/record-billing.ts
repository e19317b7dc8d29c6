import { eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import { billingStatusOf, isComplete, type InvoiceState } from "./billing-status";
import { recordOrderEvents, type OrderEventEntry } from "./queries";
import type { LineUnits } from "./record-fulfillment";
import { orderLines, orders } from "./schema";
import { assertTransition } from "./state-machine";

/**
 * What billing tells orders, in billing's transaction: units invoiced (negative when an invoice is voided)
 * or returned, freight billed on top of the order, and the state of its invoices. Orders keeps its own
 * records — the lines' counters, the totals, the billing status, completion and the timeline.
 */
export async function recordBilling(
  tx: DbOrTx,
  input: {
    orderId: string;
    invoiced?: LineUnits[];
    returned?: LineUnits[];
    freight?: number;
    invoices: InvoiceState;
    actor: Actor;
    events: OrderEventEntry[];
    /** Return the timeline entries instead of writing them (the caller writes them after its own). */
    holdEvents?: boolean;
  },
): Promise<OrderEventEntry[]> {
  await moveCounter(tx, input.orderId, "invoiced", input.invoiced ?? []);
  await moveCounter(tx, input.orderId, "returned", input.returned ?? []);
  const lines = await tx
    .select({ quantity: orderLines.quantity, shipped: orderLines.shipped, invoiced: orderLines.invoiced })
    .from(orderLines)
    .where(eq(orderLines.orderId, input.orderId));
  const freight = input.freight ?? 0;
  await tx
    .update(orders)
    .set({
      billingStatus: billingStatusOf(lines, input.invoices),
      ...(freight !== 0 ? { shippingTotal: sql`${orders.shippingTotal} + ${freight}`, total: sql`${orders.total} + ${freight}` } : {}),
    })
    .where(eq(orders.id, input.orderId));
  const events = [...input.events, ...(await settleCompletion(tx, input.orderId, lines))];
  if (input.holdEvents) return events;
  if (events.length > 0) await recordOrderEvents(tx, input.orderId, input.actor, events);
  return [];
}

/**
 * An open order whose every unit is shipped and invoiced is completed; a completed one that has units to
 * ship or bill again (a shipment came back, an invoice was voided) is open again. Returns the timeline entry.
 */
export async function settleCompletion(tx: DbOrTx, orderId: string, known?: { quantity: number; shipped: number; invoiced: number }[]): Promise<OrderEventEntry[]> {
  const lines =
    known ??
    (await tx.select({ quantity: orderLines.quantity, shipped: orderLines.shipped, invoiced: orderLines.invoiced }).from(orderLines).where(eq(orderLines.orderId, orderId)));
  const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  const done = isComplete(lines);
  const to = order?.status === "open" && done ? "completed" : order?.status === "completed" && !done ? "open" : null;
  if (!to) return [];
  assertTransition(order!.status, to, "system");
  await tx.update(orders).set({ status: to }).where(eq(orders.id, orderId));
  return [{ type: to === "completed" ? "completed" : "reopened", data: { before: { status: order!.status }, after: { status: to } } }];
}

async function moveCounter(tx: DbOrTx, orderId: string, column: "invoiced" | "returned", lines: LineUnits[]) {
  const moving = lines.filter((l) => l.quantity !== 0);
  if (moving.length === 0) return;
  const values = sql.join(moving.map((l) => sql`(${l.orderLineId}::uuid, ${l.quantity}::int)`), sql`, `);
  await tx.execute(
    sql`update ${orderLines} l set ${sql.identifier(column)} = l.${sql.identifier(column)} + v.quantity from (values ${values}) as v(id, quantity) where l.id = v.id and l.order_id = ${orderId}`,
  );
}
