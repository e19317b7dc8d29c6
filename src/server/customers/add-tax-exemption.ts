import { eq } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError, isUniqueViolation } from "../errors";
import { getCustomer } from "./get-customer";
import { customers, customerTaxExemptions } from "./schema";
import type { TAddTaxExemptionInput, TCustomer } from "./schemas";

/**
 * Finance records an exemption certificate the customer sent (resale, government…): from its issue date to
 * its expiry, orders shipped to its region are not taxed. Audited like the billing terms; answers the customer.
 */
export async function addTaxExemption(options: { db: Db; actor: Actor; input: TAddTaxExemptionInput }): Promise<TCustomer> {
  const { db, actor, input } = options;
  try {
    return await db.transaction(async (tx) => {
      const [customer] = await tx.select({ id: customers.id, code: customers.code }).from(customers).where(eq(customers.code, input.code)).for("update");
      if (!customer) throw AppError.notFound("customer", input.code);
      const [row] = await tx
        .insert(customerTaxExemptions)
        .values({
          customerId: customer.id,
          certificateNumber: input.certificateNumber,
          country: input.country,
          region: input.region,
          issuedOn: input.issuedOn,
          expiresOn: input.expiresOn ?? null,
          createdBy: actorLabel(actor),
        })
        .returning();
      await recordAudit(tx, { entityType: "customer", entityId: customer.code, action: "tax_exemption_added", actor, after: certificateOf(row!) });
      return getCustomer({ db: tx, code: customer.code });
    });
  } catch (error) {
    if (isUniqueViolation(error, "customer_tax_exemptions_number_uq")) {
      throw new AppError("conflict", "CERTIFICATE_ON_FILE", `certificateNumber: ${input.certificateNumber} for ${input.region} is already on file for ${input.code}.`, {
        fields: { certificateNumber: ["is already on file for this region"] },
      });
    }
    throw error;
  }
}

/** What the audit keeps of a certificate. */
export const certificateOf = (row: typeof customerTaxExemptions.$inferSelect) => ({
  id: row.id,
  certificateNumber: row.certificateNumber,
  country: row.country,
  region: row.region,
  issuedOn: row.issuedOn,
  expiresOn: row.expiresOn,
});
