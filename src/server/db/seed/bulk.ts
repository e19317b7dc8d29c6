import { getTableColumns } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";

/** PostgreSQL's wire protocol allows at most 65,535 bind parameters in one statement. */
const MAX_PARAMETERS = 65_535;
/** Larger statements stop paying off and make PGlite's single WASM heap work harder. */
const MAX_ROWS_PER_STATEMENT = 1_000;

/** Multi-row inserts, each under the parameter limit whatever the table's width. */
export async function insertRows<T extends PgTable>(db: DbOrTx, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  const columns = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns)));
  for (let i = 0; i < rows.length; i += size) {
    await db.insert(table).values(rows.slice(i, i + size));
  }
}
