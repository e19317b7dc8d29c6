import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db";
import type { ReferenceKind } from "./constants";
import { customerSegments, taxCategories, unitAliases, units } from "./schema";
import type { TReferenceValue } from "./schemas";

/** The table of each list: the three have the same columns. */
export const REFERENCE_TABLES = { segments: customerSegments, "tax-categories": taxCategories, units } as const;

type Row = typeof customerSegments.$inferSelect;

export const toReferenceDto = (row: Row, aliases: string[]): TReferenceValue => ({
  code: row.code,
  name: row.name,
  aliases,
  isArchived: row.archivedAt !== null,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

/** Every value of a list with its aliases, by name: the lists are short (tens of rows), so they are read whole. */
export async function readReferenceValues(db: DbOrTx, kind: ReferenceKind): Promise<TReferenceValue[]> {
  const table = REFERENCE_TABLES[kind];
  const [rows, aliases] = await Promise.all([
    db.select().from(table).orderBy(asc(table.name), asc(table.code)),
    kind === "units" ? db.select().from(unitAliases).orderBy(asc(unitAliases.alias)) : [],
  ]);
  return rows.map((row) =>
    toReferenceDto(
      row,
      aliases.filter((a) => a.unitCode === row.code).map((a) => a.alias),
    ),
  );
}

/** One value, locked for the caller's change (FOR UPDATE), with its aliases; undefined when the code is unknown. */
export async function lockReferenceValue(tx: DbOrTx, kind: ReferenceKind, code: string): Promise<TReferenceValue | undefined> {
  const table = REFERENCE_TABLES[kind];
  const [row] = await tx.select().from(table).where(eq(table.code, code)).for("update");
  if (!row) return undefined;
  const aliases = kind === "units" ? await tx.select({ alias: unitAliases.alias }).from(unitAliases).where(eq(unitAliases.unitCode, code)).orderBy(asc(unitAliases.alias)) : [];
  return toReferenceDto(
    row,
    aliases.map((a) => a.alias),
  );
}
