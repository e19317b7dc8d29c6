/**
 * Order lines pasted from a spreadsheet, an e-mail or a CSV file: one line per row, the SKU first and the
 * quantity after it — "SKU<TAB>qty" (a spreadsheet copy), "SKU,qty" / "SKU;qty" (CSV) or "SKU qty".
 * Pure, so the rules are unit-tested (parse-pasted-lines.test.ts).
 *
 * - The quantity is the first numeric cell after the SKU, so "SKU<TAB>Description<TAB>Qty<TAB>Price" works
 *   (free text: see `quantityOf`).
 * - A first row that looks like column headings ("SKU  Qty") is skipped.
 * - A row without a quantity gets `quantity: null` (the form shows it as 1 and lets the rep change it).
 * - Unknown SKUs are kept: the server names them in its answer, which the form maps back to the line.
 */
export type PastedLine = { sku: string; quantity: string | null };
export type SkippedRow = { row: number; text: string; reason: "header" | "no_sku" };
export type ParsedPaste = { lines: PastedLine[]; skipped: SkippedRow[] };

const HEADER_SKU = /^(sku|item|item\s*(no|number|#)|part|part\s*(no|number|#)|product|article|code)\.?$/i;
const NUMERIC = /^-?\d[\d,.' ]*$/;

export function parsePastedLines(text: string): ParsedPaste {
  const rows = text.replace(/\r\n?/g, "\n").split("\n");
  const lines: PastedLine[] = [];
  const skipped: SkippedRow[] = [];
  rows.forEach((raw, index) => {
    const row = raw.trim();
    if (row === "") return;
    const { cells, isFreeText } = splitRow(raw);
    const sku = cells[0] ?? "";
    const quantityCell = quantityOf(cells.slice(1), isFreeText);
    if (lines.length === 0 && skipped.length === 0 && HEADER_SKU.test(sku) && quantityCell === undefined) {
      skipped.push({ row: index + 1, text: row, reason: "header" });
      return;
    }
    if (sku === "") {
      skipped.push({ row: index + 1, text: row, reason: "no_sku" });
      return;
    }
    lines.push({ sku, quantity: quantityCell === undefined ? null : normalizeQuantity(quantityCell) });
  });
  return { lines, skipped };
}

/** True when the text is more than one value for one field: several rows, or a SKU with its quantity. */
export function looksLikeLines(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return false;
  if (/\n/.test(trimmed)) return parsePastedLines(trimmed).lines.length > 0;
  const parsed = parsePastedLines(trimmed);
  return parsed.lines.length === 1 && parsed.lines[0]!.quantity !== null;
}

function splitRow(raw: string): { cells: string[]; isFreeText: boolean } {
  let cells: string[];
  const isFreeText = !/[\t;,]/.test(raw);
  if (raw.includes("\t")) cells = raw.split("\t");
  else if (raw.includes(";")) cells = raw.split(";");
  else if (raw.includes(",")) cells = splitCsv(raw);
  else cells = raw.trim().split(/\s+/);
  return { cells: cells.map(unquote).filter((cell, i) => i === 0 || cell !== ""), isFreeText };
}

/**
 * Cells (tab, CSV): the first numeric cell after the SKU. Free text ("BLT-1 Hex Bolt M6 x 20 mm 25"): the
 * word right after the SKU when it is a number ("BLT-1 5 12.50"), else the last number of the row.
 */
function quantityOf(rest: string[], isFreeText: boolean): string | undefined {
  if (!isFreeText) return rest.find((cell) => NUMERIC.test(cell));
  if (rest[0] !== undefined && NUMERIC.test(rest[0])) return rest[0];
  return rest.findLast((cell) => NUMERIC.test(cell));
}

/** Commas inside double quotes do not split ("BLT-1","1,000"). */
function splitCsv(raw: string): string[] {
  const cells: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of raw) {
    if (char === '"') quoted = !quoted;
    if (char === "," && !quoted) {
      cells.push(current);
      current = "";
    } else current += char;
  }
  cells.push(current);
  return cells;
}

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
}

/**
 * "1,000" / "1 000" / "1'000" → "1000" and "12.0" → "12"; anything else ("2.5", "1.500") is kept as typed
 * so the form's validation names it ("Quantity must be a whole number") instead of guessing.
 */
function normalizeQuantity(cell: string): string {
  const compact = cell.replace(/[\s']/g, "");
  if (/^\d{1,3}(,\d{3})+$/.test(compact)) return compact.replace(/,/g, "");
  const whole = /^(\d+)(?:\.0+)?$/.exec(compact);
  if (whole) return String(Number(whole[1]));
  return compact;
}
