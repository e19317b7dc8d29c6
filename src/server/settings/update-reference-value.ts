import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { AUDIT_ENTITY } from "./audit";
import { hasAliases, REFERENCE_KIND_NOUNS } from "./constants";
import { lockReferenceValue, REFERENCE_TABLES } from "./queries";
import { normalizeCode } from "./reference-codes";
import type { TReferenceValue, TUpdateReferenceValueInput } from "./schemas";
import { replaceUnitAliases } from "./unit-aliases";

/**
 * An admin renames a value or changes a unit's aliases. The code stays: records store it, and other
 * systems send it. Audited before and after.
 */
export async function updateReferenceValue(options: { db: Db; actor: Actor; input: TUpdateReferenceValueInput }): Promise<TReferenceValue> {
  const { db, actor, input } = options;
  const { kind } = input;
  if (input.aliases && !hasAliases(kind)) throw AppError.invalidField("aliases", "only units have aliases");
  const code = normalizeCode(input.code);
  return db.transaction(async (tx) => {
    const before = await lockReferenceValue(tx, kind, code);
    if (!before) throw AppError.notFound(REFERENCE_KIND_NOUNS[kind].one, input.code);
    if (input.version !== undefined && input.version !== before.version) {
      throw AppError.conflict("STALE_VERSION", `The ${REFERENCE_KIND_NOUNS[kind].one} '${code}' was changed after you opened it. Reload and edit again.`, {
        currentVersion: before.version,
        yourVersion: input.version,
      });
    }
    const table = REFERENCE_TABLES[kind];
    await tx
      .update(table)
      .set({ name: input.name ?? before.name, version: before.version + 1 })
      .where(eq(table.code, code));
    if (input.aliases) await replaceUnitAliases(tx, code, input.aliases);
    const after = (await lockReferenceValue(tx, kind, code))!;
    await recordAudit(tx, { entityType: AUDIT_ENTITY[kind], entityId: code, action: "updated", actor, before, after });
    return after;
  });
}
