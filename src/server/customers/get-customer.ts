import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { eq } from "drizzle-orm";
import { taxExemptionRowsOf, toCustomerDto } from "./queries";
import { customerAddresses, customers } from "./schema";
import type { TCustomer } from "./schemas";

export async function getCustomer(options: { db: DbOrTx; code: string }): Promise<TCustomer> {
  return (await getCustomerWithId(options)).customer;
}

/** For other modules that store references: the customer and its id, with its addresses and tax exemptions, in one round trip. */
export async function getCustomerWithId(options: { db: DbOrTx; code: string }): Promise<{ id: string; customer: TCustomer; receivables: { unpaidInvoices: number; overdueHold: string | null } }> {
  const [rows, exemptions] = await Promise.all([
    options.db
      .select({ customer: customers, address: customerAddresses })
      .from(customers)
      .leftJoin(customerAddresses, eq(customerAddresses.customerId, customers.id))
      .where(eq(customers.code, options.code)),
    taxExemptionRowsOf(options.db, { code: options.code }),
  ]);
  const row = rows[0]?.customer;
  if (!row) throw AppError.notFound("customer", options.code);
  return {
    id: row.id,
    customer: toCustomerDto(row, rows.flatMap((r) => (r.address ? [r.address] : [])), exemptions),
    receivables: { unpaidInvoices: row.unpaidInvoices, overdueHold: row.overdueHold },
  };
}
