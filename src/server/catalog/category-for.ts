import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { findCategory } from "./queries";
import { categories } from "./schema";

/**
 * The category a product names, by code or name; an unknown one is created on the way (audited), as imports from
 * other systems expect. "Hand tools" and "hand-tools" are both HAND-TOOLS: the second finds the first.
 */
export async function categoryFor(tx: DbOrTx, key: string, actor: Actor) {
  const found = await findCategory(tx, key);
  if (found) return found;
  const code = key.toUpperCase().replace(/[^A-Z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "GENERAL";
  const [created] = await tx.insert(categories).values({ code, name: key }).onConflictDoNothing().returning();
  if (created) {
    await recordAudit(tx, { entityType: "category", entityId: code, action: "created", actor, after: created });
    return created;
  }
  // Its code is taken, or another request just made it: that one.
  return (await findCategory(tx, code)) ?? (await findCategory(tx, key))!;
}
