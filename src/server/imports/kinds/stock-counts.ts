import { allocateAndPromise } from "../../fulfillment";
import { countStock, ZCountStockInput, type TCountStockInput } from "../../inventory";
import { cellReader } from "../cells";
import { rowErrors, refusalOf, type ImportKind, type RowOutcome } from "./kind";

const COLUMN_OF: Record<string, string> = { sku: "sku", warehouse: "warehouse", counted: "counted", reference: "reference" };

/**
 * Stock counts through countStock: on hand becomes the counted quantity (the difference booked as a
 * cycle_count adjustment; found stock goes to waiting backorders first, as an adjustment's does). Counting
 * again what is already on hand changes nothing, so a file imports twice safely.
 */
export const stockCountsKind: ImportKind<TCountStockInput> = {
  kind: "stock_counts",
  label: "Stock counts",
  summary: "One row per SKU and warehouse: on hand becomes the counted quantity; a count that matches changes nothing.",
  permission: "stock.adjust",
  batchRows: 500,
  columns: [
    { name: "warehouse", required: true, description: "Warehouse code", example: "EAST" },
    { name: "sku", required: true, description: "SKU", example: "SKU-00001" },
    { name: "counted", required: true, description: "Units counted (whole, 0 or more)", example: "140" },
    { name: "reference", description: "The count sheet (kept in the ledger)", example: "Count 2026-12" },
  ],

  parse(get) {
    const read = cellReader(get);
    const candidate = { sku: read.text("sku") ?? "", warehouse: read.text("warehouse") ?? "", counted: read.int("counted"), reference: read.text("reference") };
    const parsed = ZCountStockInput.safeParse(candidate);
    const errors = rowErrors(read, parsed, (p) => COLUMN_OF[p] ?? p);
    if (errors.length > 0 || !parsed.success) return { ok: false, errors };
    const value = parsed.data;
    return { ok: true, value, groupKey: `${value.warehouse}\u0000${value.sku}`, uniqueKey: `${value.sku} in ${value.warehouse}`, refs: { skus: [value.sku], warehouses: [value.warehouse] } };
  },

  async apply(tx, { actor }, groups) {
    const outcomes: RowOutcome[][] = [];
    for (const group of groups) {
      const input = group.rows[0]!.value;
      try {
        const counted = await tx.transaction((sp) => countStock({ db: sp, actor, input, onStockArrival: allocateAndPromise }));
        outcomes.push([
          counted.difference === 0
            ? { status: "skipped", message: `on hand is ${input.counted} already`, result: `${input.counted}` }
            : { status: "imported", message: `on hand ${counted.before} → ${input.counted}`, result: `${counted.difference > 0 ? "+" : ""}${counted.difference}` },
        ]);
      } catch (error) {
        outcomes.push([{ status: "failed", message: refusalOf(error) }]);
      }
    }
    return outcomes;
  },
};
