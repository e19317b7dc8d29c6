import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { policies, policyVersions } from "../schema";
import { loadPolicy, toPolicyDto } from "./queries";
import type { TPolicy } from "./schemas";

/** Every policy with its current steps, the default first. */
export async function listPolicies(options: { db: DbOrTx }): Promise<TPolicy[]> {
  const rows = await options.db
    .select({ policy: policies, version: policyVersions })
    .from(policies)
    .innerJoin(policyVersions, and(eq(policyVersions.policyCode, policies.code), eq(policyVersions.version, policies.currentVersion)))
    .orderBy(desc(policies.isDefault), sql`${policies.archivedAt} is not null`, asc(policies.name));
  return rows.map((r) => toPolicyDto(r.policy, r.version));
}

/** One policy, at its current version or the one asked for. */
export async function getPolicy(options: { db: DbOrTx; code: string; version?: number }): Promise<TPolicy> {
  const { policy, version } = await loadPolicy(options.db, options.code, { version: options.version });
  return toPolicyDto(policy, version);
}
