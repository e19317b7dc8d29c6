import { asc, inArray, sql } from "drizzle-orm";
import type { Actor } from "../../auth/actor";
import { categories } from "../../catalog";
import type { Db, DbOrTx } from "../../db";
import { recordAudit } from "../../db/audit";
import { AppError } from "../../errors";
import { resolveActiveCodes } from "../../settings";
import { policies, policyRules } from "../schema";
import type { PolicyRule } from "./select-policy";
import type { TPolicyRule, TSavePolicyRulesInput } from "./schemas";

/** The admin's rules in the order they are tried (first match wins). */
export async function listPolicyRules(options: { db: DbOrTx }): Promise<TPolicyRule[]> {
  const rows = await options.db.select().from(policyRules).orderBy(asc(policyRules.position));
  return rows.map((r) => ({
    policyCode: r.policyCode,
    channels: r.channels as TPolicyRule["channels"],
    segments: r.segments,
    categories: r.categories,
    minTotal: r.minTotal,
    maxTotal: r.maxTotal,
  }));
}

/** The rules as selectPolicy reads them. */
export const loadPolicyRules = (db: DbOrTx): Promise<PolicyRule[]> => listPolicyRules({ db });

/**
 * An admin saves the whole ordered list of rules at once (the page edits it as one list): each names an
 * active policy and known categories; a rule with no condition would hide every rule after it, so only the
 * last may have none. Orders already submitted keep the policy they were given.
 */
export async function savePolicyRules(options: { db: Db; actor: Actor; input: TSavePolicyRulesInput }): Promise<TPolicyRule[]> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const before = await listPolicyRules({ db: tx });
    // Segments the saved rules had may stay although archived since; others must be active ones.
    const kept = before.flatMap((r) => r.segments);
    const rules = await Promise.all(
      input.rules.map(async (rule, i) => ({ ...rule, segments: await resolveActiveCodes(tx, "segments", rule.segments, (j) => `rules.${i}.segments.${j}`, { current: kept }) })),
    );
    const codes = [...new Set(input.rules.map((r) => r.policyCode))];
    const known = codes.length ? await tx.select({ code: policies.code, archivedAt: policies.archivedAt }).from(policies).where(inArray(policies.code, codes)) : [];
    const categoryCodes = [...new Set(input.rules.flatMap((r) => r.categories))];
    const knownCategories = categoryCodes.length ? await tx.select({ code: categories.code }).from(categories).where(inArray(categories.code, categoryCodes)) : [];
    input.rules.forEach((rule, i) => {
      const policy = known.find((p) => p.code === rule.policyCode);
      if (!policy) throw AppError.invalidField(`rules.${i}.policyCode`, `no policy ${rule.policyCode}`);
      if (policy.archivedAt) throw AppError.invalidField(`rules.${i}.policyCode`, `${rule.policyCode} is archived`);
      const unknown = rule.categories.find((c) => !knownCategories.some((k) => k.code === c));
      if (unknown) throw AppError.invalidField(`rules.${i}.categories`, `no category ${unknown}`);
      if (rule.minTotal != null && rule.maxTotal != null && rule.minTotal > rule.maxTotal) throw AppError.invalidField(`rules.${i}.maxTotal`, "must be at least the minimum");
      const unconditional = !rule.channels.length && !rule.segments.length && !rule.categories.length && rule.minTotal == null && rule.maxTotal == null;
      if (unconditional && i < input.rules.length - 1) throw AppError.invalidField(`rules.${i}`, "a rule without conditions matches every order: the rules after it would never apply");
    });
    await tx.delete(policyRules).where(sql`true`); // the whole list is replaced
    if (rules.length > 0) await tx.insert(policyRules).values(rules.map((rule, i) => ({ ...rule, position: i + 1 })));
    const after = await listPolicyRules({ db: tx });
    await recordAudit(tx, { entityType: "policy_rules", entityId: "all", action: "updated", actor, before, after });
    return after;
  });
}

