import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { findProductBySku, toProductDto } from "./queries";
import type { TProduct } from "./schemas";

export async function getProduct(options: { db: DbOrTx; sku: string }): Promise<TProduct> {
  const row = await findProductBySku(options.db, options.sku);
  if (!row) throw AppError.notFound("product", options.sku);
  return toProductDto(row);
}
