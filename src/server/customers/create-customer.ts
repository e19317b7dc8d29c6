import type { Actor } from "../auth/actor";
import { recordAudit } from "../db/audit";
import type { Db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { ALL_REGIONS } from "~/lib/tax-exemptions";
import * as clock from "../clock";
import { actorLabel } from "../auth/actor";
import { can } from "../auth/permissions";
import { resolveActiveCode } from "../settings";
import { toCustomerDto } from "./queries";
import { customerAddresses, customers, customerTaxExemptions } from "./schema";
import type { TCreateCustomerInput, TCustomer } from "./schemas";

/**
 * Opens a customer's account with its billing (and shipping) address, audited. A credit limit above 0 is for the
 * roles that set credit limits: a rep's new customer starts at 0 (its orders go on credit hold) until finance sets one.
 */
export async function createCustomer(options: { db: Db; actor: Actor; input: TCreateCustomerInput }): Promise<TCustomer> {
  const { db, actor, input } = options;
  if (input.creditLimit > 0 && !can(actor.role, "customers.credit")) {
    throw new AppError("forbidden", "CREDIT_LIMIT_NOT_ALLOWED", "creditLimit: your role does not set credit limits; leave it at 0 for finance to set.", {
      fields: { creditLimit: ["your role does not set credit limits: leave it at 0"] },
    });
  }
  const { billingAddress, shippingAddress, taxExempt, ...fields } = input;
  try {
    return await db.transaction(async (tx) => {
      const segment = await resolveActiveCode(tx, "segments", input.segment, "segment");
      const [customer] = await tx
        .insert(customers)
        .values({ ...fields, segment })
        .returning();
      if (!customer) throw new Error("insert returned nothing");
      const addresses = await tx
        .insert(customerAddresses)
        .values([
          { customerId: customer.id, kind: "billing", ...billingAddress },
          // Ship-to defaults to the billing address, as most B2B accounts ship where they are billed.
          { customerId: customer.id, kind: "shipping", ...(shippingAddress ?? billingAddress) },
        ])
        .returning();
      // The old flag, kept for existing clients: exempt everywhere in the billing country, certificate not recorded yet.
      const exemptions = taxExempt
        ? await tx
            .insert(customerTaxExemptions)
            .values({ customerId: customer.id, certificateNumber: "ON-FILE", country: billingAddress.country, region: ALL_REGIONS, issuedOn: clock.today(), createdBy: actorLabel(actor) })
            .returning()
        : [];
      const dto = toCustomerDto(customer, addresses, exemptions);
      await recordAudit(tx, { entityType: "customer", entityId: customer.code, action: "created", actor, after: dto });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error, "customers_code_uq")) {
      throw new AppError("conflict", "CUSTOMER_CODE_TAKEN", `code: a customer with code "${input.code}" already exists.`, {
        fields: { code: ["is already used by another customer"] },
      });
    }
    throw error;
  }
}
