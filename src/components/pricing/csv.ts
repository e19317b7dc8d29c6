/**
 * Price list items as CSV: the columns `sku,category,minQuantity,unitPrice` (a header row; each row has
 * either a SKU or a category; unitPrice as a decimal, e.g. 19.99). Pure, so it is unit-tested.
 */
import { parseMoney, toDecimalString } from "~/lib/money";

export const ITEM_COLUMNS = ["sku", "category", "minQuantity", "unitPrice"] as const;

export type CsvItem = { sku: string; category: string; minQuantity: number; unitPrice: number };

/** The separator of the first line: a tab (pasted from a spreadsheet), else ";" when there is no ",", else ",". */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  if (first.includes("\t")) return "\t";
  if (first.includes(";") && !first.includes(",")) return ";";
  return ",";
}

/** RFC 4180 records: quoted fields may hold the separator, quotes ("") and line breaks. Blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  const delimiter = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const src = text.replace(/^\uFEFF/, "");
  const endRow = () => {
    row.push(field);
    if (row.some((f) => f.trim() !== "")) rows.push(row);
    row = [];
    field = "";
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      endRow();
      if (ch === "\r" && src[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Items → CSV text with a header row; prices in major units ("19.99"). */
export function itemsToCsv(items: { sku: string | null; category: string | null; minQuantity: number; unitPrice: number }[], currency = "USD"): string {
  const lines = [ITEM_COLUMNS.join(",")];
  for (const item of items) {
    lines.push([item.sku ?? "", item.category ?? "", String(item.minQuantity), toDecimalString(item.unitPrice, currency)].map(quote).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

export type CsvImport = { items: CsvItem[]; errors: string[] };

/**
 * CSV text → items, with one error per bad row ("Row 3: unit price "abc" is not an amount").
 * The header may name the columns in any order (case and spaces ignored); without one the order is
 * sku,category,minQuantity,unitPrice. An empty minQuantity means 1.
 */
export function csvToItems(text: string, currency = "USD"): CsvImport {
  const rows = parseCsv(text);
  const errors: string[] = [];
  const items: CsvItem[] = [];
  if (rows.length === 0) return { items, errors: ["The CSV is empty."] };
  const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, "");
  const header = rows[0]!.map(norm);
  const hasHeader = header.includes("sku") || header.includes("unitprice") || header.includes("category");
  const index = Object.fromEntries(
    ITEM_COLUMNS.map((col, i) => [col, hasHeader ? header.indexOf(col.toLowerCase()) : i]),
  ) as Record<(typeof ITEM_COLUMNS)[number], number>;
  if (hasHeader && index.unitPrice < 0) return { items, errors: ["The header has no unitPrice column (expected sku,category,minQuantity,unitPrice)."] };
  if (hasHeader && index.sku < 0 && index.category < 0) return { items, errors: ["The header needs a sku or a category column."] };
  const body = hasHeader ? rows.slice(1) : rows;
  body.forEach((cells, r) => {
    const rowNo = r + (hasHeader ? 2 : 1);
    const cell = (col: (typeof ITEM_COLUMNS)[number]) => (index[col] >= 0 ? (cells[index[col]] ?? "").trim() : "");
    const sku = cell("sku");
    const category = cell("category");
    const qtyText = cell("minQuantity");
    const priceText = cell("unitPrice").replace(/^[$€£]/, "").replace(/,(?=\d{3}(\D|$))/g, "");
    if (!sku && !category) return void errors.push(`Row ${rowNo}: give a SKU or a category.`);
    if (sku && category) return void errors.push(`Row ${rowNo}: give a SKU or a category, not both.`);
    const minQuantity = qtyText === "" ? 1 : Number(qtyText);
    if (!Number.isInteger(minQuantity) || minQuantity < 1) return void errors.push(`Row ${rowNo}: min quantity "${qtyText}" must be a whole number of 1 or more.`);
    let unitPrice: number;
    try {
      unitPrice = parseMoney(priceText, currency);
    } catch {
      return void errors.push(`Row ${rowNo}: unit price "${cell("unitPrice")}" is not an amount like 19.99.`);
    }
    if (unitPrice < 0) return void errors.push(`Row ${rowNo}: unit price cannot be negative.`);
    items.push({ sku, category, minQuantity, unitPrice });
  });
  return { items, errors };
}
