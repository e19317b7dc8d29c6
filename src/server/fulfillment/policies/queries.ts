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
  const query = db.select().from(policies).where(eq(policies.code, code.trim().toUpperCase()));
  const [policy] = options.forUpdate ? await query.for("update") : await query;
  if (!policy) throw AppError.notFound("policy", code);
  const [version] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyCode, policy.code), eq(policyVersions.version, options.version ?? policy.currentVersion)));
  if (!version) throw AppError.notFound("policy version", `${policy.code} v${options.version}`);
  return { policy, version };
}
