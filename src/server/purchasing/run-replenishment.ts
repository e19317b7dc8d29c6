import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { actorLabel, SYSTEM_ACTOR, type Actor } from "../auth/actor";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { insertRows } from "../db/bulk";
import { auditEvents } from "../db/schema";
import { suggestReorders } from "./replenishment";
import type { ReplenishmentTrigger } from "./constants";
import { reorderSuggestions } from "./schema";
import type { TReplenishmentRun } from "./schemas";
import { AT_OR_BELOW_REORDER_POINT, loadStockPositions, stockPositionKey } from "./stock-positions";
import * as clock from "../clock";

/**
 * Runs and drafts take this transaction-scoped advisory lock, so two runs (the nightly job on one node,
 * "Recalculate now" on another) or a run and a draft never interleave their replace and mark steps.
 */
export const REPLENISHMENT_LOCK_KEY = 7426160;

/** Each run leaves an audit row under this key: the page's "Last computed … by …". */
const RUN_AUDIT = { entityType: "replenishment_run", entityId: "reorder_suggestions" } as const;

/**
 * Recomputes the reorder suggestions in one transaction: every stock level at or below its reorder point,
 * counting inbound and backorders (one set-based statement, see stock-positions.ts), becomes an open
 * suggestion with its usual vendor. Open suggestions of earlier runs are replaced; drafted ones stay as
 * history. A level a draft purchase order already covers is not suggested again while the PO is a draft
 * (drafts are not inbound until sent; canceling the draft makes the level come back).
 *
 * Without an actor it is the nightly job.
 */
export async function runReplenishment(db: Db, actor?: Actor): Promise<TReplenishmentRun> {
  const started = performance.now();
  const trigger: ReplenishmentTrigger = actor ? "manual" : "nightly";
  const who = actor ?? SYSTEM_ACTOR;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REPLENISHMENT_LOCK_KEY})`);
    const computedAt = clock.now();
    const candidates = await loadStockPositions(tx, { where: AT_OR_BELOW_REORDER_POINT });
    const open = candidates.filter((c) => !c.coveredByDraft);
    const vendorOf = new Map(open.map((c) => [stockPositionKey(c), c.vendorId]));
    const suggestions = suggestReorders(open);

    await tx.delete(reorderSuggestions).where(isNull(reorderSuggestions.purchaseOrderId));
    if (suggestions.length > 0) {
      // One array parameter per column (unnest): thousands of rows per statement on both drivers.
      await insertRows(
        tx,
        reorderSuggestions,
        suggestions.map((s) => ({
          productId: s.productId,
          warehouseId: s.warehouseId,
          vendorId: vendorOf.get(stockPositionKey(s)) ?? null,
          position: s.position,
          reorderPoint: s.reorderPoint,
          quantity: s.quantity,
          computedAt,
        })),
      );
    }

    const run: TReplenishmentRun = {
      computedAt: computedAt.toISOString(),
      trigger,
      actor: trigger === "nightly" ? "nightly job" : actorLabel(who),
      suggestions: suggestions.length,
      withoutVendor: suggestions.filter((s) => !vendorOf.get(stockPositionKey(s))).length,
      coveredByDrafts: candidates.length - open.length,
      durationMs: Math.round(performance.now() - started),
    };
    await recordAudit(tx, { ...RUN_AUDIT, action: trigger === "nightly" ? "computed_nightly" : "computed", actor: who, after: run });
    return run;
  });
}

/** The latest run (when, by whom, how many), or null before the first one. */
export async function lastReplenishmentRun(db: DbOrTx): Promise<TReplenishmentRun | null> {
  const [row] = await db
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, RUN_AUDIT.entityType), eq(auditEvents.entityId, RUN_AUDIT.entityId)))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(1);
  return (row?.after as TReplenishmentRun | undefined) ?? null;
}
