import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { insertRows } from "../db/bulk";
import { AppError, isUniqueViolation } from "../errors";
import { resolveActiveCodes } from "../settings";
import { customerAddresses, customers } from "./schema";

export type CustomerImport = typeof customers.$inferInsert;
export type CustomerAddressImport = typeof customerAddresses.$inferInsert;

/**
 * Customers and their addresses in bulk, as another system (or the demo) hands them over, ids included:
 * a few statements whatever their number, in one transaction. Every row of a kind sets the same fields
 * (db/bulk.ts); rows without timestamps take the domain clock's time. Not audited, unlike
 * createCustomer: a load of master data, not an edit. A code that exists already refuses the whole load, and
 * so does a segment that is not an active one (400 naming `customers.N.segment`).
 */
export async function importCustomers(
  db: DbOrTx,
  input: { customers: CustomerImport[]; addresses: CustomerAddressImport[] },
): Promise<{ customers: number; addresses: number }> {
  const at = clock.now();
  try {
    await db.transaction(async (tx) => {
      if (input.customers.length > 0) {
        const segments = await resolveActiveCodes(tx, "segments", input.customers.map((row) => row.segment), (i) => `customers.${i}.segment`);
        await insertRows(tx, customers, input.customers.map((row, i) => ({ createdAt: at, updatedAt: at, ...row, segment: segments[i]! })));
      }
      if (input.addresses.length > 0) {
        await insertRows(tx, customerAddresses, input.addresses.map((row) => ({ createdAt: at, updatedAt: at, ...row })));
      }
    });
  } catch (error) {
    if (isUniqueViolation(error, "customers_code_uq")) {
      throw AppError.conflict("CUSTOMER_CODE_TAKEN", "code: a customer with one of these codes already exists.");
    }
    throw error;
  }
  return { customers: input.customers.length, addresses: input.addresses.length };
}
