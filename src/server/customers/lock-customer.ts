import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { customers } from "./schema";

/**
 * The customer's row, locked until the caller's transaction ends: edits of one customer wait for each other. With
 * `version` (what the editor read), a customer changed since is 409 STALE_VERSION.
 */
export async function lockCustomer(tx: DbOrTx, code: string, version?: number) {
  const [row] = await tx.select().from(customers).where(eq(customers.code, code)).for("update");
  if (!row) throw AppError.notFound("customer", code);
  if (version !== undefined && version !== row.version) {
    throw AppError.conflict("STALE_VERSION", `${row.name} changed since you opened it (version ${row.version}, you sent ${version}): reload and make your change again.`, {
      currentVersion: row.version,
      yourVersion: version,
    });
  }
  return row;
}
