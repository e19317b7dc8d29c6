import Papa from "papaparse";
import { neutraliseCell } from "~/lib/csv-cell";
import { toDecimalString } from "~/lib/money";
import { ACCOUNT_LABELS } from "~/server/billing/constants";
import type { TJournal } from "~/server/billing/schemas";

export { neutraliseCell };

export const JOURNAL_CSV_COLUMNS = ["date", "document", "description", "account", "account_code", "account_name", "debit", "credit", "currency"] as const;

/**
 * The journal as CSV for an accounting system: one row per entry, amounts as decimals in the currency
 * ("1234.50"), text cells neutralised against formula injection. Amounts are written by us from integers,
 * never start with a sign (debits and credits are not negative), and stay numbers.
 */
export function journalCsv(journal: TJournal): string {
  const rows = journal.entries.map((e) => [
    e.date,
    neutraliseCell(e.document),
    neutraliseCell(e.description),
    e.account,
    neutraliseCell(e.accountCode),
    ACCOUNT_LABELS[e.account],
    toDecimalString(e.debit, journal.currency),
    toDecimalString(e.credit, journal.currency),
    journal.currency,
  ]);
  return Papa.unparse({ fields: [...JOURNAL_CSV_COLUMNS], data: rows }, { newline: "\r\n", quotes: false });
}

/** `journal-2026-03-01-to-2026-03-31.csv` */
export const journalFileName = (from: string, to: string, format: "csv" | "json") => `journal-${from}-to-${to}.${format}`;
