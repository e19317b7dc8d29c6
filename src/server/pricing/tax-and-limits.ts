import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Role } from "../auth/roles";
import type { Db, DbOrTx } from "../db";
import { recordRuleChange } from "./rule-change";
import { AppError } from "../errors";
import { resolveActiveCode } from "../settings";
import { DEFAULT_OVERRIDE_LIMITS_BPS } from "./load-rules";
import { overrideLimits, taxRates } from "./schema";
import type { ZOverrideLimit, ZTaxRateInput } from "./schemas";

const toTaxDto = (r: typeof taxRates.$inferSelect) => ({
  id: r.id,
  country: r.country,
  region: r.region,
  taxCategory: r.taxCategory,
  ratePercent: r.ratePpm / 10_000,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

export async function listTaxRates(options: { db: DbOrTx }) {
  const rows = await options.db.select().from(taxRates).orderBy(asc(taxRates.country), asc(taxRates.region), asc(taxRates.taxCategory));
  return rows.map(toTaxDto);
}

/** Sets the rate for a place and tax category (one rate each): creates it or changes it, audited. */
export async function setTaxRate(options: { db: Db; actor: Actor; input: z.infer<typeof ZTaxRateInput> }) {
  const { db, actor, input } = options;
  const ratePpm = Math.round(input.ratePercent * 10_000);
  return db.transaction(async (tx) => {
    const place = and(eq(taxRates.country, input.country), eq(taxRates.region, input.region));
    const rates = await tx.select().from(taxRates).where(place).for("update");
    // A rate the place has already may be changed for an archived category; a new one takes an active category.
    const taxCategory = await resolveActiveCode(tx, "tax-categories", input.taxCategory, "taxCategory", { current: rates.map((r) => r.taxCategory) });
    const existing = rates.find((r) => r.taxCategory === taxCategory);
    const [row] = existing
      ? await tx.update(taxRates).set({ ratePpm, version: existing.version + 1 }).where(eq(taxRates.id, existing.id)).returning()
      : await tx.insert(taxRates).values({ country: input.country, region: input.region, taxCategory, ratePpm }).returning();
    const dto = toTaxDto(row!);
    await recordRuleChange(tx, { entityType: "tax_rate", entityId: dto.id, action: existing ? "updated" : "created", actor, before: existing ? toTaxDto(existing) : null, after: dto });
    return dto;
  });
}

export async function deleteTaxRate(options: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = options;
  return db.transaction(async (tx) => {
    // Orders keep the tax step they were priced with, so a rate no document refers to can go.
    const [row] = await tx.delete(taxRates).where(eq(taxRates.id, id)).returning();
    if (!row) throw AppError.notFound("tax rate", id);
    await recordRuleChange(tx, { entityType: "tax_rate", entityId: id, action: "deleted", actor, before: toTaxDto(row) });
    return { id };
  });
}

export async function listOverrideLimits(options: { db: DbOrTx }) {
  const rows = await options.db.select().from(overrideLimits);
  const set = new Map(rows.map((r) => [r.role, r.maxBelowBps]));
  return (Object.keys(DEFAULT_OVERRIDE_LIMITS_BPS) as Role[]).map((role) => ({
    role,
    maxBelowPercent: (set.get(role) ?? DEFAULT_OVERRIDE_LIMITS_BPS[role]) / 100,
    isDefault: !set.has(role),
  }));
}

export async function setOverrideLimit(options: { db: Db; actor: Actor; input: z.infer<typeof ZOverrideLimit> }) {
  const { db, actor, input } = options;
  const maxBelowBps = Math.round(input.maxBelowPercent * 100);
  await db.transaction(async (tx) => {
    await tx.insert(overrideLimits).values({ role: input.role, maxBelowBps }).onConflictDoUpdate({ target: overrideLimits.role, set: { maxBelowBps } });
    await recordRuleChange(tx, { entityType: "override_limit", entityId: input.role, action: "set", actor, after: input });
  });
  return listOverrideLimits({ db });
}
