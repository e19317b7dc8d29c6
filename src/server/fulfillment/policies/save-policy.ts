import { eq } from "drizzle-orm";
import { actorLabel, type Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { recordAudit } from "../../db/audit";
import { AppError, isUniqueViolation } from "../../errors";
import { policies, policyVersions } from "../schema";
import { policyProblems } from "./policy";
import { loadPolicy, toPolicyDto } from "./queries";
import type { TCopyPolicyInput, TPolicy, TSavePolicyInput } from "./schemas";

/**
 * An admin changes a policy's steps (durations, owners, order) or name: a new version, so orders that started
 * on the old one keep it. Based on the version the admin saw: a stale save is refused naming who changed it.
 */
export async function savePolicy(options: { db: Db; actor: Actor; input: TSavePolicyInput }): Promise<TPolicy> {
  const { db, actor, input } = options;
  assertValidSteps(input.steps);
  return db.transaction(async (tx) => {
    const { policy, version } = await loadPolicy(tx, input.code, { forUpdate: true });
    if (input.version !== policy.currentVersion) {
      throw AppError.conflict("STALE_VERSION", `${policy.name} changed since you opened it: version ${policy.currentVersion} by ${version.createdBy}. Reload and make your change again.`, {
        currentVersion: policy.currentVersion,
      });
    }
    const next = policy.currentVersion + 1;
    const [saved] = await tx.insert(policyVersions).values({ policyCode: policy.code, version: next, steps: input.steps, createdBy: actorLabel(actor) }).returning();
    const [updated] = await tx
      .update(policies)
      .set({ currentVersion: next, name: input.name ?? policy.name })
      .where(eq(policies.code, policy.code))
      .returning();
    const before = toPolicyDto(policy, version);
    const after = toPolicyDto(updated!, saved!);
    await recordAudit(tx, { entityType: "policy", entityId: policy.code, action: "updated", actor, before, after });
    return after;
  });
}

/** A new policy starting as a copy of another's current steps (version 1). */
export async function copyPolicy(options: { db: Db; actor: Actor; input: TCopyPolicyInput }): Promise<TPolicy> {
  const { db, actor, input } = options;
  try {
    return await db.transaction(async (tx) => {
      const { version: source } = await loadPolicy(tx, input.from).catch((error: unknown) => {
        if (error instanceof AppError && error.kind === "not_found") throw AppError.invalidField("from", `no policy ${input.from}`);
        throw error;
      });
      const [policy] = await tx.insert(policies).values({ code: input.code, name: input.name, currentVersion: 1 }).returning();
      const [version] = await tx.insert(policyVersions).values({ policyCode: input.code, version: 1, steps: source.steps, createdBy: actorLabel(actor) }).returning();
      const after = toPolicyDto(policy!, version!);
      await recordAudit(tx, { entityType: "policy", entityId: input.code, action: "created", actor, before: null, after: { ...after, copiedFrom: input.from } });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error, "policies_pkey")) throw AppError.invalidField("code", `a policy ${input.code} exists already`);
    throw error;
  }
}

function assertValidSteps(steps: TSavePolicyInput["steps"]) {
  const problems = policyProblems(steps);
  if (problems.length > 0) throw new AppError("invalid", "INVALID_INPUT", `steps: ${problems.join(" ")}`, { fields: { steps: problems } });
}
