import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { insertRows } from "../db/bulk";
import { AppError, isUniqueViolation } from "../errors";
import { warehouses } from "./schema";

export type WarehouseImport = typeof warehouses.$inferInsert;

/**
 * Warehouses in bulk, as another system (or the demo) hands them over, ids included, in one statement.
 * Every row sets the same fields (db/bulk.ts); rows without timestamps take the domain clock's time. Not
 * audited, unlike createWarehouse: a load of master data, not an edit. A code that exists already refuses
 * the whole load.
 */
export async function importWarehouses(db: DbOrTx, rows: WarehouseImport[]): Promise<{ warehouses: number }> {
  if (rows.length === 0) return { warehouses: 0 };
  const at = clock.now();
  try {
    await db.transaction((tx) => insertRows(tx, warehouses, rows.map((row) => ({ createdAt: at, updatedAt: at, ...row }))));
  } catch (error) {
    if (isUniqueViolation(error, "warehouses_code_uq")) {
      throw AppError.conflict("WAREHOUSE_CODE_TAKEN", "code: a warehouse with one of these codes already exists.");
    }
    throw error;
  }
  return { warehouses: rows.length };
}
