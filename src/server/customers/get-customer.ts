import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { findCustomerByCode, withAddresses } from "./queries";
import type { TCustomer } from "./schemas";

export async function getCustomer(options: { db: DbOrTx; code: string }): Promise<TCustomer> {
  return (await getCustomerWithId(options)).customer;
}

/** For other modules that store references: the customer and its id, read once. */
export async function getCustomerWithId(options: { db: DbOrTx; code: string }): Promise<{ id: string; customer: TCustomer }> {
  const row = await findCustomerByCode(options.db, options.code);
  if (!row) throw AppError.notFound("customer", options.code);
  const [customer] = await withAddresses(options.db, [row]);
  return { id: row.id, customer: customer! };
}
