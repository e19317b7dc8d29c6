import { describe, expect, it } from "vitest";
import { entryReducer, hasContent, initialEntryState, mergedQuantity, newLine, repeatedSkus, reviveEntryState, type EntryState, type ProductInfo } from "./entry-state";

const bolt: ProductInfo = { sku: "BLT-10001", name: "Hex Bolt", unit: "box", currency: "USD", listPrice: 1250, leadTimeDays: 7 };

function withLines(...skus: string[]): EntryState {
  return { ...initialEntryState("l0"), lines: skus.map((sku, i) => newLine(`l${i}`, sku)) };
}

describe("entryReducer", () => {
  it("starts with one blank line, phone channel and the customer's ship-to when one is given", () => {
    const state = initialEntryState("a", {
      code: "C-1",
      name: "Acme",
      shipTo: { line1: "1 Main St", city: "Springfield", region: "IL", postalCode: "62701", country: "US" },
    });
    expect(state.customer).toEqual({ code: "C-1", name: "Acme" });
    expect(state.shipTo.city).toBe("Springfield");
    expect(state.channel).toBe("phone");
    expect(state.lines).toEqual([{ id: "a", sku: "", quantity: "1", product: null }]);
    expect(hasContent(initialEntryState("a"))).toBe(false);
    expect(hasContent(state)).toBe(true);
  });

  it("choosing a customer replaces the ship-to; without one it is left alone", () => {
    let state = initialEntryState("a");
    state = entryReducer(state, { type: "setShipToField", field: "city", value: "Typed" });
    state = entryReducer(state, { type: "setCustomer", customer: { code: "C-1", name: "Acme" } });
    expect(state.shipTo.city).toBe("Typed");
    state = entryReducer(state, {
      type: "setCustomer",
      customer: { code: "C-2", name: "Beta" },
      shipTo: { line1: "2 Elm", city: "Austin", region: "TX", postalCode: "73301", country: "US" },
    });
    expect(state.shipTo.city).toBe("Austin");
  });

  it("takes a customer's default ship-to only while that customer is still the chosen one", () => {
    const austin = { line1: "2 Elm", city: "Austin", region: "TX", postalCode: "73301", country: "US" };
    let state = entryReducer(initialEntryState("a"), { type: "setCustomer", customer: { code: "C-2", name: "Beta" }, shipTo: null });
    expect(entryReducer(state, { type: "defaultShipTo", customerCode: "C-1", shipTo: austin })).toBe(state);
    state = entryReducer(state, { type: "defaultShipTo", customerCode: "C-2", shipTo: austin });
    expect(state.shipTo).toEqual(austin);
  });

  it("keeps the chosen product while the SKU still matches it and forgets it when the SKU changes", () => {
    let state = entryReducer(withLines(""), { type: "chooseProduct", id: "l0", product: bolt });
    expect(state.lines[0]).toMatchObject({ sku: "BLT-10001", product: bolt });
    state = entryReducer(state, { type: "setLineSku", id: "l0", sku: "BLT-10001 " });
    expect(state.lines[0]!.product).toBe(bolt);
    state = entryReducer(state, { type: "setLineSku", id: "l0", sku: "BLT-1000" });
    expect(state.lines[0]!.product).toBeNull();
  });

  it("adds a line after a given one or at the end, and never removes the last line", () => {
    let state = withLines("A", "B");
    state = entryReducer(state, { type: "addLine", id: "n1", afterId: "l0" });
    state = entryReducer(state, { type: "addLine", id: "n2" });
    expect(state.lines.map((l) => l.id)).toEqual(["l0", "n1", "l1", "n2"]);
    state = entryReducer(state, { type: "removeLine", id: "n1" });
    expect(state.lines.map((l) => l.id)).toEqual(["l0", "l1", "n2"]);
    const single = entryReducer(withLines("A"), { type: "removeLine", id: "l0" });
    expect(single.lines).toEqual([newLine("l0")]);
  });

  it("pasted rows fill the blank line pasted into and follow it; into a filled line they go after it", () => {
    const rows = [
      { sku: "X-1", quantity: "2" },
      { sku: "X-2", quantity: null },
    ];
    const intoBlank = entryReducer(withLines("A", "", "C"), { type: "pasteLines", atId: "l1", rows, ids: ["p1", "p2"] });
    expect(intoBlank.lines.map((l) => [l.id, l.sku, l.quantity])).toEqual([
      ["l0", "A", "1"],
      ["l1", "X-1", "2"],
      ["p2", "X-2", "1"],
      ["l2", "C", "1"],
    ]);
    const intoFilled = entryReducer(withLines("A"), { type: "pasteLines", atId: "l0", rows, ids: ["p1", "p2"] });
    expect(intoFilled.lines.map((l) => l.sku)).toEqual(["A", "X-1", "X-2"]);
  });

  it("reorder appends after the filled lines and drops blank ones", () => {
    const state = entryReducer(withLines("A", ""), {
      type: "appendLines",
      rows: [
        { sku: "R-1", quantity: "4" },
        { sku: "R-2", quantity: "6" },
      ],
      ids: ["r1", "r2"],
    });
    expect(state.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ["A", "1"],
      ["R-1", "4"],
      ["R-2", "6"],
    ]);
  });
});

describe("reviveEntryState", () => {
  it("round-trips a state through JSON", () => {
    const state = entryReducer(withLines("", "B"), { type: "chooseProduct", id: "l0", product: bolt });
    expect(reviveEntryState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it("refuses what is not a draft and repairs odd fields", () => {
    expect(reviveEntryState(null)).toBeNull();
    expect(reviveEntryState({ lines: [] })).toBeNull();
    expect(reviveEntryState("x")).toBeNull();
    const revived = reviveEntryState({ channel: "fax", lines: [{ id: "a", sku: 5, product: { sku: 1 } }], shipTo: null });
    expect(revived).toMatchObject({ channel: "phone", customer: null, lines: [{ id: "a", sku: "", quantity: "", product: null }] });
    expect(revived?.shipTo).toEqual({ line1: "", city: "", region: "", postalCode: "", country: "" });
  });
});

describe("manual prices", () => {
  const override = { unitPrice: 990, currency: "USD", reason: "Matched a quote" };

  it("are set and removed per line", () => {
    let state = entryReducer(withLines("BLT-10001", "NUT-2"), { type: "setLineOverride", id: "l1", override });
    expect(state.lines[1]!.override).toEqual(override);
    expect(state.lines[0]!.override).toBeUndefined();
    state = entryReducer(state, { type: "setLineOverride", id: "l1", override: null });
    expect(state.lines[1]!.override).toBeUndefined();
  });

  it("survive a quantity change and a respelling of the same SKU, not another product", () => {
    let state = entryReducer(withLines("blt-10001"), { type: "setLineOverride", id: "l0", override });
    state = entryReducer(state, { type: "setLineQuantity", id: "l0", quantity: "40" });
    state = entryReducer(state, { type: "chooseProduct", id: "l0", product: bolt });
    expect(state.lines[0]).toMatchObject({ sku: "BLT-10001", quantity: "40", override });
    state = entryReducer(state, { type: "setLineSku", id: "l0", sku: "BLT-10001 " });
    expect(state.lines[0]!.override).toEqual(override);
    state = entryReducer(state, { type: "setLineSku", id: "l0", sku: "BLT-1000" });
    expect(state.lines[0]!.override).toBeUndefined();
    state = entryReducer(entryReducer(withLines("NUT-2"), { type: "setLineOverride", id: "l0", override }), { type: "chooseProduct", id: "l0", product: bolt });
    expect(state.lines[0]!.override).toBeUndefined();
  });

  it("come back from a saved draft when well-formed", () => {
    const revived = reviveEntryState({
      lines: [
        { id: "a", sku: "X", quantity: "1", override },
        { id: "b", sku: "Y", quantity: "1", override: { unitPrice: 9.5, currency: "USD", reason: "x" } },
        { id: "c", sku: "Z", quantity: "1", override: { unitPrice: 950, currency: "USD", reason: "" } },
      ],
    });
    expect(revived!.lines.map((l) => l.override)).toEqual([override, undefined, undefined]);
  });
});

describe("repeated SKUs and merging", () => {
  it("flags a SKU already on an earlier line (ignoring case and spaces), never blank lines", () => {
    const state = withLines("BLT-10001", "", "NUT-2", " blt-10001 ", "", "NUT-2", "BLT-10001");
    const repeats = repeatedSkus(state.lines);
    expect([...repeats]).toEqual([
      ["l3", 0],
      ["l5", 2],
      ["l6", 0],
    ]);
  });

  it("uses the catalog's spelling when the caller gives it", () => {
    const state = withLines("blt-10001", "BLT-10001");
    expect(repeatedSkus(state.lines, () => "").size).toBe(0);
    expect(repeatedSkus(state.lines, (l) => (l.id === "l0" ? bolt.sku : l.sku)).get("l1")).toBe(0);
  });

  it("merging adds the quantity to the earlier line and removes this one", () => {
    let state = withLines("BLT-10001", "NUT-2", "BLT-10001");
    state = entryReducer(state, { type: "setLineQuantity", id: "l0", quantity: "4" });
    state = entryReducer(state, { type: "setLineQuantity", id: "l2", quantity: " 6" });
    state = entryReducer(state, { type: "mergeLine", id: "l2", intoId: "l0" });
    expect(state.lines.map((l) => [l.id, l.sku, l.quantity])).toEqual([
      ["l0", "BLT-10001", "10"],
      ["l1", "NUT-2", "1"],
    ]);
    // Unknown ids or a line merged into itself change nothing.
    expect(entryReducer(state, { type: "mergeLine", id: "l0", intoId: "l0" })).toBe(state);
    expect(entryReducer(state, { type: "mergeLine", id: "x", intoId: "l0" })).toBe(state);
  });

  it("keeps the quantity that is a whole number when the other is not", () => {
    expect(mergedQuantity("3", "2")).toBe("5");
    expect(mergedQuantity("3", "two")).toBe("3");
    expect(mergedQuantity("", "2")).toBe("2");
    expect(mergedQuantity("x", "y")).toBe("x");
  });
});
