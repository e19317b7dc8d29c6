import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { neutraliseCell, unparseRows } from "./csv-cell";

const DANGEROUS = /^[=+\-@\t\r]/;

describe("neutraliseCell", () => {
  it("prefixes formula starters with an apostrophe and leaves other text alone", () => {
    expect(neutraliseCell("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(neutraliseCell("+1")).toBe("'+1");
    expect(neutraliseCell("-2")).toBe("'-2");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell("\t=1")).toBe("'\t=1");
    expect(neutraliseCell("\r=1")).toBe("'\r=1");
    expect(neutraliseCell("ACME")).toBe("ACME");
    expect(neutraliseCell("")).toBe("");
    expect(neutraliseCell("a=b")).toBe("a=b");
  });

  it("no written cell starts with = + - @ tab or CR, and papaparse reads back exactly the neutralised values", () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", '"', ",").chain((c) => fc.string().map((s) => c + s)));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (raw) => {
        const width = raw[0]!.length;
        const rows = raw.map((r) => Array.from({ length: width }, (_, i) => neutraliseCell(r[i] ?? "")));
        for (const row of rows) for (const value of row) expect(DANGEROUS.test(value)).toBe(false);
        const text = unparseRows(rows);
        const parsed = Papa.parse<string[]>(text, { delimiter: ",", newline: "\r\n" });
        expect(parsed.data).toEqual(rows);
        for (const row of parsed.data) for (const value of row) expect(DANGEROUS.test(value)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
