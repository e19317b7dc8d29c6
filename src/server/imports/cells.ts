import { parseMoney } from "~/lib/money";

/** A header cell as the import compares it: "Unit Price", "unit-price" and "unitPrice" are all `unitprice`. */
export function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s_\-.]+/g, "");
}

/**
 * Where a column is in a file's header (-1: not there), by any spelling of its name: each name is normalised once,
 * not at every cell of every row.
 */
export function headerIndex(header: string[]): (column: string) => number {
  const byName = new Map(header.map((name, i) => [normaliseHeader(name), i] as const).reverse());
  const known = new Map<string, number>();
  return (column) => {
    let index = known.get(column);
    if (index === undefined) known.set(column, (index = byName.get(normaliseHeader(column)) ?? -1));
    return index;
  };
}

/**
 * A cell as typed, trimmed; the apostrophe our exports put before a formula-like cell (`'=SUM`, `'-5`) is taken
 * off again, so an exported file imports as it was.
 */
export function cellText(value: string | undefined): string {
  const text = (value ?? "").trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/**
 * Typed reads of one record's cells. A cell that does not read as its type adds "column: why" to `errors` and
 * gives undefined, so the zod schema's own message for that field is not added twice (see `unlessCellError`).
 */
export function cellReader(get: (column: string) => string) {
  const errors: string[] = [];
  const failed = new Set<string>();
  const fail = (column: string, message: string) => {
    failed.add(column);
    errors.push(`${column}: ${message}`);
    return undefined;
  };
  const text = (column: string) => cellText(get(column)) || undefined;
  return {
    errors,
    failed,
    text,
    int(column: string): number | undefined {
      const value = text(column);
      if (value === undefined) return undefined;
      return /^[-+]?\d{1,15}$/.test(value) ? Number(value) : fail(column, `"${value}" is not a whole number`);
    },
    /** A decimal amount in the currency's units ("12.50"), as minor units. */
    money(column: string, currency = "USD"): number | undefined {
      const value = text(column);
      if (value === undefined) return undefined;
      try {
        return parseMoney(value, currency);
      } catch {
        return fail(column, `"${value}" is not an amount in ${currency} (write it like 1234.50)`);
      }
    },
    /** A decimal amount whose currency is known later (an order line's, in its customer's): the text, checked. */
    decimal(column: string): string | undefined {
      const value = text(column);
      if (value === undefined) return undefined;
      return /^\d{1,12}(\.\d{1,4})?$/.test(value) ? value : fail(column, `"${value}" is not an amount (write it like 1234.50)`);
    },
    bool(column: string): boolean | undefined {
      const value = text(column)?.toLowerCase();
      if (value === undefined) return undefined;
      if (["true", "yes", "y", "1"].includes(value)) return true;
      if (["false", "no", "n", "0"].includes(value)) return false;
      return fail(column, `"${value}" is not true or false`);
    },
  };
}
export type CellReader = ReturnType<typeof cellReader>;
