import { describe, expect, it } from "vitest";
import { findRow, itemKey, pickLinesFor, pickRows } from "./pick-list-model";

const list = {
  picks: [
    {
      bin: "A-01-1",
      sku: "BLT-10315",
      productName: "Hex bolt",
      quantity: 9,
      picked: null,
      shipments: [
        { number: "SH-1", order: "SO-1", quantity: 4, picked: null },
        // The same SKU on two lines of one order: one item for the picker.
        { number: "SH-1", order: "SO-1", quantity: 2, picked: null },
        { number: "SH-2", order: "SO-2", quantity: 3, picked: null },
      ],
    },
    { bin: null, sku: "NUT-200", productName: "Nut", quantity: 5, picked: null, shipments: [{ number: "SH-2", order: "SO-2", quantity: 5, picked: null }] },
  ],
};

describe("pick list model", () => {
  const rows = pickRows(list);

  it("adds up a shipment's lines of one SKU", () => {
    expect(rows[0]!.items).toEqual([
      { key: "SH-1|BLT-10315", sku: "BLT-10315", shipment: "SH-1", order: "SO-1", quantity: 6, picked: null },
      { key: "SH-2|BLT-10315", sku: "BLT-10315", shipment: "SH-2", order: "SO-2", quantity: 3, picked: null },
    ]);
  });

  it("finds the row of a scanned SKU, in any case, or by a unique beginning", () => {
    expect(findRow(rows, " blt-10315 ")?.sku).toBe("BLT-10315");
    expect(findRow(rows, "NUT")?.sku).toBe("NUT-200");
    expect(findRow(rows, "X")).toBeNull();
    expect(findRow(rows, "")).toBeNull();
  });

  it("sends every SKU of a shipment: untouched is the planned quantity, fewer is a short pick", () => {
    expect(pickLinesFor(rows, "SH-2", { [itemKey("SH-2", "NUT-200")]: "3" })).toEqual({
      lines: [
        { sku: "BLT-10315", picked: 3 },
        { sku: "NUT-200", picked: 3 },
      ],
      short: [{ sku: "NUT-200", quantity: 2 }],
    });
    expect(pickLinesFor(rows, "SH-1", {})).toEqual({ lines: [{ sku: "BLT-10315", picked: 6 }], short: [] });
  });

  it("refuses more than planned, negatives and blanks on the item", () => {
    expect(pickLinesFor(rows, "SH-1", { "SH-1|BLT-10315": "7" })).toEqual({ errors: { "SH-1|BLT-10315": "At most 6 go to SH-1" } });
    expect(pickLinesFor(rows, "SH-1", { "SH-1|BLT-10315": "-1" })).toEqual({ errors: { "SH-1|BLT-10315": "Enter a whole number, 0 or more" } });
    expect(pickLinesFor(rows, "SH-1", { "SH-1|BLT-10315": "" })).toEqual({ errors: { "SH-1|BLT-10315": "Enter a whole number, 0 or more" } });
  });
});
