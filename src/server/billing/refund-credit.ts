import { formatMoney } from "~/lib/money";
import { eq, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { getCreditNote, loadCreditNote } from "./get-credit-note";
import { getPayment, loadPayment } from "./get-payment";
import { paymentLabel } from "./queries";
import { creditNotes, payments, refunds } from "./schema";
import type { TCreditNote, TPayment, TRefundCreditNoteInput, TRefundPaymentInput } from "./schemas";

type RefundFields = { amount: number; method: TRefundPaymentInput["method"]; reference?: string | null; refundedOn?: string };

/** Customer credit paid back: never more than what is left of the payment or credit note. Recorded and audited. */
async function recordRefund(tx: DbOrTx, actor: Actor, source: { customerId: string; paymentId?: string; creditNoteId?: string; left: number; label: string; currency: string }, input: RefundFields) {
  if (input.amount > source.left) throw AppError.invalidField("amount", `only ${formatMoney(source.left, source.currency, "en-US")} of ${source.label} is left to refund`);
  const refundedOn = input.refundedOn ?? clock.today();
  if (refundedOn > clock.today()) throw AppError.invalidField("refundedOn", "cannot be in the future");
  const [refund] = await tx
    .insert(refunds)
    .values({
      customerId: source.customerId,
      paymentId: source.paymentId ?? null,
      creditNoteId: source.creditNoteId ?? null,
      amount: input.amount,
      method: input.method,
      reference: input.reference ?? null,
      refundedOn,
      createdBy: actorLabel(actor),
    })
    .returning();
  await recordAudit(tx, { entityType: "refund", entityId: refund!.id, action: "recorded", actor, after: { source: source.label, amount: input.amount, method: input.method, reference: input.reference ?? null } });
}

export async function refundPayment(options: { db: Db; actor: Actor; input: TRefundPaymentInput }): Promise<TPayment> {
  const { db, actor, input } = options;
  await db.transaction(async (tx) => {
    const payment = await loadPayment(tx, input.id, { forUpdate: true });
    const left = payment.amount - payment.amountAllocated - payment.amountRefunded;
    await recordRefund(tx, actor, { customerId: payment.customerId, paymentId: payment.id, left, label: paymentLabel(payment), currency: payment.currency }, input);
    await tx.update(payments).set({ amountRefunded: sql`${payments.amountRefunded} + ${input.amount}` }).where(eq(payments.id, payment.id));
  });
  return getPayment({ db, id: input.id });
}

export async function refundCreditNote(options: { db: Db; actor: Actor; input: TRefundCreditNoteInput }): Promise<TCreditNote> {
  const { db, actor, input } = options;
  const id = await db.transaction(async (tx) => {
    const note = await loadCreditNote(tx, input.number, { forUpdate: true });
    const left = note.total - note.amountApplied - note.amountRefunded;
    await recordRefund(tx, actor, { customerId: note.customerId, creditNoteId: note.id, left, label: note.number!, currency: note.currency }, input);
    await tx.update(creditNotes).set({ amountRefunded: sql`${creditNotes.amountRefunded} + ${input.amount}` }).where(eq(creditNotes.id, note.id));
    return note.id;
  });
  return getCreditNote({ db, number: id });
}
