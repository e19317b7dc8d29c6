import { describe, expect, it } from "vitest";
import { stateFromOrder, type SourceOrder } from "./from-order";

const source: SourceOrder = {
  number: "SO-100123",
  customer: "C-10017",
  customerName: "Acme Supply",
  channel: "email",
  currency: "USD",
  notes: "Gate 4",
  shipTo: { line1: "1 Main St", city: "Springfield", region: null, postalCode: "62701", country: "US" },
  lines: [
    { sku: "BLT-10001", quantity: 12, manualPrice: null, overrideReason: null },
    { sku: "NUT-20002", quantity: 3, manualPrice: 950, overrideReason: "Matched competitor" },
  ],
};

describe("stateFromOrder", () => {
  it("copies customer, ship-to, channel, notes and lines, with a blank line to add to", () => {
    let n = 0;
    const state = stateFromOrder(source, () => `id${++n}`);
    expect(state.customer).toEqual({ code: "C-10017", name: "Acme Supply" });
    expect(state.shipTo).toEqual({ line1: "1 Main St", city: "Springfield", region: "", postalCode: "62701", country: "US" });
    expect(state.channel).toBe("email");
    expect(state.notes).toBe("Gate 4");
    expect(state.customerReference).toBe("");
    expect(state.requestedDate).toBe("");
    expect(state.lines).toEqual([
      { id: "id1", sku: "BLT-10001", quantity: "12", product: null },
      { id: "id2", sku: "NUT-20002", quantity: "3", product: null, override: { unitPrice: 950, currency: "USD", reason: "Matched competitor" } },
      { id: "id3", sku: "", quantity: "1", product: null },
    ]);
  });

  it("falls back to phone for a channel the desk does not enter, and to an empty ship-to", () => {
    const state = stateFromOrder({ ...source, channel: "api", shipTo: null, notes: null }, () => "x");
    expect(state.channel).toBe("phone");
    expect(state.shipTo.line1).toBe("");
    expect(state.notes).toBe("");
  });
});
