import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { applyCredit } from "./apply-credit";
import { getPayment, loadPayment } from "./get-payment";
import { paymentLabel } from "./queries";
import type { TAllocatePaymentInput, TPayment } from "./schemas";

/** What is left of a payment (customer credit) goes to open invoices: by hand, or oldest first. */
export async function allocatePayment(options: { db: Db; actor: Actor; input: TAllocatePaymentInput }): Promise<TPayment> {
  const { db, actor, input } = options;
  await db.transaction(async (tx) => {
    const payment = await loadPayment(tx, input.id, { forUpdate: true });
    const available = payment.amount - payment.amountAllocated - payment.amountRefunded;
    if (available <= 0) throw AppError.conflict("NOTHING_TO_ALLOCATE", `${paymentLabel(payment)} is fully allocated or refunded.`);
    const { applied } = await applyCredit(tx, {
      customerId: payment.customerId,
      currency: payment.currency,
      source: { kind: "payment", id: payment.id, label: paymentLabel(payment) },
      available,
      allocations: input.allocations,
      actor,
    });
    if (applied.length === 0) throw AppError.conflict("NO_OPEN_INVOICES", "The customer has no open invoices to apply the credit to.");
    await recordAudit(tx, { entityType: "payment", entityId: payment.id, action: "allocated", actor, after: { allocations: applied } });
  });
  return getPayment({ db, id: input.id });
}
