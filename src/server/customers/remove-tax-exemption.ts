import { and, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { certificateOf } from "./add-tax-exemption";
import { getCustomer } from "./get-customer";
import { customers, customerTaxExemptions } from "./schema";
import type { TCustomer, TRemoveTaxExemptionInput } from "./schemas";

/**
 * Finance removes a certificate (revoked, recorded by mistake, replaced): orders priced from now on are taxed
 * for its region unless another covers it. Priced orders keep their tax. The audit keeps what it said.
 */
export async function removeTaxExemption(options: { db: Db; actor: Actor; input: TRemoveTaxExemptionInput }): Promise<TCustomer> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const [customer] = await tx.select({ id: customers.id, code: customers.code }).from(customers).where(eq(customers.code, input.code)).for("update");
    if (!customer) throw AppError.notFound("customer", input.code);
    const [row] = await tx
      .delete(customerTaxExemptions)
      .where(and(eq(customerTaxExemptions.id, input.id), eq(customerTaxExemptions.customerId, customer.id)))
      .returning();
    if (!row) throw AppError.notFound("tax exemption certificate", input.id);
    await recordAudit(tx, { entityType: "customer", entityId: customer.code, action: "tax_exemption_removed", actor, before: certificateOf(row) });
    return getCustomer({ db: tx, code: customer.code });
  });
}
