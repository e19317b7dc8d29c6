import { sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import type { PRICING_ENTITIES } from "./history";
import { pricingRevision } from "./schema";

/**
 * Every change to a pricing rule goes through here, in the change's transaction: its audit row (the
 * rule's history) and a new pricing revision, so cached rules are never used after it commits.
 */
export async function recordRuleChange(
  tx: DbOrTx,
  entry: { entityType: (typeof PRICING_ENTITIES)[number]; entityId: string; action: string; actor: Actor; before?: unknown; after?: unknown },
) {
  await recordAudit(tx, entry);
  await tx.update(pricingRevision).set({ revision: sql`gen_random_uuid()` }).where(sql`${pricingRevision.id} = 1`);
}
