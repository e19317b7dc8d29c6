import type { DbOrTx } from "./client";
import { auditEvents } from "./schema";

/**
 * Who changed the record: auth's Actor fits (the database layer imports no module). Named the way every
 * timeline and ledger names an actor (auth's actorLabel; audit.test.ts keeps the two the same).
 */
export type AuditActor = { kind: "user" | "api_key"; name: string };

export const auditActorName = (actor: AuditActor) => (actor.kind === "user" ? actor.name : `API key ${actor.name}`);

/** Writes one audit row in the caller's transaction: who changed which record, and how. */
export async function recordAudit(
  tx: DbOrTx,
  entry: { entityType: string; entityId: string; action: string; actor: AuditActor; before?: unknown; after?: unknown },
) {
  await tx.insert(auditEvents).values({
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actor: auditActorName(entry.actor),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
