import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { TJournal } from "~/server/billing/schemas";
import { journalCsv, neutraliseCell } from "./journal-csv";

const journal: TJournal = {
  from: "2026-03-01",
  to: "2026-03-31",
  currency: "USD",
  entries: [
    { date: "2026-03-02", document: "INV-200001", description: "Invoice issued", account: "receivables", accountCode: "1200", debit: 10_825, credit: 0 },
    { date: "2026-03-02", document: "INV-200001", description: "Invoice issued", account: "revenue", accountCode: "4000", debit: 0, credit: 10_000 },
    { date: "2026-03-02", document: "INV-200001", description: "Invoice issued", account: "taxPayable", accountCode: "2200", debit: 0, credit: 825 },
    { date: "2026-03-09", document: "=HYPERLINK(\"http://x\")", description: "+cmd|' /C calc'!A0, \"quoted\"", account: "cash", accountCode: "@1000", debit: 5, credit: 0 },
    { date: "2026-03-09", document: "PAY-1a2b3c4d", description: "-2+3", account: "customerCredit", accountCode: "2300", debit: 0, credit: 5 },
  ],
  totals: { debit: 10_830, credit: 10_830 },
  byAccount: [],
};

describe("neutraliseCell", () => {
  it("prefixes cells a spreadsheet would evaluate", () => {
    for (const cell of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutraliseCell(cell)).toBe(`'${cell}`);
    for (const cell of ["INV-200001", "Invoice issued", "", "1200"]) expect(neutraliseCell(cell)).toBe(cell);
  });
});

describe("journalCsv", () => {
  const csv = journalCsv(journal);
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

  it("writes a header and one row per entry, amounts as decimals", () => {
    expect(csv.split("\r\n")[0]).toBe("date,document,description,account,account_code,account_name,debit,credit,currency");
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(5);
    expect(parsed.data[0]).toEqual({
      date: "2026-03-02",
      document: "INV-200001",
      description: "Invoice issued",
      account: "receivables",
      account_code: "1200",
      account_name: "Accounts receivable",
      debit: "108.25",
      credit: "0.00",
      currency: "USD",
    });
  });

  it("neutralises formulas and keeps commas and quotes inside their cell", () => {
    expect(parsed.data[3]!.document).toBe("'=HYPERLINK(\"http://x\")");
    expect(parsed.data[3]!.description).toBe("'+cmd|' /C calc'!A0, \"quoted\"");
    expect(parsed.data[3]!.account_code).toBe("'@1000");
    expect(parsed.data[4]!.description).toBe("'-2+3");
    expect(parsed.data[3]!.debit).toBe("0.05");
  });

  it("balances: the debit column sums to the credit column", () => {
    const sum = (key: "debit" | "credit") => parsed.data.reduce((s, r) => s + Math.round(Number(r[key]) * 100), 0);
    expect(sum("debit")).toBe(sum("credit"));
  });
});
