import { asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db, DbOrTx } from "../db";
import { recordRuleChange } from "./rule-change";
import { AppError, isUniqueViolation } from "../errors";
import { resolveActiveCode } from "../settings";
import { referenceNames, resolveReferences } from "./references";
import { priceListItems, priceLists } from "./schema";
import type { TPriceList, TPriceListInput } from "./schemas";
import * as clock from "../clock";

export async function listPriceLists(options: { db: DbOrTx; includeArchived?: boolean }): Promise<TPriceList[]> {
  const { db } = options;
  const lists = await db.select().from(priceLists).orderBy(asc(priceLists.code));
  const visible = options.includeArchived ? lists : lists.filter((l) => !l.archivedAt);
  if (visible.length === 0) return [];
  const items = await db.select().from(priceListItems).where(inArray(priceListItems.priceListId, visible.map((l) => l.id)));
  const names = await referenceNames(db, {
    customerIds: visible.map((l) => l.customerId),
    productIds: items.map((i) => i.productId),
    categoryIds: items.map((i) => i.categoryId),
  });
  return visible.map((l) => ({
    code: l.code,
    name: l.name,
    currency: l.currency,
    segment: l.segment,
    customer: l.customerId ? (names.customer.get(l.customerId)?.code ?? null) : null,
    customerName: l.customerId ? (names.customer.get(l.customerId)?.name ?? null) : null,
    validFrom: l.validFrom,
    validTo: l.validTo,
    priority: l.priority,
    tierBasis: l.tierBasis,
    items: items
      .filter((i) => i.priceListId === l.id)
      .sort((a, b) => (a.productId ?? "").localeCompare(b.productId ?? "") || a.minQuantity - b.minQuantity)
      .map((i) => ({
        sku: i.productId ? (names.product.get(i.productId)?.sku ?? null) : null,
        productName: i.productId ? (names.product.get(i.productId)?.name ?? null) : null,
        category: i.categoryId ? (names.category.get(i.categoryId) ?? null) : null,
        minQuantity: i.minQuantity,
        unitPrice: i.unitPrice,
      })),
    version: l.version,
    isArchived: l.archivedAt !== null,
    updatedAt: l.updatedAt.toISOString(),
  }));
}

export async function getPriceList(db: DbOrTx, code: string) {
  const found = (await listPriceLists({ db, includeArchived: true })).find((l) => l.code === code);
  if (!found) throw AppError.notFound("price list", code);
  return found;
}

/**
 * Creates a price list, or (with `version`) replaces one: its header and all its items, in one
 * transaction, audited before/after. A scheduled list is simply one whose validFrom is in the future.
 */
export async function savePriceList(options: { db: Db; actor: Actor; input: TPriceListInput; version?: number }): Promise<TPriceList> {
  const { db, actor, input } = options;
  try {
    await db.transaction(async (tx) => {
      const { customerId } = await resolveReferences(tx, { customer: input.customer });
      const items = await Promise.all(
        input.items.map(async (item, i) => {
          const refs = await resolveReferences(tx, { sku: item.sku, category: item.category }, `items.${i}.`);
          return { productId: refs.productId, categoryId: refs.categoryId, minQuantity: item.minQuantity, unitPrice: item.unitPrice };
        }),
      );
      const [existing] = await tx.select().from(priceLists).where(eq(priceLists.code, input.code)).for("update");
      // A list being edited may keep a segment archived since; a new one takes an active one.
      const current = options.version === undefined ? null : existing?.segment;
      const segment = input.segment ? await resolveActiveCode(tx, "segments", input.segment, "segment", { current }) : null;
      const header = {
        code: input.code,
        name: input.name,
        currency: input.currency,
        segment,
        customerId,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        priority: input.priority,
        tierBasis: input.tierBasis,
      };
      let id: string;
      let before: TPriceList | null = null;
      if (options.version === undefined) {
        if (existing) throw AppError.conflict("PRICE_LIST_CODE_TAKEN", `code: a price list "${input.code}" already exists.`, { fields: { code: ["is already used"] } });
        const [row] = await tx.insert(priceLists).values(header).returning({ id: priceLists.id });
        id = row!.id;
      } else {
        if (!existing) throw AppError.notFound("price list", input.code);
        if (existing.version !== options.version) {
          throw AppError.conflict("STALE_VERSION", `Price list ${input.code} was changed after you opened it. Reload it and edit again.`);
        }
        before = await getPriceList(tx, input.code);
        id = existing.id;
        await tx.update(priceLists).set({ ...header, version: existing.version + 1 }).where(eq(priceLists.id, id));
        await tx.delete(priceListItems).where(eq(priceListItems.priceListId, id));
      }
      if (items.length) await tx.insert(priceListItems).values(items.map((i) => ({ ...i, priceListId: id })));
      await recordRuleChange(tx, { entityType: "price_list", entityId: input.code, action: before ? "updated" : "created", actor, before, after: await getPriceList(tx, input.code) });
    });
  } catch (error) {
    if (isUniqueViolation(error, "price_lists_code_uq")) {
      throw AppError.conflict("PRICE_LIST_CODE_TAKEN", `code: a price list "${input.code}" already exists.`, { fields: { code: ["is already used"] } });
    }
    throw error;
  }
  return getPriceList(db, input.code);
}

/** Archived lists stop pricing at once; orders keep the explanation they were priced with. */
export async function archivePriceList(options: { db: Db; actor: Actor; code: string }) {
  const { db, actor, code } = options;
  await db.transaction(async (tx) => {
    const [row] = await tx.update(priceLists).set({ archivedAt: clock.now() }).where(eq(priceLists.code, code)).returning();
    if (!row) throw AppError.notFound("price list", code);
    await recordRuleChange(tx, { entityType: "price_list", entityId: code, action: "archived", actor });
  });
  return getPriceList(db, code);
}
