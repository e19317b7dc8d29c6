import type { Actor } from "../auth/actor";
import { recordAudit } from "../db/audit";
import type { Db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { toCustomerDto } from "./queries";
import { customerAddresses, customers } from "./schema";
import type { TCreateCustomerInput, TCustomer } from "./schemas";

export async function createCustomer(options: { db: Db; actor: Actor; input: TCreateCustomerInput }): Promise<TCustomer> {
  const { db, actor, input } = options;
  const { billingAddress, shippingAddress, ...fields } = input;
  try {
    return await db.transaction(async (tx) => {
      const [customer] = await tx.insert(customers).values(fields).returning();
      if (!customer) throw new Error("insert returned nothing");
      const addresses = await tx
        .insert(customerAddresses)
        .values([
          { customerId: customer.id, kind: "billing", ...billingAddress },
          // Ship-to defaults to the billing address, as most B2B accounts ship where they are billed.
          { customerId: customer.id, kind: "shipping", ...(shippingAddress ?? billingAddress) },
        ])
        .returning();
      const dto = toCustomerDto(customer, addresses);
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
