import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";

/** Runs raw SQL and returns its rows on both drivers (postgres.js answers an array, PGlite `{ rows }`). */
export async function executeRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * `first`, then `query` in the same round trip (a savepoint and the statement it may be undone to): a transaction
 * runs its statements in the order they reach the driver, and the two take the same path to it, `first` first.
 * (Two different paths, say `tx.execute` beside `executeRows`, can arrive the other way round:
 * execute.int.test.ts checks the order.) Returns `query`'s rows.
 */
export async function executeRowsAfter<T>(db: DbOrTx, first: SQL, query: SQL): Promise<T[]> {
  const [, rows] = await Promise.all([executeRows(db, first), executeRows<T>(db, query)]);
  return rows;
}
