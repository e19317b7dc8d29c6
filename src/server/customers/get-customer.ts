import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { findCustomerByCode, withAddresses } from "./queries";
import type { TCustomer } from "./schemas";

export async function getCustomer(options: { db: DbOrTx; code: string }): Promise<TCustomer> {
  const row = await findCustomerByCode(options.db, options.code);
  if (!row) throw AppError.notFound("customer", options.code);
  const [dto] = await withAddresses(options.db, [row]);
  return dto!;
}
