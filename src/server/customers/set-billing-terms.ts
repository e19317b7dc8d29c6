import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { getCustomer } from "./get-customer";
import { lockCustomer } from "./lock-customer";
import { customers } from "./schema";
import type { TCustomer, TSetBillingTermsInput } from "./schemas";

/**
 * Finance changes how a customer is billed: payment terms (new invoices' due dates), invoiced on order
 * (prepaid), and freight terms. Issued invoices keep their terms. Audited with the before and after.
 */
export async function setBillingTerms(options: { db: Db; actor: Actor; input: TSetBillingTermsInput }): Promise<TCustomer> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const before = await lockCustomer(tx, input.code);
    const { code: _code, ...changes } = input;
    const [after] = await tx.update(customers).set({ ...changes, version: before.version + 1 }).where(eq(customers.id, before.id)).returning();
    const terms = (c: typeof before) => ({ paymentTermsDays: c.paymentTermsDays, invoiceOnOrder: c.invoiceOnOrder, billFreight: c.billFreight });
    await recordAudit(tx, { entityType: "customer", entityId: before.code, action: "billing_terms_changed", actor, before: terms(before), after: terms(after!) });
    return getCustomer({ db: tx, code: before.code });
  });
}
