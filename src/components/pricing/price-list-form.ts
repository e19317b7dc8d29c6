/**
 * The price list editor's state, kept as plain text while the admin types, and its conversion to the
 * API input (amounts to cents, quantities to integers) with an error per bad field, keyed like the
 * server's field errors ("items.3.unitPrice"). Pure, so it is unit-tested.
 */
import { parseMoney, toDecimalString } from "~/lib/money";
import type { CsvItem } from "./csv";

export type Audience = "everyone" | "segment" | "customer";
export type TierBasis = "line" | "sku" | "category";

export type ItemRow = {
  key: string;
  kind: "sku" | "category";
  ref: string;
  productName: string | null;
  minQuantity: string;
  unitPrice: string;
};

export type PriceListDraft = {
  code: string;
  name: string;
  currency: string;
  audience: Audience;
  segment: string;
  customer: { code: string; name: string } | null;
  validFrom: string;
  validTo: string;
  priority: string;
  tierBasis: TierBasis;
  items: ItemRow[];
};

export type PriceListLike = {
  code: string;
  name: string;
  currency: string;
  segment: string | null;
  customer: string | null;
  customerName: string | null;
  validFrom: string | null;
  validTo: string | null;
  priority: number;
  tierBasis: TierBasis;
  items: { sku: string | null; productName: string | null; category: string | null; minQuantity: number; unitPrice: number }[];
};

export type PriceListInput = {
  code: string;
  name: string;
  currency: string;
  segment: string | null;
  customer: string | null;
  validFrom: string | null;
  validTo: string | null;
  priority: number;
  tierBasis: TierBasis;
  items: { sku?: string; category?: string; minQuantity: number; unitPrice: number }[];
};

let nextKey = 0;
export const rowKey = () => `row-${++nextKey}`;

export function emptyRow(kind: ItemRow["kind"] = "sku"): ItemRow {
  return { key: rowKey(), kind, ref: "", productName: null, minQuantity: "1", unitPrice: "" };
}

export function emptyDraft(): PriceListDraft {
  return {
    code: "",
    name: "",
    currency: "USD",
    audience: "everyone",
    segment: "wholesale",
    customer: null,
    validFrom: "",
    validTo: "",
    priority: "0",
    tierBasis: "line",
    items: [emptyRow()],
  };
}

export function draftFromList(list: PriceListLike): PriceListDraft {
  return {
    code: list.code,
    name: list.name,
    currency: list.currency,
    audience: list.customer ? "customer" : list.segment ? "segment" : "everyone",
    segment: list.segment ?? "wholesale",
    customer: list.customer ? { code: list.customer, name: list.customerName ?? list.customer } : null,
    validFrom: list.validFrom ?? "",
    validTo: list.validTo ?? "",
    priority: String(list.priority),
    tierBasis: list.tierBasis,
    items: list.items.map((i) => ({
      key: rowKey(),
      kind: i.sku ? "sku" : "category",
      ref: i.sku ?? i.category ?? "",
      productName: i.productName,
      minQuantity: String(i.minQuantity),
      unitPrice: toDecimalString(i.unitPrice, list.currency),
    })),
  };
}

export function rowsFromCsv(items: CsvItem[], currency: string): ItemRow[] {
  return items.map((i) => ({
    key: rowKey(),
    kind: i.sku ? "sku" : "category",
    ref: i.sku || i.category,
    productName: null,
    minQuantity: String(i.minQuantity),
    unitPrice: toDecimalString(i.unitPrice, currency),
  }));
}

/** A row the admin left completely empty is ignored rather than reported. */
const isBlank = (row: ItemRow) => row.ref.trim() === "" && row.unitPrice.trim() === "" && (row.minQuantity.trim() === "" || row.minQuantity.trim() === "1");

/** Draft → API input, or the errors that stop it (keyed like the server's: "name", "items.2.unitPrice"). */
export function draftToInput(draft: PriceListDraft): { input: PriceListInput | null; errors: Record<string, string>; rowIndex: number[] } {
  const errors: Record<string, string> = {};
  const currency = draft.currency.trim().toUpperCase() || "USD";
  const priority = draft.priority.trim() === "" ? 0 : Number(draft.priority);
  if (!Number.isInteger(priority)) errors.priority = "Priority is a whole number";
  if (draft.audience === "customer" && !draft.customer) errors.customer = "Choose a customer";
  const items: PriceListInput["items"] = [];
  // Where each sent item sits in the grid, to map the server's "items.N" errors back to rows.
  const rowIndex: number[] = [];
  draft.items.forEach((row, i) => {
    if (isBlank(row)) return;
    const ref = row.ref.trim();
    if (!ref) errors[`items.${i}.${row.kind}`] = row.kind === "sku" ? "Give a SKU" : "Give a category";
    const qty = row.minQuantity.trim() === "" ? 1 : Number(row.minQuantity);
    if (!Number.isInteger(qty) || qty < 1) errors[`items.${i}.minQuantity`] = "Whole number, 1 or more";
    let unitPrice = 0;
    if (row.unitPrice.trim() === "") errors[`items.${i}.unitPrice`] = "Give a unit price";
    else {
      try {
        unitPrice = parseMoney(row.unitPrice.replace(/^\$/, ""), currency);
        if (unitPrice < 0) errors[`items.${i}.unitPrice`] = "Cannot be negative";
      } catch {
        errors[`items.${i}.unitPrice`] = "An amount like 19.99";
      }
    }
    rowIndex.push(i);
    items.push({ ...(row.kind === "sku" ? { sku: ref } : { category: ref }), minQuantity: qty, unitPrice });
  });
  if (Object.keys(errors).length > 0) return { input: null, errors, rowIndex };
  return {
    input: {
      code: draft.code.trim(),
      name: draft.name.trim(),
      currency,
      segment: draft.audience === "segment" ? draft.segment : null,
      customer: draft.audience === "customer" ? (draft.customer?.code ?? null) : null,
      validFrom: draft.validFrom || null,
      validTo: draft.validTo || null,
      priority,
      tierBasis: draft.tierBasis,
      items,
    },
    errors,
    rowIndex,
  };
}

/**
 * The server names items by their index in what was sent ("items.3.sku"); the grid may hold blank rows
 * that were not sent. Re-key those errors to grid rows; a "sku" error on a category row goes to "category".
 */
export function serverErrorsToGrid(fields: Record<string, string>, rowIndex: number[], rows: ItemRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const match = /^items\.(\d+)\.(\w+)$/.exec(key);
    if (!match) {
      out[key] = message;
      continue;
    }
    const row = rowIndex[Number(match[1])] ?? Number(match[1]);
    let field = match[2]!;
    if (field === "sku" || field === "category") field = rows[row]?.kind ?? field;
    out[`items.${row}.${field}`] = message;
  }
  return out;
}
