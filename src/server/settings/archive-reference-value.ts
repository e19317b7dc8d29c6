import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { AUDIT_ENTITY } from "./audit";
import { REFERENCE_KIND_NOUNS } from "./constants";
import { lockReferenceValue, REFERENCE_TABLES } from "./queries";
import { normalizeCode } from "./reference-codes";
import type { TArchiveReferenceValueInput, TReferenceValue } from "./schemas";

/**
 * Archives a value (`archived: true`) or brings it back (`false`). An archived value can no longer be
 * chosen for new records; those that have it keep it and show it as archived. Nothing is deleted.
 * Doing it twice changes nothing and is not audited again.
 */
export async function archiveReferenceValue(options: { db: Db; actor: Actor; input: TArchiveReferenceValueInput; archived: boolean }): Promise<TReferenceValue> {
  const { db, actor, input, archived } = options;
  const { kind } = input;
  const code = normalizeCode(input.code);
  return db.transaction(async (tx) => {
    const before = await lockReferenceValue(tx, kind, code);
    if (!before) throw AppError.notFound(REFERENCE_KIND_NOUNS[kind].one, input.code);
    if (input.version !== undefined && input.version !== before.version) {
      throw AppError.conflict("STALE_VERSION", `The ${REFERENCE_KIND_NOUNS[kind].one} '${code}' was changed after you opened it. Reload and try again.`, {
        currentVersion: before.version,
        yourVersion: input.version,
      });
    }
    if (before.isArchived === archived) return before;
    const table = REFERENCE_TABLES[kind];
    await tx
      .update(table)
      .set({ archivedAt: archived ? clock.now() : null, version: before.version + 1 })
      .where(eq(table.code, code));
    const after = (await lockReferenceValue(tx, kind, code))!;
    await recordAudit(tx, { entityType: AUDIT_ENTITY[kind], entityId: code, action: archived ? "archived" : "restored", actor, before, after });
    return after;
  });
}
