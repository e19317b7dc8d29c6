import { formatMoney } from "~/lib/money";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { resolveOrderExceptions } from "../exceptions";
import { orders, type OrderEventEntry } from "../orders";
import { allocateInOrder, paidStatus } from "./amounts";
import { invoiceStateOf, recordOrderBilling } from "./queries";
import { refreshReceivables } from "./refresh-receivables";
import { allocations, creditNotes, invoices, payments } from "./schema";
import { isUuid } from "~/lib/uuid";

/** Where the money comes from; a credit note's label (its number) may not exist yet when its timeline entries are held. */
export type CreditSource = { kind: "payment"; id: string; label: string } | { kind: "credit_note"; id: string; label: string | null };

/** Timeline entries held back per order, for the caller to write after its own last statements. */
export type HeldEvents = Map<string, OrderEventEntry[]>;

/**
 * Applies customer money (a payment or a credit note) to open invoices of the customer, in the caller's
 * transaction: by hand (invoice and amount, each at most what it still owes) or, without a list, to the
 * oldest due first. Locks the invoices' orders, then the invoices (the order in which every billing writer
 * takes them), writes the allocations, the invoices' paid amounts and status, the source's used amount,
 * each order's billing status and timeline — and closes a `payment_overdue` exception once nothing of the
 * order is overdue. Returns what was applied.
 */
export async function applyCredit(
  tx: DbOrTx,
  input: {
    customerId: string;
    currency: string;
    source: CreditSource;
    available: number;
    allocations?: { invoice: string; amount: number }[];
    /** Oldest first among these only (a return's credit goes to its order's invoices first). */
    onlyInvoicesOf?: { orderId?: string; invoiceId?: string };
    actor: Actor;
    appliedOn?: string;
    /** Return the orders' timeline entries instead of writing them (see HeldEvents). */
    holdEvents?: boolean;
  },
): Promise<{ applied: { invoiceId: string; amount: number }[]; heldEvents: HeldEvents }> {
  const { actor } = input;
  const wanted = input.allocations;
  if (wanted) {
    const total = wanted.reduce((s, a) => s + a.amount, 0);
    if (total > input.available) {
      throw AppError.invalidField("allocations", `allocates ${formatMoney(total, input.currency, "en-US")} but only ${formatMoney(input.available, input.currency, "en-US")} is available from ${input.source.label}`);
    }
    const keys = wanted.map((a) => a.invoice.trim().toUpperCase());
    if (new Set(keys).size !== keys.length) throw AppError.invalidField("allocations", "names an invoice twice");
  }
  const none = { applied: [], heldEvents: new Map() };
  if (input.available <= 0 || wanted?.length === 0) return none;

  // The candidates, without locks; then their orders and themselves, locked, in that order.
  const only = input.onlyInvoicesOf;
  const open = and(
    inArray(invoices.status, ["issued", "partially_paid"]),
    eq(invoices.currency, input.currency),
    only?.orderId ? eq(invoices.orderId, only.orderId) : undefined,
    only?.invoiceId ? eq(invoices.id, only.invoiceId) : undefined,
  );
  const byKey = wanted
    ? or(...wanted.map((a) => (isUuid(a.invoice) ? eq(invoices.id, a.invoice) : eq(invoices.number, a.invoice.trim().toUpperCase()))))
    : undefined;
  const seen = await tx.select({ id: invoices.id, orderId: invoices.orderId }).from(invoices).where(and(eq(invoices.customerId, input.customerId), byKey ?? open));
  if (seen.length === 0) return none;
  await tx
    .select({ id: orders.id })
    .from(orders)
    .where(inArray(orders.id, [...new Set(seen.map((s) => s.orderId))]))
    .orderBy(asc(orders.id))
    .for("update");
  const locked = await tx
    .select()
    .from(invoices)
    .where(inArray(invoices.id, seen.map((s) => s.id)))
    .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.number))
    .for("update");

  let plan: { invoiceId: string; amount: number }[];
  if (wanted) {
    plan = wanted.map((a, i) => {
      const key = a.invoice.trim();
      const invoice = locked.find((r) => r.id === key || r.number === key.toUpperCase());
      if (!invoice) throw AppError.invalidField(`allocations.${i}.invoice`, `no invoice ${a.invoice} of this customer`);
      if (invoice.status !== "issued" && invoice.status !== "partially_paid") {
        throw AppError.invalidField(`allocations.${i}.invoice`, `${invoice.number ?? "the invoice"} is ${invoice.status}: nothing to pay on it`);
      }
      if (invoice.currency !== input.currency) throw AppError.invalidField(`allocations.${i}.invoice`, `${invoice.number} is in ${invoice.currency}`);
      const balance = invoice.total - invoice.amountPaid;
      if (a.amount > balance) throw AppError.invalidField(`allocations.${i}.amount`, `${invoice.number} owes only ${formatMoney(balance, invoice.currency, "en-US")}`);
      return { invoiceId: invoice.id, amount: a.amount };
    });
  } else {
    plan = allocateInOrder(
      input.available,
      locked.filter((r) => r.status === "issued" || r.status === "partially_paid").map((r) => ({ id: r.id, balance: r.total - r.amountPaid })),
    ).map((a) => ({ invoiceId: a.id, amount: a.amount }));
  }
  if (plan.length === 0) return none;

  const appliedOn = input.appliedOn ?? clock.today();
  await tx.insert(allocations).values(
    plan.map((p) => ({
      invoiceId: p.invoiceId,
      paymentId: input.source.kind === "payment" ? input.source.id : null,
      creditNoteId: input.source.kind === "credit_note" ? input.source.id : null,
      amount: p.amount,
      appliedOn,
      createdBy: actorLabel(actor),
    })),
  );
  const applied = plan.reduce((s, p) => s + p.amount, 0);
  if (input.source.kind === "payment") {
    await tx.update(payments).set({ amountAllocated: sql`${payments.amountAllocated} + ${applied}` }).where(eq(payments.id, input.source.id));
  } else {
    await tx.update(creditNotes).set({ amountApplied: sql`${creditNotes.amountApplied} + ${applied}` }).where(eq(creditNotes.id, input.source.id));
  }
  const heldEvents = await settleInvoices(
    tx,
    plan.map((p) => ({ invoice: locked.find((r) => r.id === p.invoiceId)!, change: p.amount })),
    actor,
    (invoice, amount) => ({ type: "payment_applied", data: { invoice: invoice.number, amount, source: input.source.label, kind: input.source.kind } }),
    { holdEvents: input.holdEvents },
  );
  return { applied: plan, heldEvents };
}

/**
 * Invoices whose paid amount changed (by allocations or their reversal): their amount and status, their
 * orders' billing status and timeline, and the overdue exception closed once an order has nothing overdue.
 */
export async function settleInvoices(
  tx: DbOrTx,
  changes: { invoice: typeof invoices.$inferSelect; change: number }[],
  actor: Actor,
  event: (invoice: typeof invoices.$inferSelect, amount: number) => { type: string; data: Record<string, unknown> },
  options: { holdEvents?: boolean } = {},
): Promise<HeldEvents> {
  for (const { invoice, change } of changes) {
    const amountPaid = invoice.amountPaid + change;
    await tx
      .update(invoices)
      .set({ amountPaid, status: paidStatus(invoice.total, amountPaid), version: invoice.version + 1 })
      .where(eq(invoices.id, invoice.id));
  }
  for (const customerId of new Set(changes.map((c) => c.invoice.customerId))) await refreshReceivables(tx, customerId);
  const byOrder = new Map<string, typeof changes>();
  for (const c of changes) byOrder.set(c.invoice.orderId, [...(byOrder.get(c.invoice.orderId) ?? []), c]);
  const held: HeldEvents = new Map();
  for (const [orderId, list] of byOrder) {
    const events = await recordOrderBilling(tx, { orderId, actor, events: list.map((c) => event(c.invoice, c.change)), holdEvents: options.holdEvents });
    if (options.holdEvents) held.set(orderId, events);
    if (!(await invoiceStateOf(tx, orderId)).anyOverdue) {
      await resolveOrderExceptions(tx, { orderId, actor, resolution: "paid", note: "Nothing of the order is overdue any more.", types: ["payment_overdue"] });
    }
  }
  return held;
}
