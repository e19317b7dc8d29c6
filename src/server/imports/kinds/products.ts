import { inArray } from "drizzle-orm";
import { createProduct, products, ZCreateProductInput, type TCreateProductInput } from "../../catalog";
import { cellReader } from "../cells";
import { rowErrors, type ImportKind } from "./kind";
import { createUnlessExists } from "./master-data";

const COLUMN_OF: Record<string, string> = {
  sku: "sku",
  name: "name",
  category: "category",
  unit: "unit",
  currency: "currency",
  listPrice: "list_price",
  cost: "cost",
  weightGrams: "weight_grams",
  taxCategory: "tax_category",
  leadTimeDays: "lead_time_days",
  packSize: "pack_size",
};

/** Products through createProduct (audited; an unknown category is made on the way); a SKU that exists is skipped. */
export const productsKind: ImportKind<TCreateProductInput> = {
  kind: "products",
  label: "Products",
  summary: "One row per product. A product whose SKU exists already is skipped (left as it is); a new category is created.",
  permission: "products.create",
  batchRows: 500,
  columns: [
    { name: "sku", required: true, description: "SKU", example: "SKU-90001" },
    { name: "name", required: true, description: "Name", example: "Brass hinge 3in" },
    { name: "category", required: true, description: "Category name or code (created when new)", example: "Hardware" },
    { name: "list_price", required: true, description: "In the currency", example: "4.95" },
    { name: "cost", required: true, description: "In the currency", example: "2.10" },
    { name: "unit", description: "Unit code or alias (default each)", example: "each" },
    { name: "currency", description: "ISO code (default USD)", example: "USD" },
    { name: "weight_grams", description: "Whole grams", example: "120" },
    { name: "tax_category", description: "Tax category code (default standard)", example: "standard" },
    { name: "lead_time_days", description: "Days to restock (default 14)", example: "14" },
    { name: "pack_size", description: "Sold in multiples of", example: "" },
  ],

  parse(get) {
    const read = cellReader(get);
    const currency = read.text("currency")?.toUpperCase();
    const moneyCurrency = currency && /^[A-Z]{3}$/.test(currency) ? currency : "USD";
    const candidate = {
      sku: read.text("sku") ?? "",
      name: read.text("name") ?? "",
      category: read.text("category") ?? "",
      unit: read.text("unit"),
      currency,
      listPrice: read.money("list_price", moneyCurrency),
      cost: read.money("cost", moneyCurrency),
      weightGrams: read.int("weight_grams"),
      taxCategory: read.text("tax_category"),
      leadTimeDays: read.int("lead_time_days"),
      packSize: read.int("pack_size"),
    };
    const parsed = ZCreateProductInput.safeParse(Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)));
    const errors = rowErrors(read, parsed, (p) => COLUMN_OF[p] ?? p);
    if (errors.length > 0 || !parsed.success) return { ok: false, errors };
    return { ok: true, value: parsed.data, groupKey: parsed.data.sku, uniqueKey: `SKU ${parsed.data.sku}`, refs: {} };
  },

  apply: (tx, { actor }, groups) =>
    createUnlessExists(
      tx,
      groups.map((g) => g.rows[0]!),
      {
        noun: "Product",
        keyOf: (p) => p.sku,
        existing: async (t, skus) => (await t.select({ sku: products.sku }).from(products).where(inArray(products.sku, skus))).map((r) => r.sku),
        create: (sp, input) => createProduct({ db: sp, actor, input }),
      },
    ),
};
