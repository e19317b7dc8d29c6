import type { Actor } from "../auth/actor";
import { recordAudit } from "../db/audit";
import type { Db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { ALL_REGIONS } from "~/lib/tax-exemptions";
import * as clock from "../clock";
import { actorLabel } from "../auth/actor";
import { resolveActiveCode } from "../settings";
import { toCustomerDto } from "./queries";
import { customerAddresses, customers, customerTaxExemptions } from "./schema";
import type { TCreateCustomerInput, TCustomer } from "./schemas";

export async function createCustomer(options: { db: Db; actor: Actor; input: TCreateCustomerInput }): Promise<TCustomer> {
  const { db, actor, input } = options;
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
