import type { z } from "zod";
import type { Action } from "../../auth/permissions";
import type { Actor } from "../../auth/actor";
import type { Tx } from "../../db";
import { AppError, logUnexpectedError, transientDatabaseError } from "../../errors";
import type { ImportKindName } from "../constants";

export type ImportColumn = {
  /** As the template writes it; a file may write it in any case, with spaces or dashes for underscores. */
  name: string;
  required?: boolean;
  description: string;
  example: string;
};

/** A row read by its kind: the use case's input (checked by the API's own zod schema), or why not. */
export type ParsedRow<T> =
  | {
      ok: true;
      value: T;
      /** Rows with the same key make one unit (an order's lines); units run whole, in one savepoint. */
      groupKey: string;
      /** What may appear once per file ("customer C-1"): a second row with it is refused at upload. */
      uniqueKey?: string;
      refs: RowRefs;
    }
  | { ok: false; errors: string[] };

/** What a row names that must exist (checked against the database per chunk, at upload). */
export type RowRefs = { customers?: string[]; skus?: string[]; warehouses?: string[]; priceLists?: string[]; categories?: string[] };

/** A unit's outcome, one per row of it: imported (with what it made), skipped (already there) or failed. */
export type RowOutcome = { status: "imported" | "skipped" | "failed"; message?: string | null; result?: string | null };

/** Who the run acts as (who started it), and which import it is. */
export type ImportRun = { actor: Actor; importId: string };

export type ImportGroup<T> = { groupNo: number; rows: { rowNo: number; value: T }[] };

export type ImportKind<T = unknown, L = unknown> = {
  kind: ImportKindName;
  label: string;
  /** What the rows are, for the page ("one row per order line, grouped by customer and reference"). */
  summary: string;
  /** Who may import it: the permission of the use case it runs. */
  permission: Action;
  columns: readonly ImportColumn[];
  /** Rows per batch transaction (whole units: an order's lines are never split). */
  batchRows: number;
  /** A unit is imported whole or not at all (an order): a refused row refuses the others of its unit. */
  wholeUnits?: boolean;
  /** The unit a row belongs to read from its cells, so that a row refused by `parse` still stops its unit (an order). */
  groupKeyOf?(get: (column: string) => string): string;
  /**
   * What a unit locks that another unit may lock too (an order's SKUs and customer): when given, units run in
   * parallel lanes, one at a time each, never two with a key in common. Without it, one lane of large batches.
   */
  conflictKeys?(value: T): string[];
  /** One record (values by column name) → the use case's input. */
  parse(get: (column: string) => string): ParsedRow<T>;
  /**
   * Rows of one unit must agree (an order's header fields): the message for a row that does not, against the
   * unit's first row, or null.
   */
  conflictsWith?(first: T, row: T): string | null;
  /** What `apply` reads first about a batch's units (which exist already), read with the batch's row locks. */
  lookup?(tx: Tx, groups: ImportGroup<T>[]): Promise<L>;
  /**
   * Applies units in the batch's transaction, each in its own savepoint: one outcome per row, in order. Told
   * `isolated: false` (a lone unit, on the lanes' fast path), a kind may skip the savepoint and let a failure
   * fail the batch: the batch then runs again isolated, and the unit's outcome says why. `found` is what
   * `lookup` read for these units, if the caller did.
   */
  apply(tx: Tx, run: ImportRun, groups: ImportGroup<T>[], options?: { isolated: boolean; found?: L }): Promise<RowOutcome[][]>;
};


/**
 * A row's problems: the cells that did not read as their type, then the schema's issues (each path mapped to the
 * CSV column it came from) except on those cells — their zod message would say the same thing again.
 */
export function rowErrors(read: { errors: string[]; failed: Set<string> }, result: z.ZodSafeParseResult<unknown>, columnOf: (path: string) => string): string[] {
  if (result.success) return [...read.errors];
  const issues = result.error.issues.map((issue) => {
    const column = columnOf(issue.path.join("."));
    const missing = issue.code === "invalid_type" && /received undefined$/.test(issue.message);
    return { column, message: `${column}: ${missing ? "is required" : issue.message}` };
  });
  return [...read.errors, ...issues.filter((i) => !read.failed.has(i.column)).map((i) => i.message)];
}

/**
 * A unit's error as its rows' message. A refusal (AppError) says why; a transient database error is thrown on
 * (the batch is rolled back and runs again); anything else is logged and fails the unit, not the whole run.
 */
export function refusalOf(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (transientDatabaseError(error)) throw error;
  logUnexpectedError(error);
  return "could not be saved: an unexpected error (logged for the administrator)";
}
