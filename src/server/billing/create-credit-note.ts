import { eq } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { numberGapless } from "../db/sequences";
import { recordOrderEvents, type OrderEventEntry } from "../orders";
import { applyCredit } from "./apply-credit";
import type { CreditNoteKind } from "./constants";
import { creditNoteLines, creditNotes, returns } from "./schema";

export type CreditLine = {
  orderLineId?: string | null;
  invoiceLineId?: string | null;
  sku: string | null;
  description: string;
  quantity: number | null;
  amount: number;
  tax: number;
  taxRatePpm: number;
};

/**
 * Issues a credit note in the caller's transaction — numbered gapless (CN-…) — and applies it at once to
 * what it corrects: the invoice of a price correction, or the open invoices of the returned order, oldest
 * first; a return's note is linked from the return. Whatever is not needed there stays as customer credit (applied later or refunded).
 */
export async function issueCreditNote(
  tx: DbOrTx,
  input: {
    kind: CreditNoteKind;
    customerId: string;
    orderId: string | null;
    invoiceId?: string | null;
    returnId?: string | null;
    currency: string;
    reason: string;
    lines: CreditLine[];
    actor: Actor;
  },
) {
  const subtotal = input.lines.reduce((s, l) => s + l.amount, 0);
  const taxTotal = input.lines.reduce((s, l) => s + l.tax, 0);
  const [note] = await tx
    .insert(creditNotes)
    .values({
      kind: input.kind,
      customerId: input.customerId,
      orderId: input.orderId,
      invoiceId: input.invoiceId ?? null,
      returnId: input.returnId ?? null,
      currency: input.currency,
      issueDate: clock.today(),
      reason: input.reason,
      subtotal,
      taxTotal,
      total: subtotal + taxTotal,
      createdBy: actorLabel(input.actor),
    })
    .returning();
  await tx.insert(creditNoteLines).values(input.lines.map((l) => ({ ...l, creditNoteId: note!.id })));
  if (input.returnId) await tx.update(returns).set({ creditNoteId: note!.id }).where(eq(returns.id, input.returnId));
  // Applied before it is numbered, its timeline entries held back: the gapless counter is taken last and
  // stays locked for two statements (the number, the timeline), not for the whole application.
  const { applied, heldEvents } = await applyCredit(tx, {
    customerId: input.customerId,
    currency: input.currency,
    source: { kind: "credit_note", id: note!.id, label: null },
    available: note!.total,
    onlyInvoicesOf: input.invoiceId ? { invoiceId: input.invoiceId } : input.orderId ? { orderId: input.orderId } : undefined,
    actor: input.actor,
    holdEvents: true,
  });
  const number = await numberGapless(tx, "credit_note", { table: creditNotes, numberColumn: creditNotes.number, idColumn: creditNotes.id, id: note!.id });
  const named = (events: OrderEventEntry[]) => events.map((e) => (e.type === "payment_applied" ? { ...e, data: { ...e.data, source: number } } : e));
  const timelines = new Map([...heldEvents].map(([orderId, events]) => [orderId, named(events)]));
  if (input.orderId) {
    const issued: OrderEventEntry = { type: "credit_note_issued", data: { creditNote: number, total: note!.total, reason: input.reason, kind: input.kind } };
    timelines.set(input.orderId, [issued, ...(timelines.get(input.orderId) ?? [])]);
  }
  await Promise.all([...timelines].map(([orderId, events]) => recordOrderEvents(tx, orderId, input.actor, events)));
  const amountApplied = applied.reduce((s, a) => s + a.amount, 0);
  return { note: { ...note!, number, amountApplied: note!.amountApplied + amountApplied }, applied };
}
