import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { executeRows } from "../db/execute";

/**
 * pg-boss on the app's embedded PGlite (`new PgBoss({ db })`): pg-boss sends parameterised single
 * statements, and its schema creation and migrations as one multi-statement script without parameters
 * (BEGIN; advisory lock; DDL…; COMMIT). PGlite's `query` is the extended protocol (one statement, with
 * parameters) and `exec` the simple protocol (many statements): each goes where it fits. Both wait for the
 * app's open transaction to finish (PGlite's transaction mutex), so pg-boss never runs inside one.
 */
export function pgliteExecutor(client: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number }> {
      if (values && values.length > 0) {
        const result = await client.query(text, values);
        return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
      }
      const results = await client.exec(text);
      const last = results.at(-1);
      return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
    },
  };
}

/**
 * pg-boss's send on the caller's transaction (its `db` option), on either database: its parameterised SQL ($1…)
 * becomes a drizzle statement with the same parameters, so the job row commits or rolls back with the change.
 * Objects are sent as JSON text, as pg does.
 */
export function transactionExecutor(tx: DbOrTx) {
  return {
    async executeSql(text: string, values: unknown[] = []): Promise<{ rows: unknown[]; rowCount: number }> {
      const query = sql.empty();
      text.split(/\$(\d+)/).forEach((part, i) => {
        if (i % 2 === 0) query.append(sql.raw(part));
        else query.append(sql`${toParameter(values[Number(part) - 1])}`);
      });
      const rows = await executeRows<unknown>(tx, query);
      return { rows, rowCount: rows.length };
    },
  };
}

function toParameter(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}
