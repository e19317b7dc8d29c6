import { eq, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { loadOrderForFulfillment } from "../orders";
import { settleInvoices } from "./apply-credit";
import { loadInvoice } from "./queries";
import { allocations, creditNotes, payments } from "./schema";
import type { TReverseAllocationInput } from "./schemas";

/**
 * Takes an allocation back (a payment applied to the wrong invoice, a bounced cheque): the row stays, marked
 * reversed with who, when and why; the invoice owes the amount again and the payment or credit note has it
 * to give again. Audited, and on the order's timeline.
 */
export async function reverseAllocation(options: { db: Db; actor: Actor; input: TReverseAllocationInput }) {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const [seen] = await tx.select().from(allocations).where(eq(allocations.id, input.id));
    if (!seen) throw AppError.notFound("allocation", input.id);
    const seenInvoice = await loadInvoice(tx, seen.invoiceId);
    await loadOrderForFulfillment(tx, { id: seenInvoice.orderId }, { forUpdate: true });
    const invoice = await loadInvoice(tx, seen.invoiceId, { forUpdate: true });
    const [allocation] = await tx.select().from(allocations).where(eq(allocations.id, input.id)).for("update");
    if (allocation!.reversedAt) throw AppError.conflict("ALLOCATION_REVERSED", `This allocation was taken back on ${allocation!.reversedOn} by ${allocation!.reversedBy}.`);
    await tx
      .update(allocations)
      .set({ reversedAt: clock.now(), reversedOn: clock.today(), reversedBy: actorLabel(actor), reversalReason: input.reason })
      .where(eq(allocations.id, allocation!.id));
    if (allocation!.paymentId) {
      await tx.update(payments).set({ amountAllocated: sql`${payments.amountAllocated} - ${allocation!.amount}` }).where(eq(payments.id, allocation!.paymentId));
    } else {
      await tx.update(creditNotes).set({ amountApplied: sql`${creditNotes.amountApplied} - ${allocation!.amount}` }).where(eq(creditNotes.id, allocation!.creditNoteId!));
    }
    await settleInvoices(tx, [{ invoice, change: -allocation!.amount }], actor, (inv, amount) => ({
      type: "payment_unapplied",
      data: { invoice: inv.number, amount: -amount, reason: input.reason },
    }));
    await recordAudit(tx, {
      entityType: "allocation",
      entityId: allocation!.id,
      action: "reversed",
      actor,
      before: { invoice: invoice.number, amount: allocation!.amount, paymentId: allocation!.paymentId, creditNoteId: allocation!.creditNoteId },
      after: { reason: input.reason },
    });
    return { id: allocation!.id, invoice: invoice.number!, amount: allocation!.amount };
  });
}
