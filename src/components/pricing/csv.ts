/**
 * Price list items as CSV: the columns `sku,category,minQuantity,unitPrice` (a header row; each row has
 * either a SKU or a category; unitPrice as a decimal, e.g. 19.99). Pure, so it is unit-tested.
 */
import Papa from "papaparse";
import { unparseRows } from "~/lib/csv-cell";
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

/** RFC 4180 records (quoted fields may hold the separator, "" and line breaks), by papaparse. Blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  // One line break for the whole text: pasted text mixes CRLF and LF, and papaparse takes the first it sees.
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return Papa.parse<string[]>(src, { delimiter: delimiterOf(src), newline: "\n", skipEmptyLines: "greedy" }).data;
}

/** Items → CSV text with a header row; prices in major units ("19.99"). */
export function itemsToCsv(items: { sku: string | null; category: string | null; minQuantity: number; unitPrice: number }[], currency = "USD"): string {
  const rows = items.map((item) => [item.sku ?? "", item.category ?? "", String(item.minQuantity), toDecimalString(item.unitPrice, currency)]);
  return `${unparseRows([[...ITEM_COLUMNS], ...rows])}\r\n`;
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
