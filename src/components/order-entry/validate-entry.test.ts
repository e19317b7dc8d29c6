import { describe, expect, it } from "vitest";
import { initialEntryState, newLine, type EntryState } from "./entry-state";
import { errorKeysInOrder, firstErrorKey, mapServerErrors, parseQuantity, validateEntry } from "./validate-entry";

const today = "2026-03-10";
const address = { line1: "1 Main St", city: "Springfield", region: "", postalCode: "62701", country: "us" };

function complete(overrides: Partial<EntryState> = {}): EntryState {
  return {
    ...initialEntryState("l0"),
    customer: { code: "C-10001", name: "Acme" },
    shipTo: { ...address },
    lines: [newLine("l0", "BLT-1", "3"), newLine("l1", "", "1"), newLine("l2", " NUT-2 ", "12")],
    ...overrides,
  };
}

describe("parseQuantity", () => {
  it("takes whole numbers above 0 and names everything else", () => {
    expect(parseQuantity(" 12 ")).toEqual({ ok: true, value: 12 });
    expect(parseQuantity("")).toEqual({ ok: false, message: "Enter a quantity" });
    expect(parseQuantity("2.5")).toEqual({ ok: false, message: "Quantity must be a whole number" });
    expect(parseQuantity("abc")).toEqual({ ok: false, message: "Quantity must be a whole number" });
    expect(parseQuantity("0")).toEqual({ ok: false, message: "Quantity must be more than 0" });
    expect(parseQuantity("-3")).toEqual({ ok: false, message: "Quantity must be more than 0" });
    expect(parseQuantity("1000001").ok).toBe(false);
  });
});

describe("validateEntry", () => {
  it("builds the payload from the filled lines, trimmed, country upper-cased, blanks left out", () => {
    const result = validateEntry(complete({ customerReference: "  PO-77 ", notes: "" }), { today });
    expect(result).toEqual({
      ok: true,
      lineIds: ["l0", "l2"],
      payload: {
        customer: "C-10001",
        channel: "phone",
        customerReference: "PO-77",
        shipTo: { ...address, country: "US" },
        requestedDate: undefined,
        notes: undefined,
        lines: [
          { sku: "BLT-1", quantity: 3 },
          { sku: "NUT-2", quantity: 12 },
        ],
      },
    });
  });

  it("sends the catalog's spelling of a SKU when the product is known", () => {
    const result = validateEntry(complete({ lines: [newLine("l0", "blt-1", "1")] }), { today, skuOf: () => "BLT-1" });
    expect(result.ok && result.payload.lines).toEqual([{ sku: "BLT-1", quantity: 1 }]);
  });

  it("names every missing piece next to its field", () => {
    const result = validateEntry(
      {
        ...initialEntryState("l0"),
        lines: [newLine("l0", "", "1")],
        requestedDate: "2026-03-01",
      },
      { today },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      customer: "Choose a customer",
      "lines.l0.sku": "Add at least one line with a SKU",
      "shipTo.line1": "Street address is required",
      "shipTo.city": "City is required",
      "shipTo.postalCode": "Postal code is required",
      "shipTo.country": "Country must be a two-letter ISO code, e.g. US",
      requestedDate: "The requested date is in the past",
    });
  });

  it("flags bad quantities and malformed SKUs per line", () => {
    const result = validateEntry(complete({ lines: [newLine("a", "BLT-1", "0"), newLine("b", "bad sku", "2"), newLine("c", "NUT-1", "1.5")] }), {
      today,
    });
    expect(!result.ok && result.errors).toEqual({
      "lines.a.quantity": "Quantity must be more than 0",
      "lines.b.sku": expect.stringMatching(/SKU may contain/),
      "lines.c.quantity": "Quantity must be a whole number",
    });
  });
});

describe("validateEntry with manual prices", () => {
  const priced = (override: { unitPrice: number; currency: string; reason: string }) =>
    complete({ lines: [{ ...newLine("l0", "BLT-1", "3"), override }, newLine("l2", "NUT-2", "12")] });

  it("sends a manual price as unitPrice (minor units) with its trimmed reason", () => {
    const result = validateEntry(priced({ unitPrice: 1250, currency: "USD", reason: " Matched a quote " }), { today, currency: "USD" });
    expect(result.ok && result.payload.lines).toEqual([
      { sku: "BLT-1", quantity: 3, unitPrice: 1250, overrideReason: "Matched a quote" },
      { sku: "NUT-2", quantity: 12 },
    ]);
  });

  it("refuses a manual price without a reason, or in another currency than the customer's", () => {
    const noReason = validateEntry(priced({ unitPrice: 1250, currency: "USD", reason: " " }), { today, currency: "USD" });
    expect(noReason).toEqual({ ok: false, errors: { "lines.l0.price": "Give a reason for the manual price" } });
    const foreign = validateEntry(priced({ unitPrice: 1250, currency: "EUR", reason: "x" }), { today, currency: "USD" });
    expect(foreign.ok).toBe(false);
    expect(!foreign.ok && foreign.errors["lines.l0.price"]).toMatch(/set in EUR; this customer is billed in USD/);
    // Without a known currency the price is trusted as it was typed.
    expect(validateEntry(priced({ unitPrice: 1250, currency: "EUR", reason: "x" }), { today }).ok).toBe(true);
  });

  it("puts a line's price error after its quantity in the focus order", () => {
    const state = priced({ unitPrice: 1, currency: "USD", reason: "x" });
    expect(firstErrorKey(state, { "lines.l0.price": "x", "lines.l2.sku": "y" })).toBe("lines.l0.price");
    expect(firstErrorKey(state, { "lines.l0.price": "x", "lines.l0.quantity": "y" })).toBe("lines.l0.quantity");
  });
});

describe("mapServerErrors", () => {
  it("maps line indexes of the payload back to the form's lines and names address fields", () => {
    const mapped = mapServerErrors(
      {
        "lines.1.sku": ['no product with SKU "NOPE-1"'],
        "lines.0.quantity": ["Quantity must be more than 0"],
        "lines.0.overrideReason": ["A manual unit price needs an override reason"],
        "lines.1.unitPrice": ["Unit price is in minor units (cents)"],
        "shipTo.city": ["is required"],
        customer: ['no customer with code "C-9"'],
        "Idempotency-Key": ["must be at most 200 characters"],
        "lines.7.sku": ["out of range"],
      },
      ["l0", "l2"],
    );
    expect(mapped.errors).toEqual({
      "lines.l2.sku": 'No product with SKU "NOPE-1"',
      "lines.l2.price": "Unit price is in minor units (cents)",
      "lines.l0.quantity": "Quantity must be more than 0",
      "lines.l0.price": "A manual unit price needs an override reason",
      "shipTo.city": "City is required",
      customer: 'No customer with code "C-9"',
    });
    expect(mapped.unplaced).toEqual(["Idempotency-Key: must be at most 200 characters", "lines.7.sku: out of range"]);
  });

  it("is empty without fields", () => {
    expect(mapServerErrors(undefined, [])).toEqual({ errors: {}, unplaced: [] });
  });
});

describe("firstErrorKey", () => {
  it("follows the order of the fields on screen", () => {
    const state = complete();
    expect(errorKeysInOrder(state).slice(0, 5)).toEqual(["customer", "channel", "customerReference", "requestedDate", "lines"]);
    expect(firstErrorKey(state, { "shipTo.city": "x", "lines.l2.quantity": "y" })).toBe("lines.l2.quantity");
    expect(firstErrorKey(state, {})).toBeNull();
  });
});
