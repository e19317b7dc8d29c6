import { actorLabel, type Actor } from "../auth/actor";
import { recordWebhookEvent } from "../integration";
import * as clock from "../clock";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { applyCredit } from "./apply-credit";
import { loadCustomer, paymentLabel } from "./queries";
import { payments } from "./schema";
import type { TPayment, TRecordPaymentInput } from "./schemas";
import { getPayment } from "./get-payment";

/**
 * Money received from a customer: recorded and, in the same transaction, allocated — by hand, or to the
 * oldest open invoices first. What is left is the customer's credit, to apply later or refund.
 */
export async function recordPayment(options: { db: Db; actor: Actor; input: TRecordPaymentInput }): Promise<TPayment> {
  const { db, actor, input } = options;
  const id = await db.transaction(async (tx) => {
    const customer = await loadCustomer(tx, input.customer).catch(() => {
      throw AppError.invalidField("customer", `no customer with code "${input.customer}"`);
    });
    const receivedOn = input.receivedOn ?? clock.today();
    if (receivedOn > clock.today()) throw AppError.invalidField("receivedOn", "cannot be in the future");
    const [payment] = await tx
      .insert(payments)
      .values({
        customerId: customer.id,
        method: input.method,
        reference: input.reference ?? null,
        receivedOn,
        currency: customer.currency,
        amount: input.amount,
        notes: input.notes ?? null,
        recordedBy: actorLabel(actor),
      })
      .returning();
    const applied =
      input.allocations || input.autoAllocate
        ? await applyCredit(tx, {
            customerId: customer.id,
            currency: customer.currency,
            source: { kind: "payment", id: payment!.id, label: paymentLabel(payment!) },
            available: payment!.amount,
            allocations: input.allocations,
            actor,
          }).then((r) => r.applied)
        : [];
    await recordAudit(tx, {
      entityType: "payment",
      entityId: payment!.id,
      action: "recorded",
      actor,
      after: { customer: customer.code, amount: payment!.amount, method: payment!.method, reference: payment!.reference, receivedOn, allocations: applied },
    });
    await recordWebhookEvent(tx, { type: "payment.received", data: () => getPayment({ db: tx, id: payment!.id }) });
    return payment!.id;
  });
  return getPayment({ db, id });
}
