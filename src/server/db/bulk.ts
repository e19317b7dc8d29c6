import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client";

/** Rows per statement: big enough to amortise the round trip, small enough to keep memory flat. */
const ROWS_PER_STATEMENT = 5_000;

/**
 * Bulk insert as `INSERT … SELECT * FROM unnest($1::text[]::uuid[], $2::text[]::integer[], …)`: one
 * array parameter per column instead of one parameter per value. That keeps every statement far below
 * PostgreSQL's 65,535-parameter limit whatever the row count, and runs 2–4× faster than a multi-row
 * VALUES list on both PGlite and PostgreSQL. Arrays travel as text[] because PGlite cannot serialise
 * arrays of enum types; the server casts them back to each column's type.
 *
 * Every row must set the same keys (a database default cannot be asked for row by row). A column the rows leave
 * out takes its `$defaultFn` as drizzle's insert would (timestamps on the domain clock), else the SQL default.
 */
export async function insertRows<T extends PgTable>(db: DbOrTx, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db.execute(unnestInsert(table, rows.slice(i, i + ROWS_PER_STATEMENT) as Record<string, unknown>[]));
  }
}

/**
 * One array parameter cast by the server to `type[]` (`integer`, `uuid`, `text`…): sent as text[] for the reasons
 * above. For `unnest(…)` in statements insertRows does not write (upserts, updates from a list).
 */
export function textArray(values: (string | number | null | undefined)[], type: string): SQL {
  return sql`${sql.param(values.map((v) => (v == null ? null : String(v))))}::text[]::${sql.raw(type)}[]`;
}

/**
 * `column = any(array)`: the values as one array parameter, so a statement is the same (prepared once, planned
 * generically) whatever their number — `inArray` sends one parameter each: a new statement per length, planned
 * at every call.
 */
export function anyOf(column: PgColumn, values: (string | number)[]): SQL {
  return sql`${column} = any(${textArray(values, column.getSQLType())})`;
}

function unnestInsert(table: PgTable, rows: Record<string, unknown>[]): SQL {
  const [first] = rows;
  if (!first) throw new Error("unnestInsert needs at least one row");
  const tableColumns = getTableColumns(table) as Record<string, PgColumn>;
  const given = Object.keys(first);
  const defaulted = Object.keys(tableColumns).filter((key) => !given.includes(key) && tableColumns[key]!.defaultFn);
  const keys = [...given, ...defaulted];
  const columns = keys.map((key) => {
    const column = tableColumns[key];
    if (!column) throw new Error(`${key} is not a column of the table`);
    return column;
  });
  const arrays = columns.map((column, c) => {
    const key = keys[c] as string;
    const values = rows.map((row) => {
      const value = c < given.length ? row[key] : column.defaultFn!();
      if (value === undefined) throw new Error(`Row without "${key}": insertRows needs every row to set the same keys`);
      // Text, not booleans or numbers: postgres.js would otherwise type the whole array by its first element.
      return value === null ? null : String(column.mapToDriverValue(value));
    });
    return sql`${sql.param(values)}::text[]::${sql.raw(column.getSQLType())}[]`;
  });
  const names = columns.map((column) => sql.identifier(column.name));
  return sql`insert into ${table} (${sql.join(names, sql`, `)}) select * from unnest(${sql.join(arrays, sql`, `)})`;
}
