import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { unitAliases, units } from "./schema";

const aliasConflict = (message: string) => AppError.conflict("UNIT_ALIAS_TAKEN", `aliases: ${message}`, { fields: { aliases: [message] } });

/**
 * Sets a unit's aliases to exactly these (upper case, as the schema made them). An alias names one unit,
 * and never another unit's code: `KG` cannot be an alias of `each` while `kg` is a unit.
 */
export async function replaceUnitAliases(tx: Tx, unitCode: string, aliases: readonly string[]) {
  const wanted = [...new Set(aliases)];
  if (wanted.length > 0) {
    const [taken] = await tx
      .select({ alias: unitAliases.alias, unitCode: unitAliases.unitCode })
      .from(unitAliases)
      .where(and(inArray(unitAliases.alias, wanted), ne(unitAliases.unitCode, unitCode)))
      .limit(1);
    if (taken) throw aliasConflict(`'${taken.alias}' is already an alias of unit '${taken.unitCode}'`);
    const [code] = await tx
      .select({ code: units.code })
      .from(units)
      .where(and(inArray(sql`upper(${units.code})`, wanted), ne(units.code, unitCode)))
      .limit(1);
    if (code) throw aliasConflict(`'${code.code.toUpperCase()}' is the code of unit '${code.code}'`);
  }
  await tx.delete(unitAliases).where(eq(unitAliases.unitCode, unitCode));
  if (wanted.length === 0) return;
  try {
    await tx.insert(unitAliases).values(wanted.map((alias) => ({ alias, unitCode })));
  } catch (error) {
    // Another admin gave the same alias to another unit at the same moment.
    if (isUniqueViolation(error)) throw aliasConflict("one of these aliases was just given to another unit");
    throw error;
  }
}

/** A new unit's code must not be an alias of another unit already (`ea` while EA means each). */
export async function assertNotAnAlias(tx: Tx, code: string) {
  const [alias] = await tx.select().from(unitAliases).where(eq(unitAliases.alias, code.toUpperCase())).limit(1);
  if (alias) {
    const message = `'${code}' is already an alias of unit '${alias.unitCode}'`;
    throw AppError.conflict("REFERENCE_CODE_TAKEN", `code: ${message}`, { fields: { code: [message] } });
  }
}
