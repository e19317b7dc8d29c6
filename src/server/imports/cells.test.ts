import { describe, expect, it } from "vitest";
import { cellReader, cellText, headerIndex, normaliseHeader } from "./cells";

describe("import cells", () => {
  it("compares headers without case, spaces, dashes or underscores", () => {
    expect(["Unit Price", "unit_price", "unitPrice", "\uFEFFunit-price "].map(normaliseHeader)).toEqual(["unitprice", "unitprice", "unitprice", "unitprice"]);
  });

  it("finds a column by any spelling of its name, the first of two alike, and -1 for one not there", () => {
    const columnAt = headerIndex(["SKU", "Unit Price", "unit_price", "Notes"]);
    expect(["sku", "unit_price", "unitPrice", "unit_price", "notes", "quantity"].map(columnAt)).toEqual([0, 1, 1, 1, 3, -1]);
  });

  it("takes off the apostrophe an export puts before a formula-like cell, and nothing else", () => {
    expect(cellText("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(cellText(" '-5 ")).toBe("-5");
    expect(cellText("O'Brien")).toBe("O'Brien");
    expect(cellText("'quoted'")).toBe("'quoted'");
    expect(cellText(undefined)).toBe("");
  });

  it("reads whole numbers, amounts and booleans, naming the column when a cell is not one", () => {
    const cells: Record<string, string> = { quantity: "12", bad: "1.5", price: "12.50", yen: "12.5", flag: "Yes", nope: "maybe", empty: " " };
    const read = cellReader((c) => cells[c] ?? "");
    expect(read.int("quantity")).toBe(12);
    expect(read.int("bad")).toBeUndefined();
    expect(read.money("price")).toBe(1250);
    expect(read.money("yen", "JPY")).toBeUndefined();
    expect(read.bool("flag")).toBe(true);
    expect(read.bool("nope")).toBeUndefined();
    expect(read.int("empty")).toBeUndefined();
    expect(read.errors).toEqual([
      'bad: "1.5" is not a whole number',
      'yen: "12.5" is not an amount in JPY (write it like 1234.50)',
      'nope: "maybe" is not true or false',
    ]);
    expect([...read.failed]).toEqual(["bad", "yen", "nope"]);
  });
});
