import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import { AppError } from "../errors";
import { countsFromRows } from "./counts";
import { toImportDto, type TImport } from "./dto";
import { IMPORT_KIND_DEFINITIONS } from "./kinds";
import { requestImportRun } from "./run-requests";
import { importRows, imports } from "./schema";
import { assertMayImport } from "./stage-import";

/** Why an import cannot take a step: not found, or its status. */
async function refusal(db: DbOrTx, id: string, step: string) {
  const [row] = await db.select({ status: imports.status }).from(imports).where(eq(imports.id, id));
  if (!row) return AppError.notFound("import", id);
  return AppError.conflict("IMPORT_STATUS", `This import is ${row.status}: it cannot be ${step}.`);
}

/**
 * Import the checked rows (ready), or go on with a failed or canceled run's rows not reached yet: queued for
 * the job worker, which acts as the user who started it. Starting twice (a double click) is a 409.
 */
export async function startImport(options: { db: Db; actor: Actor; id: string }): Promise<TImport> {
  const { db, actor, id } = options;
  const [found] = await db.select({ kind: imports.kind }).from(imports).where(eq(imports.id, id));
  if (!found) throw AppError.notFound("import", id);
  assertMayImport(actor, IMPORT_KIND_DEFINITIONS[found.kind]);
  const [row] = await db
    .update(imports)
    .set({ status: "queued", startedBy: actor, finishedAt: null, error: null })
    .where(and(eq(imports.id, id), inArray(imports.status, ["ready", "failed", "canceled"])))
    .returning();
  if (!row) throw await refusal(db, id, "started");
  if (row.totalRows === row.invalidRows) {
    // Nothing to run: done at once.
    const [done] = await db.update(imports).set({ status: "completed", startedAt: clock.now(), finishedAt: clock.now() }).where(eq(imports.id, id)).returning();
    return toImportDto(done!);
  }
  requestImportRun();
  return toImportDto(row);
}

/** Stops a queued or running import after its current batch: what was imported stays; it can be started again. */
export async function cancelImport(options: { db: Db; actor: Actor; id: string }): Promise<TImport> {
  const { db, id } = options;
  const [row] = await db
    .update(imports)
    // Counts as the rows say: a run that died had some in memory only (run-import.ts, ImportCounts).
    .set({ status: "canceled", finishedAt: clock.now(), ...countsFromRows(id) })
    .where(and(eq(imports.id, id), inArray(imports.status, ["queued", "running"])))
    .returning();
  if (!row) throw await refusal(db, id, "canceled");
  return toImportDto(row);
}

/** Drops an upload that was never started, and its rows. */
export async function discardImport(options: { db: Db; actor: Actor; id: string }): Promise<TImport> {
  const { db, id } = options;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(imports)
      .set({ status: "discarded", finishedAt: clock.now() })
      .where(and(eq(imports.id, id), eq(imports.status, "ready")))
      .returning();
    if (!row) throw await refusal(tx, id, "discarded");
    await tx.delete(importRows).where(eq(importRows.importId, id));
    return toImportDto(row);
  });
}
