import { asc, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db, DbOrTx } from "../db";
import { recordRuleChange } from "./rule-change";
import { AppError, isUniqueViolation } from "../errors";
import { resolveActiveCode } from "../settings";
import { describeRule } from "./describe-rule";
import { specificity } from "./engine";
import { referenceNames, resolveReferences } from "./references";
import { discountRules } from "./schema";
import type { TDiscountRule, TDiscountRuleInput } from "./schemas";
import * as clock from "../clock";

type Row = typeof discountRules.$inferSelect;

const overlaps = (a: Row, b: Row) =>
  (!a.validFrom || !b.validTo || a.validFrom <= b.validTo) && (!b.validFrom || !a.validTo || b.validFrom <= a.validTo);
const compatible = <T>(x: T | null, y: T | null) => x === null || y === null || x === y;
const conditionsOf = (r: Row) => ({ customerId: r.customerId, segment: r.segment, productId: r.productId, categoryId: r.categoryId });

/** Two exclusive rules that can match the same line at the same priority and specificity: a configuration conflict. */
export function conflictsOf(rule: Row, all: Row[]): Row[] {
  if (rule.stackable || rule.archivedAt) return [];
  return all.filter(
    (other) =>
      other.id !== rule.id &&
      !other.stackable &&
      !other.archivedAt &&
      other.scope === rule.scope &&
      other.priority === rule.priority &&
      specificity(conditionsOf(other)) === specificity(conditionsOf(rule)) &&
      overlaps(rule, other) &&
      compatible(rule.customerId, other.customerId) &&
      compatible(rule.segment, other.segment) &&
      compatible(rule.productId, other.productId) &&
      compatible(rule.categoryId, other.categoryId) &&
      compatible(rule.channel, other.channel),
  );
}

export async function listDiscountRules(options: { db: DbOrTx; includeArchived?: boolean }): Promise<TDiscountRule[]> {
  const { db } = options;
  const rows = await db.select().from(discountRules).orderBy(asc(discountRules.code));
  const names = await referenceNames(db, {
    customerIds: rows.map((r) => r.customerId),
    productIds: rows.map((r) => r.productId),
    categoryIds: rows.map((r) => r.categoryId),
  });
  return rows
    .filter((r) => options.includeArchived || !r.archivedAt)
    .map((r) => {
      const dto: Omit<TDiscountRule, "summary" | "warnings"> = {
        code: r.code,
        name: r.name,
        scope: r.scope,
        percentOff: r.percentOffBps === null ? null : r.percentOffBps / 100,
        amountOff: r.amountOff,
        currency: r.currency,
        buyQuantity: r.buyQuantity,
        getQuantity: r.getQuantity,
        conditions: {
          segment: r.segment,
          customer: r.customerId ? (names.customer.get(r.customerId)?.code ?? null) : null,
          sku: r.productId ? (names.product.get(r.productId)?.sku ?? null) : null,
          category: r.categoryId ? (names.category.get(r.categoryId) ?? null) : null,
          minQuantity: r.minQuantity,
          minOrderAmount: r.minOrderAmount,
          channel: r.channel,
        },
        validFrom: r.validFrom,
        validTo: r.validTo,
        priority: r.priority,
        stackable: r.stackable,
        version: r.version,
        isArchived: r.archivedAt !== null,
        updatedAt: r.updatedAt.toISOString(),
      };
      const warnings = conflictsOf(r, rows).map(
        (other) => `Conflicts with ${other.code}: both exclusive, same priority and specificity, overlapping. At order time the lower price wins.`,
      );
      return { ...dto, summary: describeRule(dto), warnings };
    });
}

export async function getDiscountRule(db: DbOrTx, code: string) {
  const found = (await listDiscountRules({ db, includeArchived: true })).find((r) => r.code === code);
  if (!found) throw AppError.notFound("discount rule", code);
  return found;
}

/** Creates a rule, or (with `version`) changes one; audited before/after. The answer carries any conflict warnings. */
export async function saveDiscountRule(options: { db: Db; actor: Actor; input: TDiscountRuleInput; version?: number }): Promise<TDiscountRule> {
  const { db, actor, input } = options;
  const c = input.conditions;
  try {
    await db.transaction(async (tx) => {
      const refs = await resolveReferences(tx, { customer: c.customer, sku: c.sku, category: c.category }, "conditions.");
      const [existing] = await tx.select().from(discountRules).where(eq(discountRules.code, input.code)).for("update");
      // A rule being edited may keep a segment archived since; a new one takes an active one.
      const current = options.version === undefined ? null : existing?.segment;
      const segment = c.segment ? await resolveActiveCode(tx, "segments", c.segment, "conditions.segment", { current }) : null;
      const values = {
        code: input.code,
        name: input.name,
        scope: input.scope,
        percentOffBps: input.percentOff === undefined ? null : Math.round(input.percentOff * 100),
        amountOff: input.amountOff ?? null,
        currency: input.currency,
        buyQuantity: input.buyQuantity ?? null,
        getQuantity: input.getQuantity ?? null,
        ...refs,
        segment,
        minQuantity: c.minQuantity ?? null,
        minOrderAmount: c.minOrderAmount ?? null,
        channel: c.channel ?? null,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        priority: input.priority,
        stackable: input.stackable,
      };
      if (options.version === undefined) {
        if (existing) throw AppError.conflict("DISCOUNT_RULE_CODE_TAKEN", `code: a discount rule "${input.code}" already exists.`, { fields: { code: ["is already used"] } });
        await tx.insert(discountRules).values(values);
        await recordRuleChange(tx, { entityType: "discount_rule", entityId: input.code, action: "created", actor, after: values });
      } else {
        if (!existing) throw AppError.notFound("discount rule", input.code);
        if (existing.version !== options.version) {
          throw AppError.conflict("STALE_VERSION", `Discount rule ${input.code} was changed after you opened it. Reload it and edit again.`);
        }
        await tx.update(discountRules).set({ ...values, version: existing.version + 1 }).where(eq(discountRules.id, existing.id));
        await recordRuleChange(tx, { entityType: "discount_rule", entityId: input.code, action: "updated", actor, before: existing, after: values });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error, "discount_rules_code_uq")) {
      throw AppError.conflict("DISCOUNT_RULE_CODE_TAKEN", `code: a discount rule "${input.code}" already exists.`, { fields: { code: ["is already used"] } });
    }
    throw error;
  }
  return getDiscountRule(db, input.code);
}

export async function archiveDiscountRule(options: { db: Db; actor: Actor; code: string }) {
  const { db, actor, code } = options;
  await db.transaction(async (tx) => {
    const [row] = await tx.update(discountRules).set({ archivedAt: clock.now() }).where(eq(discountRules.code, code)).returning();
    if (!row) throw AppError.notFound("discount rule", code);
    await recordRuleChange(tx, { entityType: "discount_rule", entityId: code, action: "archived", actor });
  });
  return getDiscountRule(db, code);
}
