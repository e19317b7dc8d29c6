import { z } from "zod";
import { parseMoney, toDecimalString } from "~/lib/money";
import { AppError } from "../../errors";
import { getPriceList, savePriceList, ZPriceListItemInput } from "../../pricing";
import { cellReader } from "../cells";
import { rowErrors, refusalOf, type ImportKind, type RowOutcome } from "./kind";

type PriceListItemRow = z.infer<typeof ZPriceListItemInput> & { priceList: string; unitPriceText: string };

const COLUMN_OF: Record<string, string> = { sku: "sku", category: "category", minQuantity: "min_quantity", unitPrice: "unit_price" };

/** An item's place in its list: the SKU or category (by name, case aside) and the tier's first quantity. */
const itemKey = (item: { sku?: string | null; category?: string | null; minQuantity: number }) =>
  `${item.sku ?? ""}\u0000${(item.category ?? "").toLowerCase()}\u0000${item.minQuantity}`;

/**
 * Price-list items, merged into their lists through savePriceList (versioned and audited as an edit on the
 * price list page, and the pricing rules' revision moves on): a row sets its SKU's or category's price at
 * its tier, adding the item when new; items the file does not name stay. A price already as the file
 * says is skipped, so the same file imports twice safely.
 */
export const priceListItemsKind: ImportKind<PriceListItemRow> = {
  kind: "price_list_items",
  label: "Price-list items",
  summary: "One row per price: a SKU or a category, a tier's first quantity and its unit price, in an existing price list.",
  permission: "pricing.manage",
  batchRows: 5_000,
  columns: [
    { name: "price_list", required: true, description: "Price list code (Admin → Pricing)", example: "WHOLESALE" },
    { name: "sku", description: "SKU (or a category)", example: "SKU-00001" },
    { name: "category", description: "Category name or code (or a SKU)", example: "" },
    { name: "min_quantity", description: "The tier's first quantity (default 1)", example: "10" },
    { name: "unit_price", required: true, description: "In the price list's currency", example: "3.95" },
  ],

  parse(get) {
    const read = cellReader(get);
    const priceList = read.text("price_list");
    const unitPriceText = read.decimal("unit_price");
    const candidate = { sku: read.text("sku"), category: read.text("category"), minQuantity: read.int("min_quantity"), unitPrice: unitPriceText === undefined ? undefined : 0 };
    const parsed = ZPriceListItemInput.safeParse(candidate);
    const errors = rowErrors(read, parsed, (p) => COLUMN_OF[p] ?? p);
    if (!priceList) errors.unshift("price_list: is required");
    if (errors.length > 0 || !parsed.success || !priceList || unitPriceText === undefined) return { ok: false, errors: [...new Set(errors)] };
    const value = { ...parsed.data, priceList, unitPriceText };
    return {
      ok: true,
      value,
      groupKey: priceList,
      uniqueKey: `${value.sku ?? value.category} from ${value.minQuantity} in ${priceList}`,
      refs: { priceLists: [priceList], ...(value.sku ? { skus: [value.sku] } : {}), ...(value.category ? { categories: [value.category] } : {}) },
    };
  },

  async apply(tx, { actor }, groups) {
    const outcomes: RowOutcome[][] = [];
    for (const group of groups) {
      const code = group.rows[0]!.value.priceList;
      try {
        const list = await getPriceList(tx, code);
        if (list.isArchived) throw AppError.invalidField("price_list", `${code} is archived`);
        const items = new Map(list.items.map((item) => [itemKey(item), { sku: item.sku ?? undefined, category: item.category ?? undefined, minQuantity: item.minQuantity, unitPrice: item.unitPrice }]));
        const rowOutcomes = group.rows.map(({ value }): RowOutcome => {
          let unitPrice: number;
          try {
            unitPrice = parseMoney(value.unitPriceText, list.currency);
          } catch {
            return { status: "failed", message: `unit_price: "${value.unitPriceText}" is not an amount in ${list.currency}` };
          }
          const key = itemKey(value);
          const before = items.get(key);
          const price = toDecimalString(unitPrice, list.currency);
          if (before?.unitPrice === unitPrice) return { status: "skipped", message: `already ${price}`, result: price };
          items.set(key, { sku: value.sku, category: value.category, minQuantity: value.minQuantity, unitPrice });
          return { status: "imported", message: before ? `was ${toDecimalString(before.unitPrice, list.currency)}` : "added", result: price };
        });
        if (rowOutcomes.some((o) => o.status === "imported")) {
          const { items: _old, version, isArchived: _a, updatedAt: _u, customerName: _c, ...header } = list;
          await tx.transaction((sp) => savePriceList({ db: sp, actor, version, input: { ...header, items: [...items.values()] } }));
        }
        outcomes.push(rowOutcomes);
      } catch (error) {
        const message = refusalOf(error);
        outcomes.push(group.rows.map(() => ({ status: "failed" as const, message })));
      }
    }
    return outcomes;
  },
};
