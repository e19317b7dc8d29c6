import { actorLabel, type Actor } from "../auth/actor";
import type { DbOrTx } from "./client";
import { auditEvents } from "./schema";

/** Writes one audit row in the caller's transaction: who changed which record, and how. */
export async function recordAudit(
  tx: DbOrTx,
  entry: { entityType: string; entityId: string; action: string; actor: Actor; before?: unknown; after?: unknown },
) {
  await tx.insert(auditEvents).values({
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actor: actorLabel(entry.actor),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
