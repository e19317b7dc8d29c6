import { describe, expect, it } from "vitest";
import { csvToItems, itemsToCsv, parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, and drops blank lines", () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n\r\n"x\ny",2\n')).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["x\ny", "2"],
    ]);
  });
});

describe("csvToItems", () => {
  it("reads the documented columns in any order, amounts as cents", () => {
    const { items, errors } = csvToItems("unitPrice,minQuantity,SKU,category\n19.99,50,BLT-1,\n\"$1,234.50\",,,Bolts & Screws\n");
    expect(errors).toEqual([]);
    expect(items).toEqual([
      { sku: "BLT-1", category: "", minQuantity: 50, unitPrice: 1999 },
      { sku: "", category: "Bolts & Screws", minQuantity: 1, unitPrice: 123450 },
    ]);
  });

  it("reads tab-separated rows pasted from a spreadsheet", () => {
    expect(csvToItems("sku\tcategory\tminQuantity\tunitPrice\nBLT-1\t\t10\t5.00").items).toEqual([
      { sku: "BLT-1", category: "", minQuantity: 10, unitPrice: 500 },
    ]);
  });

  it("reads rows without a header in the documented order", () => {
    expect(csvToItems("BLT-1,,10,5").items).toEqual([{ sku: "BLT-1", category: "", minQuantity: 10, unitPrice: 500 }]);
  });

  it("names each bad row", () => {
    const { items, errors } = csvToItems("sku,category,minQuantity,unitPrice\nA,,0,1\n,,1,1\nB,,1,abc\nC,Tapes,1,1\nD,,2,1.999\n");
    expect(items).toEqual([]);
    expect(errors).toEqual([
      'Row 2: min quantity "0" must be a whole number of 1 or more.',
      "Row 3: give a SKU or a category.",
      'Row 4: unit price "abc" is not an amount like 19.99.',
      "Row 5: give a SKU or a category, not both.",
      'Row 6: unit price "1.999" is not an amount like 19.99.',
    ]);
  });

  it("round-trips an export", () => {
    const items = [
      { sku: "BLT-1", category: null, minQuantity: 1, unitPrice: 1999 },
      { sku: null, category: 'Pipe "Fittings", misc', minQuantity: 100, unitPrice: 5 },
    ];
    const back = csvToItems(itemsToCsv(items));
    expect(back.errors).toEqual([]);
    expect(back.items).toEqual([
      { sku: "BLT-1", category: "", minQuantity: 1, unitPrice: 1999 },
      { sku: "", category: 'Pipe "Fittings", misc', minQuantity: 100, unitPrice: 5 },
    ]);
  });
});
