import { and, asc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import { env } from "~/env";
import * as clock from "../clock";
import type { Db, Tx } from "../db";
import { textArray } from "../db/bulk";
import { isEmbedded } from "../db/client";
import { refreshStaleStatistics } from "../db/statistics";
import { describeForLog, logUnexpectedError, transientDatabaseError } from "../errors";
import { headerIndex } from "./cells";
import { STALE_RUN_SECONDS } from "./constants";
import { countsFromRows } from "./counts";
import { IMPORT_KIND_DEFINITIONS, type ImportKind, type RowOutcome } from "./kinds";
import type { ImportGroup, ImportRun } from "./kinds/kind";
import { UnitDispatcher, type DispatchUnit } from "./unit-dispatcher";
import { importRows, imports } from "./schema";

export type RunImportOptions = {
  /** Rows per batch instead of the kind's (tests use small batches). */
  batchRows?: number;
  /** Batch transactions at once on PostgreSQL (default IMPORT_LANES, else 3; PGlite's one connection runs one). */
  lanes?: number;
};

/** Transient failures (database restarting, a deadlock victim) a batch is tried again after, before the run gives up. */
const BATCH_ATTEMPTS = 5;
/** An upload whose process died mid-way is removed after this long. */
const ABANDONED_UPLOAD_MINUTES = 60;
/** Pending rows read (and parsed) at a time for the lanes to take from. */
const LOAD_ROWS = 2_000;
/** How often a run looks for tables it has grown past their planner statistics (refreshStaleStatistics). */
const STATISTICS_EVERY_MS = 5_000;

/**
 * The job: runs every import that is queued, or running with no batch committed for STALE_RUN_SECONDS (its
 * process was killed: it resumes where its last committed batch ended), oldest first. Uploads a dead process
 * left half-read are removed.
 */
export async function runDueImports(db: Db, options: RunImportOptions = {}): Promise<{ runs: number }> {
  const now = clock.now();
  await db.delete(imports).where(and(eq(imports.status, "uploading"), lt(imports.updatedAt, new Date(now.getTime() - ABANDONED_UPLOAD_MINUTES * 60_000))));
  const due = await db
    .select({ id: imports.id })
    .from(imports)
    .where(or(eq(imports.status, "queued"), and(eq(imports.status, "running"), lt(imports.updatedAt, new Date(now.getTime() - STALE_RUN_SECONDS * 1000)))))
    .orderBy(asc(imports.createdAt));
  let runs = 0;
  for (const { id } of due) if (await runImport(db, id, options)) runs++;
  return { runs };
}

type Unit = DispatchUnit & { rowNos: number[]; group: ImportGroup<unknown>; refused: Map<number, RowOutcome> };

type RunContext = {
  id: string;
  kind: ImportKind;
  run: ImportRun;
  batchRows: number;
  dispatcher: UnitDispatcher<Unit>;
  /** Set when a lane found the import canceled, or failed for good: the other lanes stop after their batch. */
  stopped: boolean;
  statistics: { checkedAt: number; busy: boolean };
  counts: ImportCounts;
};

type Counts = { imported: number; skipped: number; failed: number };
const NO_COUNTS: Counts = { imported: 0, skipped: 0, failed: 0 };
const plus = (a: Counts, b: Counts): Counts => ({ imported: a.imported + b.imported, skipped: a.skipped + b.skipped, failed: a.failed + b.failed });

/**
 * The import's row is the one row every lane writes (its counts and its heartbeat, updatedAt): a lane that wrote it
 * holds its lock until commit, and a second lane's write waited for that (0.7 ms per imported order). So one lane at a
 * time writes it, with the counts of the batches that committed meanwhile without writing them (`pending`); the
 * counts are taken from the rows themselves whenever a run starts or ends (countsFromRows), so counts a killed run
 * had pending are not lost.
 */
type ImportCounts = { writer: number | null; pending: Counts };

/**
 * Runs one import's pending rows, batch after batch: each batch is one transaction that applies whole units
 * (an order's lines) through the kind's use case, each unit in a savepoint (a lone one first without: runBatch),
 * and writes every row's outcome with them (and the import's counts, or a batch or two later: ImportCounts) — so a
 * batch is either all done or not at all, and a killed run resumes with exactly the rows no committed batch reached. A batch first locks its rows
 * (skipping locked ones), so two processes on one import never run a row twice. Answers false when another
 * process has the run.
 *
 * On PostgreSQL three lanes run batches at once, one order each, never two orders with a SKU or a customer in
 * common (UnitDispatcher): they would wait on each other's stock rows until commit. Other kinds run in
 * batches of many rows.
 */
export async function runImport(db: Db, id: string, options: RunImportOptions = {}): Promise<boolean> {
  const now = clock.now();
  const [claimed] = await db
    .update(imports)
    .set({ status: "running", updatedAt: now, error: null, startedAt: sql`coalesce(${imports.startedAt}, ${now.toISOString()}::timestamptz)`, ...countsFromRows(id) })
    .where(and(eq(imports.id, id), or(eq(imports.status, "queued"), and(eq(imports.status, "running"), lt(imports.updatedAt, new Date(now.getTime() - STALE_RUN_SECONDS * 1000))))))
    .returning();
  if (!claimed) return false;
  const kind = IMPORT_KIND_DEFINITIONS[claimed.kind];
  const lanes = isEmbedded(db) ? 1 : (options.lanes ?? env.IMPORT_LANES ?? 3);
  const parallel = lanes > 1 && kind.conflictKeys !== undefined;
  const columnAt = headerIndex(claimed.columns);
  const context: RunContext = {
    id,
    kind,
    run: { actor: claimed.startedBy ?? claimed.createdBy, importId: id },
    // In parallel, one order per batch: a lane holding many orders' SKUs would leave the others nothing to take.
    batchRows: options.batchRows ?? (parallel ? 1 : kind.batchRows),
    dispatcher: new UnitDispatcher((after) => loadUnits(db, id, kind, columnAt, after)),
    stopped: false,
    statistics: { checkedAt: performance.now(), busy: false },
    counts: { writer: null, pending: NO_COUNTS },
  };
  try {
    await Promise.all(Array.from({ length: lanes }, (_, lane) => runLane(db, context, lane)));
  } catch (error) {
    if (transientDatabaseError(error)) {
      // Left running: the sweep resumes it once the database is back.
      console.error(`[orderdesk] import ${id} paused: ${describeForLog(error)}`);
      return true;
    }
    logUnexpectedError(error);
    await db
      .update(imports)
      .set({ status: "failed", error: "The run stopped on an unexpected error (logged for the administrator); start it again to resume.", ...countsFromRows(id) })
      .where(eq(imports.id, id));
    return true;
  }
  const [completed] = await db
    .update(imports)
    .set({ status: "completed", finishedAt: clock.now(), ...countsFromRows(id) })
    .where(
      and(
        eq(imports.id, id),
        eq(imports.status, "running"),
        sql`not exists (select 1 from ${importRows} where ${importRows.importId} = ${id} and ${importRows.status} = 'pending')`,
      ),
    )
    .returning({ id: imports.id });
  // Canceled meanwhile: its counts as far as it got.
  if (!completed) await db.update(imports).set(countsFromRows(id)).where(eq(imports.id, id));
  return true;
}

/** One lane: batches of units from the dispatcher, each tried again after a transient failure. */
async function runLane(db: Db, context: RunContext, lane: number) {
  try {
    while (!context.stopped) {
      const units = await context.dispatcher.take(lane, context.batchRows);
      if (!units) return;
      for (let failures = 0, isolated = false; ; ) {
        const batch: BatchCounts = { own: NO_COUNTS, written: null };
        try {
          const outcome = await db.transaction((tx) => runBatch(tx, context, units, isolated, lane, batch)).finally(() => {
            if (batch.written) context.counts.writer = null;
          });
          // Committed: counts it did not write wait for the next lane that writes.
          if (!batch.written) context.counts.pending = plus(context.counts.pending, batch.own);
          if (outcome === "stopped") context.stopped = true;
          break;
        } catch (error) {
          // Rolled back: what it took over to write is pending again.
          if (batch.written) context.counts.pending = plus(context.counts.pending, batch.written.carried);
          // A lone unit ran without its savepoint and failed: the batch runs again with it, to record why.
          if (error instanceof LoneUnitFailed) {
            isolated = true;
            continue;
          }
          if (!transientDatabaseError(error) || ++failures >= BATCH_ATTEMPTS) throw error;
          console.error(`[orderdesk] import ${context.id}: batch tried again after ${describeForLog(error)}`);
          await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** failures));
        }
      }
      context.dispatcher.release(lane);
      await keepStatisticsCurrent(db, context);
    }
  } catch (error) {
    context.stopped = true;
    context.dispatcher.release(lane);
    throw error;
  }
}

/**
 * Every few seconds one lane ANALYZEs the tables the run has grown past their statistics (the others go on): a
 * table planned as empty gets slower plans with every row. Only an optimisation: a failure is logged and ignored.
 */
async function keepStatisticsCurrent(db: Db, { id, statistics }: RunContext) {
  if (statistics.busy || performance.now() - statistics.checkedAt < STATISTICS_EVERY_MS) return;
  statistics.busy = true;
  try {
    await refreshStaleStatistics(db);
  } catch (error) {
    console.error(`[orderdesk] import ${id}: table statistics not refreshed: ${describeForLog(error)}`);
  } finally {
    statistics.checkedAt = performance.now();
    statistics.busy = false;
  }
}

/**
 * The pending units after group `after`, in file order, `LOAD_ROWS` rows at a time (whole units: the last one is
 * left for the next read unless it is the only one), parsed as at upload.
 */
async function loadUnits(db: Db, id: string, kind: ImportKind, columnAt: (column: string) => number, after: number): Promise<Unit[]> {
  const pending = and(eq(importRows.importId, id), eq(importRows.status, "pending"));
  const columns = { rowNo: importRows.rowNo, groupNo: importRows.groupNo, values: importRows.values };
  let rows = await db.select(columns).from(importRows).where(and(pending, gt(importRows.groupNo, after))).orderBy(asc(importRows.groupNo), asc(importRows.rowNo)).limit(LOAD_ROWS + 1);
  if (rows.length > LOAD_ROWS) {
    const last = rows.at(-1)!.groupNo;
    const whole = rows.filter((r) => r.groupNo !== last);
    rows = whole.length > 0 ? whole : await db.select(columns).from(importRows).where(and(pending, eq(importRows.groupNo, last))).orderBy(asc(importRows.rowNo));
  }
  const units: Unit[] = [];
  for (const row of rows) {
    let unit = units.at(-1);
    if (unit?.groupNo !== row.groupNo) units.push((unit = { groupNo: row.groupNo, rows: 0, keys: [], rowNos: [], group: { groupNo: row.groupNo, rows: [] }, refused: new Map() }));
    unit.rows++;
    unit.rowNos.push(row.rowNo);
    const parsed = kind.parse((column) => row.values[columnAt(column)] ?? "");
    // Checked at upload; the kind's rules could only have changed with a new release.
    if (!parsed.ok) unit.refused.set(row.rowNo, { status: "failed", message: parsed.errors.join("; ") });
    else {
      unit.group.rows.push({ rowNo: row.rowNo, value: parsed.value });
      for (const key of kind.conflictKeys?.(parsed.value) ?? []) if (!unit.keys.includes(key)) unit.keys.push(key);
    }
  }
  return units;
}

/** A batch's own counts, and whether it writes the import's row (taking over the pending counts). */
type BatchCounts = { own: Counts; written: { carried: Counts } | null };

/** A lone unit's failure (not a transient one) in a batch run without savepoints: the batch is rolled back. */
class LoneUnitFailed extends Error {
  constructor(cause: unknown) {
    super("a lone unit failed without its savepoint", { cause });
  }
}

/**
 * One batch in the caller's transaction: its units' rows locked, the units applied, their outcomes written. A
 * batch of one unit (the lanes' case) first runs it without a savepoint (two round trips fewer): if it fails, the
 * batch throws LoneUnitFailed and runs again `isolated`, where the unit's failure becomes its rows' outcome.
 */
async function runBatch(tx: Tx, context: RunContext, units: Unit[], isolated: boolean, lane: number, batch: BatchCounts): Promise<"continue" | "stopped"> {
  const { id, kind } = context;
  // Whether the import still runs, and its rows locked (one round trip). Rows another process runs right now (a
  // resumed run overlapping a slow one), or has run since they were read, are left to it.
  const groups = units.filter((u) => u.refused.size === 0 && u.group.rows.length > 0).map((u) => u.group);
  const [[current], lockedRows, found] = await Promise.all([
    tx.select({ status: imports.status }).from(imports).where(eq(imports.id, id)),
    tx
      .select({ rowNo: importRows.rowNo })
      .from(importRows)
      // By unit: the (import, status, unit) index finds them; by row number the planner scanned every pending row.
      .where(and(eq(importRows.importId, id), eq(importRows.status, "pending"), inArray(importRows.groupNo, units.map((u) => u.groupNo))))
      .for("update", { skipLocked: true }),
    // What the kind reads first about the units (which exist already), in the same round trip.
    groups.length > 0 ? kind.lookup?.(tx, groups) : undefined,
  ]);
  if (current?.status !== "running") return "stopped";
  const locked = new Set(lockedRows.map((r) => r.rowNo));
  const mine = units.filter((u) => u.rowNos.every((rowNo) => locked.has(rowNo)));
  if (mine.length === 0) return "continue";

  const runnable = mine.filter((u) => u.refused.size === 0 && u.group.rows.length > 0);
  const alone = !isolated && runnable.length === 1;
  const outcomes =
    runnable.length === 0
      ? []
      : await kind.apply(tx, context.run, runnable.map((u) => u.group), { isolated: !alone, found }).catch((error: unknown) => {
          throw alone && !transientDatabaseError(error) ? new LoneUnitFailed(error) : error;
        });
  const byRow = new Map<number, RowOutcome>();
  runnable.forEach((unit, g) => unit.group.rows.forEach((row, r) => byRow.set(row.rowNo, outcomes[g]![r]!)));
  for (const unit of mine) {
    for (const rowNo of unit.rowNos) {
      if (!byRow.has(rowNo)) byRow.set(rowNo, unit.refused.get(rowNo) ?? { status: "failed", message: "not imported: another row of the same order has errors" });
    }
  }

  const entries = [...byRow.entries()];
  const count = (status: RowOutcome["status"]) => entries.filter(([, o]) => o.status === status).length;
  batch.own = { imported: count("imported"), skipped: count("skipped"), failed: count("failed") };
  // The import's row, if no other lane is writing it: with the counts pending from other batches (ImportCounts).
  if (context.counts.writer === null) {
    context.counts.writer = lane;
    batch.written = { carried: context.counts.pending };
    context.counts.pending = NO_COUNTS;
  }
  const counts = batch.written && plus(batch.own, batch.written.carried);
  // The rows' outcomes and the import's counts, sent together.
  await Promise.all([
    tx.execute(sql`
      update ${importRows} set status = v.status, message = v.message, result = v.result
      from unnest(${textArray(entries.map(([rowNo]) => rowNo), "integer")}, ${textArray(entries.map(([, o]) => o.status), "text")},
                  ${textArray(entries.map(([, o]) => o.message), "text")}, ${textArray(entries.map(([, o]) => o.result), "text")}) as v(row_no, status, message, result)
      where ${importRows.importId} = ${id} and ${importRows.rowNo} = v.row_no`),
    counts &&
      tx
        .update(imports)
        .set({
          importedRows: sql`${imports.importedRows} + ${counts.imported}`,
          skippedRows: sql`${imports.skippedRows} + ${counts.skipped}`,
          failedRows: sql`${imports.failedRows} + ${counts.failed}`,
          updatedAt: clock.now(),
        })
        .where(eq(imports.id, id)),
  ]);
  return "continue";
}
