import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { getCustomer } from "./get-customer";
import { lockCustomer } from "./lock-customer";
import { customers } from "./schema";
import type { TCustomer, TSetCreditLimitInput } from "./schemas";

/**
 * Finance sets how much a customer may owe (open orders and unpaid invoices): the credit check of orders submitted
 * from now on uses it. Orders already on a credit hold stay held until someone releases them. Audited with the
 * old and new limit and the reason.
 */
export async function setCreditLimit(options: { db: Db; actor: Actor; input: TSetCreditLimitInput }): Promise<TCustomer> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const before = await lockCustomer(tx, input.code);
    if (before.creditLimit === input.creditLimit) return getCustomer({ db: tx, code: before.code });
    await Promise.all([
      tx.update(customers).set({ creditLimit: input.creditLimit, version: before.version + 1 }).where(eq(customers.id, before.id)),
      recordAudit(tx, {
        entityType: "customer",
        entityId: before.code,
        action: "credit_limit_changed",
        actor,
        before: { creditLimit: before.creditLimit, currency: before.currency },
        after: { creditLimit: input.creditLimit, currency: before.currency, reason: input.reason },
      }),
    ]);
    return getCustomer({ db: tx, code: before.code });
  });
}
