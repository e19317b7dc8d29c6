import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { executeRows } from "./execute";

/**
 * Rows a table must have changed by, and the share of its size, before its statistics count as stale: as many rows
 * as it had (a table growing from empty is analyzed at 1,000, 2,000, 4,000… rows). Plans change with a table's order
 * of magnitude, not with a fifth more rows; analyzing at every fifth cost an import of 100,000 lines 4 s of database
 * time, a twelfth of all it spent.
 */
const STALE_ROWS = 1_000;
const STALE_SHARE = 1;

/**
 * ANALYZEs the tables whose rows changed by more than their number (and 1,000 rows) since their statistics were taken,
 * and says which. Autovacuum's analyze does that too (at a tenth), later: a bulk load outruns autovacuum (or finds
 * it off), and the planner, still seeing the tables as they were before the load, picks plans that get slower
 * with every row (an import of 100,000 order lines spent 60% more database time per order without this).
 */
export async function refreshStaleStatistics(db: Db): Promise<string[]> {
  const stale = await executeRows<{ schema: string; name: string }>(
    db,
    sql`select s.schemaname as schema, s.relname as name from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.n_mod_since_analyze >= ${STALE_ROWS} and s.n_mod_since_analyze > ${STALE_SHARE} * greatest(c.reltuples, 0)
        order by s.relname`,
  );
  if (stale.length === 0) return [];
  await db.execute(sql`analyze ${sql.join(stale.map((t) => sql`${sql.identifier(t.schema)}.${sql.identifier(t.name)}`), sql`, `)}`);
  return stale.map((t) => t.name);
}
