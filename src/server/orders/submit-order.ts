import { asc, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import { insertRows } from "../db/bulk";
import { products } from "../catalog";
import { customers } from "../customers";
import { AppError } from "../errors";
import { EMAIL_TOPICS, enqueueMessage, orderConfirmationEmail } from "../integration";
import type { OrderBilling } from "./billing-hook";
import type { OrderPlanning } from "./planning-hook";
import { reviewHolds } from "./holds";
import { loadOrder, loadOrderCustomer, recordOrderEvents, toOrderDto, type OrderCustomer, type OrderEventEntry, type OrderRow } from "./queries";
import { orderLines, orders } from "./schema";
import type { TOrder } from "./schemas";
import { reserveOrder, setLineReservations, type KnownLine, type LineReservation } from "./reserve-lines";
import { assertTransition } from "./state-machine";

/**
 * draft → submitted → on_hold | open, inside the caller's transaction: check the holds, reserve every
 * line (held orders reserve too: a credit hold must not lose the customer's stock to later orders), then
 * write the status, version and promise date in one statement and the timeline in another.
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
    exposureWithoutOrder?: number;
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
  const lines = known.lines?.map(({ line, sku }) => ({ ...line, sku }));
  const holds = await reviewHolds(tx, submitted, actor, customer, { fresh, lines, exposureWithoutOrder: known.exposureWithoutOrder });
  // Reserving locks stock rows until commit: it comes last, so few statements run while others wait.
  const reservation = await reserveOrder(tx, submitted, actor, { demandClass: customer.demandClass, fresh, lines: known.lines });
  assertTransition("submitted", holds.status, "system");
  const reserved = asReserved(reservation.lines);
  // The lines' reservations, the order's status and its timeline, sent together.
  const [[row]] = await Promise.all([
    tx
      .update(orders)
      .set({ status: holds.status, submittedAt: submitted.submittedAt, version: submitted.version, promisedDate: reservation.promisedDate })
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
  ]);
  // The policy the order follows, its promise dates, and what the policy starts with. The confirmation says the
  // promise date: planning sends it with its own writes (without planning, it goes alone).
  let confirmed = false;
  const confirm = (promisedDate: string | null) => {
    confirmed = true;
    return queueConfirmation(tx, { ...row!, promisedDate }, customer, known.lines);
  };
  const facts = known.lines && { lines: known.lines.map(({ line, sku }) => ({ line: reserved(line), sku })), customer };
  const plan = await known.planning?.onSubmitted(tx, row!, actor, facts, confirm);
  if (!confirmed) await confirm(plan?.promisedDate ?? row!.promisedDate);
  // Last: an invoice on order takes its gapless number as the transaction's final statements. Everyone else
  // is billed when the goods ship: nothing to ask billing.
  if (customer.invoiceOnOrder || plan?.invoiceNow) await known.billing?.onSubmitted(tx, row!, actor, { invoiceNow: plan?.invoiceNow });
  return plan ? { ...row!, promisedDate: plan.promisedDate } : row!;
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
async function queueConfirmation(tx: DbOrTx, order: OrderRow, customer: OrderCustomer, known: KnownLine[] | undefined) {
  const lines = known
    ? [...known].sort((a, b) => a.line.lineNo - b.line.lineNo).map((l) => ({ sku: l.sku, quantity: l.line.quantity }))
    : await tx
        .select({ sku: products.sku, quantity: orderLines.quantity })
        .from(orderLines)
        .innerJoin(products, eq(products.id, orderLines.productId))
        .where(eq(orderLines.orderId, order.id))
        .orderBy(asc(orderLines.lineNo));
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
      lines,
      onHold: order.status === "on_hold",
    }),
  });
}
