import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { auditEvents } from "../db/schema";

export const PRICING_ENTITIES = ["price_list", "discount_rule", "tax_rate", "override_limit"] as const;

/** Who changed which pricing rule when, newest first: every change is kept with its before and after. */
export async function pricingHistory(options: { db: DbOrTx; entityType?: (typeof PRICING_ENTITIES)[number]; entityId?: string; limit?: number }) {
  const { db } = options;
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        options.entityType ? eq(auditEvents.entityType, options.entityType) : inArray(auditEvents.entityType, [...PRICING_ENTITIES]),
        options.entityId ? eq(auditEvents.entityId, options.entityId) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(options.limit ?? 50);
  return rows.map((r) => ({ id: r.id, entityType: r.entityType, entityId: r.entityId, action: r.action, actor: r.actor, before: r.before, after: r.after, createdAt: r.createdAt.toISOString() }));
}
