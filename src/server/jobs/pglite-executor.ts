import type { PGlite } from "@electric-sql/pglite";

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
