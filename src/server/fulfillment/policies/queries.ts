import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { AppError } from "../../errors";
import { policies, policyVersions } from "../schema";
import type { TPolicy } from "./schemas";

type PolicyRow = typeof policies.$inferSelect;
type VersionRow = typeof policyVersions.$inferSelect;

export const toPolicyDto = (policy: PolicyRow, version: VersionRow): TPolicy => ({
  code: policy.code,
  name: policy.name,
  version: version.version,
  isDefault: policy.isDefault,
  isArchived: policy.archivedAt !== null,
  steps: version.steps,
  updatedBy: version.createdBy,
  updatedAt: version.createdAt.toISOString(),
});

/** A policy with its current version's steps (or an older version, which orders started with keep). */
export async function loadPolicy(db: DbOrTx, code: string, options: { version?: number; forUpdate?: boolean } = {}) {
  // One statement: every submitted order reads its policy.
  const query = db
    .select({ policy: policies, version: policyVersions })
    .from(policies)
    .leftJoin(policyVersions, and(eq(policyVersions.policyCode, policies.code), eq(policyVersions.version, options.version ?? policies.currentVersion)))
    .where(eq(policies.code, code.trim().toUpperCase()));
  const [found] = options.forUpdate ? await query.for("update", { of: policies }) : await query;
  if (!found) throw AppError.notFound("policy", code);
  const { policy, version } = found;
  if (!version) throw AppError.notFound("policy version", `${policy.code} v${options.version}`);
  return { policy, version };
}

/** Every policy with its current version (a handful): choosing one for an order reads them all at once. */
export function loadCurrentPolicies(db: DbOrTx): Promise<{ policy: PolicyRow; version: VersionRow }[]> {
  return db
    .select({ policy: policies, version: policyVersions })
    .from(policies)
    .innerJoin(policyVersions, and(eq(policyVersions.policyCode, policies.code), eq(policyVersions.version, policies.currentVersion)));
}
