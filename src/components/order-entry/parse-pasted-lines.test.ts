import { describe, expect, it } from "vitest";
import { looksLikeLines, parsePastedLines } from "./parse-pasted-lines";

describe("parsePastedLines", () => {
  it("reads a spreadsheet copy: SKU<TAB>qty per row, with Windows line ends and a trailing newline", () => {
    expect(parsePastedLines("BLT-10001\t5\r\nNUT-20002\t12\r\n")).toEqual({
      lines: [
        { sku: "BLT-10001", quantity: "5" },
        { sku: "NUT-20002", quantity: "12" },
      ],
      skipped: [],
    });
  });

  it("reads CSV (comma or semicolon) and space-separated rows", () => {
    expect(parsePastedLines("BLT-1,3\nBLT-2;4\nBLT-3 5\nBLT-4   6").lines).toEqual([
      { sku: "BLT-1", quantity: "3" },
      { sku: "BLT-2", quantity: "4" },
      { sku: "BLT-3", quantity: "5" },
      { sku: "BLT-4", quantity: "6" },
    ]);
  });

  it("takes the first numeric cell after the SKU, so description and price columns do not matter", () => {
    expect(parsePastedLines("HYD-30001\tHydraulic hose 1/2\"\t8\t129.90").lines).toEqual([{ sku: "HYD-30001", quantity: "8" }]);
    expect(parsePastedLines("BLT-1 Hex Bolt M6 x 20 mm 25").lines).toEqual([{ sku: "BLT-1", quantity: "25" }]);
  });

  it("skips a heading row and blank rows, and says which rows were skipped", () => {
    const parsed = parsePastedLines("SKU\tQty\n\nBLT-1\t2\n   \nBLT-2\t1");
    expect(parsed.lines).toEqual([
      { sku: "BLT-1", quantity: "2" },
      { sku: "BLT-2", quantity: "1" },
    ]);
    expect(parsed.skipped).toEqual([{ row: 1, text: "SKU\tQty", reason: "header" }]);
  });

  it("only treats the first row as a heading", () => {
    expect(parsePastedLines("BLT-1\t1\nSKU\tQty").lines).toEqual([
      { sku: "BLT-1", quantity: "1" },
      { sku: "SKU", quantity: null },
    ]);
  });

  it("keeps rows without a quantity (quantity null) and reports rows without a SKU", () => {
    const parsed = parsePastedLines("BLT-1\nBLT-2\t\n\t7");
    expect(parsed.lines).toEqual([
      { sku: "BLT-1", quantity: null },
      { sku: "BLT-2", quantity: null },
    ]);
    expect(parsed.skipped).toEqual([{ row: 3, text: "7", reason: "no_sku" }]);
  });

  it("normalises thousands separators and whole decimals but leaves real fractions for validation", () => {
    expect(parsePastedLines("A-1\t1,000\nA-2\t1 200\nA-3\t12.0\nA-4\t2.5\nA-5\t007").lines.map((l) => l.quantity)).toEqual([
      "1000",
      "1200",
      "12",
      "2.5",
      "7",
    ]);
  });

  it("unquotes CSV cells, keeping quoted commas together", () => {
    expect(parsePastedLines('"BLT-1","1,500"\n"NUT-2",3').lines).toEqual([
      { sku: "BLT-1", quantity: "1500" },
      { sku: "NUT-2", quantity: "3" },
    ]);
  });

  it("keeps unknown or odd SKUs as typed: the server names the ones it does not know", () => {
    expect(parsePastedLines("NOPE-999\t2").lines).toEqual([{ sku: "NOPE-999", quantity: "2" }]);
  });

  it("returns nothing for empty text", () => {
    expect(parsePastedLines("")).toEqual({ lines: [], skipped: [] });
    expect(parsePastedLines("\n\n  \n")).toEqual({ lines: [], skipped: [] });
  });
});

describe("looksLikeLines", () => {
  it("is true for several rows or one SKU with a quantity", () => {
    expect(looksLikeLines("BLT-1\t2\nBLT-2\t3")).toBe(true);
    expect(looksLikeLines("BLT-1\nBLT-2")).toBe(true);
    expect(looksLikeLines("BLT-1\t2")).toBe(true);
  });

  it("is false for a single SKU, so an ordinary paste stays an ordinary paste", () => {
    expect(looksLikeLines("BLT-1")).toBe(false);
    expect(looksLikeLines("  BLT-1 \n")).toBe(false);
    expect(looksLikeLines("")).toBe(false);
  });
});
