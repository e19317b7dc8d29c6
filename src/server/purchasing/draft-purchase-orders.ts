import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { products } from "../catalog";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { warehouses } from "../inventory";
import { createPurchaseOrderInTx } from "./create-purchase-order";
import { REPLENISHMENT_LOCK_KEY } from "./run-replenishment";
import { productVendors, reorderSuggestions, vendors } from "./schema";
import type { TDraftPurchaseOrdersInput, TDraftPurchaseOrdersResult } from "./schemas";

/** Names at most this many SKUs in a message; the rest are counted. */
const NAMED = 10;
const nameSome = (items: string[]) =>
  items.length <= NAMED ? items.join(", ") : `${items.slice(0, NAMED).join(", ")} and ${items.length - NAMED} more`;

/**
 * "Draft POs": turns reorder suggestions into draft purchase orders, one per vendor and delivery warehouse,
 * and marks each suggestion with its purchase order, all in one transaction.
 *
 * Chosen suggestions must be open (not drafted, not replaced by a newer run) and have a usual vendor; the
 * refusal names the SKUs. Without a choice, every open suggestion with a usual vendor is drafted and the
 * ones without are reported as skipped.
 */
export async function draftPurchaseOrders(options: { db: Db; actor: Actor; input: TDraftPurchaseOrdersInput }): Promise<TDraftPurchaseOrdersResult> {
  const { db, actor, input } = options;
  const chosen = input.suggestionIds ? [...new Set(input.suggestionIds)] : undefined;
  return db.transaction(async (tx) => {
    // A concurrent run would delete open suggestions under us; a concurrent draft would draft them twice.
    await tx.execute(sql`select pg_advisory_xact_lock(${REPLENISHMENT_LOCK_KEY})`);
    const rows = await tx
      .select({
        id: reorderSuggestions.id,
        productId: reorderSuggestions.productId,
        warehouseId: reorderSuggestions.warehouseId,
        vendorId: vendors.id,
        vendorCode: vendors.code,
        purchaseOrderId: reorderSuggestions.purchaseOrderId,
        sku: products.sku,
        warehouse: warehouses.code,
        quantity: reorderSuggestions.quantity,
      })
      .from(reorderSuggestions)
      .innerJoin(products, eq(products.id, reorderSuggestions.productId))
      .innerJoin(warehouses, eq(warehouses.id, reorderSuggestions.warehouseId))
      // The product's current usual vendor (assigned after the run counts), else the run's; an archived
      // vendor cannot take new purchase orders: treat it as no vendor.
      .leftJoin(productVendors, eq(productVendors.productId, reorderSuggestions.productId))
      .leftJoin(vendors, and(eq(vendors.id, sql`coalesce(${productVendors.vendorId}, ${reorderSuggestions.vendorId})`), isNull(vendors.archivedAt)))
      .where(chosen ? inArray(reorderSuggestions.id, chosen) : isNull(reorderSuggestions.purchaseOrderId))
      .orderBy(asc(vendors.code), asc(warehouses.code), asc(products.sku));

    let skippedWithoutVendor: { sku: string; warehouse: string }[] = [];
    let toDraft = rows;
    if (chosen) {
      const found = new Set(rows.map((r) => r.id));
      const missing = chosen.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw AppError.conflict(
          "SUGGESTIONS_CHANGED",
          `suggestionIds: ${missing.length} of the chosen suggestions no longer exist (replenishment was recalculated since). Reload the suggestions and choose again.`,
          { fields: { suggestionIds: [`${missing.length} unknown or replaced`] }, missing },
        );
      }
      const drafted = rows.filter((r) => r.purchaseOrderId);
      if (drafted.length > 0) {
        throw AppError.conflict(
          "SUGGESTIONS_ALREADY_DRAFTED",
          `suggestionIds: already on a purchase order: ${nameSome(drafted.map((r) => `${r.sku} (${r.warehouse})`))}.`,
          { fields: { suggestionIds: ["some are already drafted"] } },
        );
      }
      const withoutVendor = rows.filter((r) => !r.vendorId);
      if (withoutVendor.length > 0) {
        throw new AppError(
          "business_rule",
          "NO_USUAL_VENDOR",
          `No usual vendor for ${nameSome(withoutVendor.map((r) => r.sku))}: set one (Purchasing → Vendors), or leave ${withoutVendor.length === 1 ? "it" : "them"} out.`,
          { fields: { suggestionIds: ["some have no usual vendor"] }, skus: withoutVendor.map((r) => r.sku) },
        );
      }
    } else {
      skippedWithoutVendor = rows.filter((r) => !r.vendorId).map((r) => ({ sku: r.sku, warehouse: r.warehouse }));
      toDraft = rows.filter((r) => r.vendorId);
    }
    if (toDraft.length === 0) {
      throw new AppError(
        "business_rule",
        "NOTHING_TO_DRAFT",
        skippedWithoutVendor.length > 0
          ? `Nothing to draft: the open suggestions (${nameSome(skippedWithoutVendor.map((s) => s.sku))}) have no usual vendor.`
          : "Nothing to draft: there are no open reorder suggestions. Recalculate to check again.",
      );
    }

    // One purchase order per vendor and delivery warehouse, lines in SKU order.
    const groups = new Map<string, typeof toDraft>();
    for (const row of toDraft) {
      const key = `${row.vendorId}:${row.warehouseId}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const purchaseOrders: TDraftPurchaseOrdersResult["purchaseOrders"] = [];
    for (const group of groups.values()) {
      const first = group[0]!;
      const po = await createPurchaseOrderInTx(
        tx,
        {
          vendorId: first.vendorId!,
          warehouseId: first.warehouseId,
          notes: "Drafted from reorder suggestions",
          lines: group.map((r) => ({ productId: r.productId, quantity: r.quantity })),
        },
        actor,
      );
      await tx
        .update(reorderSuggestions)
        .set({ purchaseOrderId: po.id })
        .where(inArray(reorderSuggestions.id, group.map((r) => r.id)));
      purchaseOrders.push({
        number: po.number,
        vendor: first.vendorCode!,
        warehouse: first.warehouse,
        lines: group.length,
        quantity: group.reduce((sum, r) => sum + r.quantity, 0),
      });
    }
    await recordAudit(tx, {
      entityType: "replenishment_draft",
      entityId: purchaseOrders.map((p) => p.number).join(","),
      action: "drafted",
      actor,
      after: { purchaseOrders, suggestions: toDraft.length },
    });
    return { purchaseOrders, drafted: toDraft.length, skippedWithoutVendor };
  });
}
