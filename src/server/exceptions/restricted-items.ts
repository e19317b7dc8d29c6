import { and, asc, eq, or } from "drizzle-orm";
import { z } from "zod";
import { actorLabel, type Actor } from "../auth/actor";
import type { Db, DbOrTx } from "../db";
import { anyOf } from "../db/bulk";
import { recordAudit } from "../db/audit";
import { AppError, isUniqueViolation } from "../errors";
import { restrictedItems } from "./schema";

export const ZRestrictedItem = z.object({
  id: z.string(),
  kind: z.enum(["country", "product"]),
  value: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const ZAddRestrictedItemInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("country"),
    value: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "a two-letter ISO country code, e.g. IR"),
    reason: z.string().trim().min(3, "say why (at least 3 characters)").max(300),
  }),
  z.object({
    kind: z.literal("product"),
    value: z.string().trim().toUpperCase().min(1, "a SKU").max(60),
    reason: z.string().trim().min(3, "say why (at least 3 characters)").max(300),
  }),
]);

const toDto = (r: typeof restrictedItems.$inferSelect): z.infer<typeof ZRestrictedItem> => ({
  id: r.id,
  kind: r.kind,
  value: r.value,
  reason: r.reason,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});

export async function listRestrictedItems(options: { db: DbOrTx }) {
  const rows = await options.db.select().from(restrictedItems).orderBy(asc(restrictedItems.kind), asc(restrictedItems.value));
  return rows.map(toDto);
}

/** Adds a country or SKU to the list; orders submitted or edited from now on that touch it wait for compliance. */
export async function addRestrictedItem(options: { db: Db; actor: Actor; input: z.infer<typeof ZAddRestrictedItemInput>; skuExists: (sku: string) => Promise<boolean> }) {
  const { db, actor, input } = options;
  if (input.kind === "product" && !(await options.skuExists(input.value))) throw AppError.invalidField("value", `no product with SKU ${input.value}`);
  try {
    const row = await db.transaction(async (tx) => {
      const [inserted] = await tx.insert(restrictedItems).values({ kind: input.kind, value: input.value, reason: input.reason, createdBy: actorLabel(actor) }).returning();
      await recordAudit(tx, { entityType: "restricted_item", entityId: inserted!.id, action: "create", actor, after: input });
      return inserted!;
    });
    return toDto(row);
  } catch (error) {
    if (isUniqueViolation(error, "restricted_items_kind_value_uq")) throw AppError.invalidField("value", `${input.value} is already on the list`);
    throw error;
  }
}

export const ZRemoveRestrictedItemInput = z.object({ id: z.string().uuid("id must be a restricted item's id") });

export async function removeRestrictedItem(options: { db: Db; actor: Actor; input: z.infer<typeof ZRemoveRestrictedItemInput> }) {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
  const [row] = await tx.delete(restrictedItems).where(eq(restrictedItems.id, input.id)).returning();
  if (!row) throw AppError.notFound("restricted item", input.id);
  await recordAudit(tx, { entityType: "restricted_item", entityId: row.id, action: "delete", actor, before: { kind: row.kind, value: row.value, reason: row.reason } });
  return { id: row.id };
  });
}

/** What of an order is on the restricted list: its ship-to country, and which of its SKUs (with the reasons). */
export async function restrictedMatches(db: DbOrTx, input: { country: string | null; skus: string[] }) {
  const wanted = [...(input.country ? [and(eq(restrictedItems.kind, "country"), eq(restrictedItems.value, input.country))] : []), ...(input.skus.length > 0 ? [and(eq(restrictedItems.kind, "product"), anyOf(restrictedItems.value, input.skus))] : [])];
  if (wanted.length === 0) return { country: null, products: [] };
  const rows = await db.select({ kind: restrictedItems.kind, value: restrictedItems.value, reason: restrictedItems.reason }).from(restrictedItems).where(or(...wanted));
  return {
    country: rows.find((r) => r.kind === "country") ?? null,
    products: rows.filter((r) => r.kind === "product").map((r) => ({ sku: r.value, reason: r.reason })),
  };
}
