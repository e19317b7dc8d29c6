/**
 * The purchase order form as plain data and the pure step that turns it into the API's input (or field
 * errors keyed like the API's: `vendor`, `lines.N.quantity`…, N counting the form's rows).
 */
import { parseMoney, toDecimalString } from "~/lib/money";

export type PoFormLine = { id: string; sku: string; name: string; quantity: string; unitCost: string };
export type PoFormState = { vendor: string; warehouse: string; expectedDate: string; notes: string; lines: PoFormLine[] };

export type PoFormInput = {
  vendor: string;
  warehouse: string;
  expectedDate?: string;
  notes: string | null;
  lines: { sku: string; quantity: number; unitCost?: number }[];
};

export type PoFormResult =
  | { ok: true; input: PoFormInput; rowOfLine: number[] }
  | { ok: false; errors: Record<string, string> };

export const isBlankLine = (line: PoFormLine) => !line.sku.trim() && !line.quantity.trim() && !line.unitCost.trim();

export function toPurchaseOrderInput(state: PoFormState, currency = "USD"): PoFormResult {
  const errors: Record<string, string> = {};
  if (!state.vendor) errors.vendor = "Choose a vendor";
  if (!state.warehouse) errors.warehouse = "Choose where the goods are delivered";
  if (state.expectedDate && !/^\d{4}-\d{2}-\d{2}$/.test(state.expectedDate)) errors.expectedDate = "Use a date like 2026-11-21";
  const lines: PoFormInput["lines"] = [];
  const rowOfLine: number[] = [];
  const seen = new Map<string, number>();
  state.lines.forEach((line, row) => {
    if (isBlankLine(line)) return;
    const sku = line.sku.trim();
    if (!sku) errors[`lines.${row}.sku`] = "Enter a SKU";
    else if (seen.has(sku)) errors[`lines.${row}.sku`] = `${sku} is already on line ${seen.get(sku)! + 1}`;
    else seen.set(sku, row);
    const quantity = Number(line.quantity.trim());
    if (!line.quantity.trim() || !Number.isInteger(quantity) || quantity <= 0) errors[`lines.${row}.quantity`] = "Enter a whole number above 0";
    let unitCost: number | undefined;
    if (line.unitCost.trim()) {
      try {
        unitCost = parseMoney(line.unitCost, currency);
        if (unitCost < 0) errors[`lines.${row}.unitCost`] = "Unit cost cannot be negative";
      } catch {
        errors[`lines.${row}.unitCost`] = `Enter an amount like ${toDecimalString(1250, currency)}`;
      }
    }
    lines.push({ sku, quantity, ...(unitCost !== undefined ? { unitCost } : {}) });
    rowOfLine.push(row);
  });
  if (lines.length === 0) errors.lines = "Add at least one line";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      vendor: state.vendor,
      warehouse: state.warehouse,
      ...(state.expectedDate ? { expectedDate: state.expectedDate } : {}),
      notes: state.notes.trim() ? state.notes.trim() : null,
      lines,
    },
    rowOfLine,
  };
}

/** The API's field errors (`lines.N.x` counting sent lines) keyed by the form's rows instead. */
export function errorsForRows(fields: Record<string, string[]>, rowOfLine: number[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fields)) {
    const match = /^lines\.(\d+)\.(\w+)$/.exec(field);
    const key = match ? `lines.${rowOfLine[Number(match[1])] ?? match[1]}.${match[2]}` : field;
    errors[key] = messages.join(", ");
  }
  return errors;
}
