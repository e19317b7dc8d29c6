import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import { insertRows } from "../db/bulk";
import { customers } from "../customers";
import { AppError } from "../errors";
import { EMAIL_TOPICS, enqueueMessage, orderConfirmationEmail } from "../integration";
import type { OrderBilling } from "./billing-hook";
import type { OrderPlanning } from "./planning-hook";
import { asReviewLines, reviewHolds, type ReviewReads } from "./holds";
import { loadOrder, loadOrderCustomer, recordOrderEvents, toOrderDto, type OrderCustomer, type OrderEventEntry, type OrderRow } from "./queries";
import { orderLines, orders } from "./schema";
import type { TOrder } from "./schemas";
import { readOrderLines, reserveOrder, setLineReservations, type KnownLine, type LineReservation } from "./reserve-lines";
import { assertTransition } from "./state-machine";

/**
 * draft → submitted → on_hold | open, inside the caller's transaction: check the holds, reserve every
 * line (held orders reserve too: a credit hold must not lose the customer's stock to later orders), plan the
 * order (its policy and promise date), then write the status, version and promise date, the lines'
 * reservations, the timeline, the plan and the confirmation together.
 */
export async function submitInTx(
  tx: DbOrTx,
  order: OrderRow,
  actor: Actor,
  customer: OrderCustomer,
  /** What the caller already has: the order's lines (a new order), timeline entries to write first. */
  known: {
    lines?: KnownLine[];
    /** A new order's line rows, not yet inserted: they are inserted at the end with their reservations. */
    unsaved?: (typeof orderLines.$inferInsert & { id: string })[];
    events?: OrderEventEntry[];
    /** What the holds review reads, read by the caller with its own statements. */
    review?: ReviewReads;
    /** The caller's own writes, sent with the submission's last ones (after the reservation and its savepoints). */
    alongside?: () => Promise<unknown>;
    billing?: OrderBilling;
    planning?: OrderPlanning;
  } = {},
): Promise<OrderRow> {
  if (order.kind === "quote") {
    throw new AppError("conflict", "QUOTE_NOT_SUBMITTABLE", `${order.number} is a quote: convert it to an order instead.`);
  }
  assertTransition(order.status, "submitted", actor.role);
  if (!order.shipTo) throw AppError.invalidField("shipTo", "a complete ship-to address is required to submit");
  // A draft never reserved or checked anything: there is nothing of it to read back.
  const fresh = order.submittedAt === null;
  const submitted: OrderRow = { ...order, status: "submitted", submittedAt: clock.now(), version: order.version + 1 };
  // The holds review, the reservation, the plan and the confirmation all work from the lines, read once.
  const lines = known.lines ?? (await readOrderLines(tx, order.id));
  const holds = await reviewHolds(tx, submitted, actor, customer, { fresh, lines: asReviewLines(lines), reads: known.review });
  // Planning's own reads go with the reservation's statements.
  const plan = known.planning?.onSubmitting(tx, submitted, actor, { productIds: [...new Set(lines.map(({ line }) => line.productId))], customer });
  // Reserving locks stock rows until commit: it comes last, so few statements run while others wait.
  const reservation = await reserveOrder(tx, submitted, actor, { demandClass: customer.demandClass, fresh, lines });
  assertTransition("submitted", holds.status, "system");
  const reserved = asReserved(reservation.lines);
  const planned = await plan?.(lines.map(({ line, sku }) => ({ line: reserved(line), sku })));
  const promisedDate = planned?.promisedDate ?? reservation.promisedDate;
  // The order, its lines' reservations, its timeline, its plan and its confirmation, sent together.
  const [[row]] = await Promise.all([
    tx
      .update(orders)
      .set({ status: holds.status, submittedAt: submitted.submittedAt, version: submitted.version, promisedDate })
      .where(eq(orders.id, order.id))
      .returning(),
    // A new order's lines are inserted once, with what reservation gave each (one array per column).
    known.unsaved ? insertRows(tx, orderLines, known.unsaved.map(reserved)) : setLineReservations(tx, reservation.lines),
    recordOrderEvents(tx, order.id, actor, [
      ...(known.events ?? []),
      { type: "submitted", data: { before: { status: order.status }, after: { status: "submitted" }, total: order.total } },
      holds.status === "on_hold"
        ? { type: "held", data: { before: { status: "submitted" }, after: { status: "on_hold" }, reasons: holds.reasons } }
        : { type: "opened", data: { before: { status: "submitted" }, after: { status: "open" }, reasons: [] } },
      ...reservation.events,
    ]),
    planned?.write(),
    queueConfirmation(tx, { ...submitted, status: holds.status, promisedDate }, customer, lines),
    known.alongside?.(),
  ]);
  await planned?.afterwards?.();
  // Last: an invoice on order takes its gapless number as the transaction's final statements. Everyone else
  // is billed when the goods ship: nothing to ask billing.
  if (customer.invoiceOnOrder || planned?.invoiceNow) await known.billing?.onSubmitted(tx, row!, actor, { invoiceNow: planned?.invoiceNow });
  return row!;
}

export async function submitOrder(options: { db: Db; actor: Actor; number: string; billing?: OrderBilling; planning?: OrderPlanning }): Promise<TOrder> {
  const { db, actor, number } = options;
  return db.transaction(async (tx) => {
    const order = await loadOrder(tx, number, { forUpdate: true });
    const customer = await loadOrderCustomer(tx, order.customerId);
    return toOrderDto(tx, await submitInTx(tx, order, actor, customer, { billing: options.billing, planning: options.planning }), { customer });
  });
}

/** A line as reservation left it: with the reservation, backorder and warehouse it was given, if any. */
function asReserved(reservations: LineReservation[]) {
  const byId = new Map(reservations.map((r) => [r.id, r]));
  return <L extends { id: string }>(line: L): L => ({ ...line, ...byId.get(line.id) });
}

/** The customer's order confirmation, queued with the submission (sent after commit when e-mail is on). */
async function queueConfirmation(tx: DbOrTx, order: OrderRow, customer: OrderCustomer, lines: KnownLine[]) {
  const email = customer.email !== undefined ? customer.email : ((await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, customer.id)))[0]?.email ?? null);
  await enqueueMessage(tx, {
    topic: EMAIL_TOPICS.orderConfirmation,
    recipient: email,
    ...orderConfirmationEmail({
      customerName: customer.name,
      order: order.number,
      customerReference: order.customerReference,
      currency: order.currency,
      total: order.total,
      promisedDate: order.promisedDate,
      lines: [...lines].sort((a, b) => a.line.lineNo - b.line.lineNo).map((l) => ({ sku: l.sku, quantity: l.line.quantity })),
      onHold: order.status === "on_hold",
    }),
  });
}
