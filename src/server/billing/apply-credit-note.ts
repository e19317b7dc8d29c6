import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { applyCredit } from "./apply-credit";
import { getCreditNote, loadCreditNote } from "./get-credit-note";
import type { TApplyCreditNoteInput, TCreditNote } from "./schemas";

/** What is left of a credit note goes to the customer's open invoices: by hand, or oldest first. */
export async function applyCreditNote(options: { db: Db; actor: Actor; input: TApplyCreditNoteInput }): Promise<TCreditNote> {
  const { db, actor, input } = options;
  const id = await db.transaction(async (tx) => {
    const note = await loadCreditNote(tx, input.number, { forUpdate: true });
    const available = note.total - note.amountApplied - note.amountRefunded;
    if (available <= 0) throw AppError.conflict("NOTHING_TO_ALLOCATE", `${note.number} is fully applied or refunded.`);
    const { applied } = await applyCredit(tx, {
      customerId: note.customerId,
      currency: note.currency,
      source: { kind: "credit_note", id: note.id, label: note.number! },
      available,
      allocations: input.allocations,
      actor,
    });
    if (applied.length === 0) throw AppError.conflict("NO_OPEN_INVOICES", "The customer has no open invoices to apply the credit to.");
    await recordAudit(tx, { entityType: "credit_note", entityId: note.number!, action: "applied", actor, after: { allocations: applied } });
    return note.id;
  });
  return getCreditNote({ db, number: id });
}
