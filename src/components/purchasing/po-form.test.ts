import { describe, expect, it } from "vitest";
import { errorsForRows, toPurchaseOrderInput, type PoFormLine } from "./po-form";

const line = (sku: string, quantity: string, unitCost = ""): PoFormLine => ({ id: sku || "x", sku, name: "", quantity, unitCost });

describe("purchase order form", () => {
  it("turns rows into API lines, skipping blank rows, with unit costs in minor units", () => {
    const result = toPurchaseOrderInput({
      vendor: "MFS",
      warehouse: "EAST",
      expectedDate: "",
      notes: "  ",
      lines: [line("BLT-1", "10"), line("", ""), line("NUT-2", "5", "1.25")],
    });
    expect(result).toEqual({
      ok: true,
      input: { vendor: "MFS", warehouse: "EAST", notes: null, lines: [{ sku: "BLT-1", quantity: 10 }, { sku: "NUT-2", quantity: 5, unitCost: 125 }] },
      rowOfLine: [0, 2],
    });
  });

  it("reads unit costs in the order's currency: JPY has no minor units", () => {
    const state = { vendor: "MFS", warehouse: "EAST", expectedDate: "", notes: "", lines: [line("BLT-1", "2", "1500")] };
    expect(toPurchaseOrderInput(state, "JPY")).toMatchObject({ ok: true, input: { lines: [{ sku: "BLT-1", quantity: 2, unitCost: 1500 }] } });
    expect(toPurchaseOrderInput(state, "USD")).toMatchObject({ ok: true, input: { lines: [{ sku: "BLT-1", quantity: 2, unitCost: 150000 }] } });
    expect(toPurchaseOrderInput({ ...state, lines: [line("BLT-1", "2", "15.50")] }, "JPY")).toEqual({
      ok: false,
      errors: { "lines.0.unitCost": "Enter an amount like 1250" },
    });
  });

  it("names each bad field by its row", () => {
    const result = toPurchaseOrderInput({
      vendor: "",
      warehouse: "EAST",
      expectedDate: "21/11/2026",
      notes: "",
      lines: [line("BLT-1", "0"), line("BLT-1", "2.5", "abc"), line("", "3")],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        vendor: "Choose a vendor",
        expectedDate: "Use a date like 2026-11-21",
        "lines.0.quantity": "Enter a whole number above 0",
        "lines.1.sku": "BLT-1 is already on line 1",
        "lines.1.quantity": "Enter a whole number above 0",
        "lines.1.unitCost": "Enter an amount like 12.50",
        "lines.2.sku": "Enter a SKU",
      },
    });
    expect(toPurchaseOrderInput({ vendor: "V", warehouse: "W", expectedDate: "", notes: "", lines: [line("", "")] })).toEqual({
      ok: false,
      errors: { lines: "Add at least one line" },
    });
  });

  it("maps the server's line errors back to the form's rows", () => {
    expect(errorsForRows({ "lines.1.sku": ["no product"], vendor: ["archived"] }, [0, 3])).toEqual({ "lines.3.sku": "no product", vendor: "archived" });
  });
});
