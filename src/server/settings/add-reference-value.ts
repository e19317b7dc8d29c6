import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError, isUniqueViolation } from "../errors";
import { AUDIT_ENTITY } from "./audit";
import { hasAliases, REFERENCE_KIND_NOUNS } from "./constants";
import { lockReferenceValue, REFERENCE_TABLES } from "./queries";
import type { TAddReferenceValueInput, TReferenceValue } from "./schemas";
import { assertNotAnAlias, replaceUnitAliases } from "./unit-aliases";

/** An admin adds a value to a list (a "hospitals" segment, a "food" tax category, a unit with its EDI aliases). Audited. */
export async function addReferenceValue(options: { db: Db; actor: Actor; input: TAddReferenceValueInput }): Promise<TReferenceValue> {
  const { db, actor, input } = options;
  const { kind, code } = input;
  const noun = REFERENCE_KIND_NOUNS[kind].one;
  const taken = () => {
    const message = `a ${noun} with code '${code}' already exists`;
    return AppError.conflict("REFERENCE_CODE_TAKEN", `code: ${message}`, { fields: { code: [message] } });
  };
  if (input.aliases?.length && !hasAliases(kind)) throw AppError.invalidField("aliases", `only units have aliases`);
  try {
    return await db.transaction(async (tx) => {
      if (hasAliases(kind)) await assertNotAnAlias(tx, code);
      const [row] = await tx.insert(REFERENCE_TABLES[kind]).values({ code, name: input.name }).onConflictDoNothing().returning();
      if (!row) throw taken();
      if (hasAliases(kind)) await replaceUnitAliases(tx, code, input.aliases ?? []);
      const dto = (await lockReferenceValue(tx, kind, code))!;
      await recordAudit(tx, { entityType: AUDIT_ENTITY[kind], entityId: code, action: "created", actor, after: dto });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
