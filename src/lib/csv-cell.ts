import Papa from "papaparse";

/**
 * A text cell a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return
 * that some spreadsheets skip before one) gets a leading apostrophe, so it is read as text. Pure: every
 * CSV the app writes (the order list, the journal, the list exports) goes through this one.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows as CSV lines, CRLF-separated, quoted only where needed (no trailing newline). */
export const unparseRows = (rows: string[][]) => Papa.unparse(rows, { newline: "\r\n", quotes: false });
