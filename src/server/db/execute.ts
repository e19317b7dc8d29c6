import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";

/** Runs raw SQL and returns its rows on both drivers (postgres.js answers an array, PGlite `{ rows }`). */
export async function executeRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
