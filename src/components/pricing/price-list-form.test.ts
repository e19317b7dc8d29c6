import { describe, expect, it } from "vitest";
import { draftFromList, draftToInput, emptyDraft, emptyRow, serverErrorsToGrid } from "./price-list-form";

describe("draftToInput", () => {
  it("turns text into cents and integers, skipping blank rows", () => {
    const draft = { ...emptyDraft(), code: " PL-1 ", name: "Contract", audience: "segment" as const, segment: "retail" as const };
    draft.items = [
      { ...emptyRow(), ref: "BLT-1", minQuantity: "50", unitPrice: "19.5" },
      emptyRow(),
      { ...emptyRow("category"), ref: "Tapes", minQuantity: "", unitPrice: "$3" },
    ];
    const { input, errors, rowIndex } = draftToInput(draft);
    expect(errors).toEqual({});
    expect(rowIndex).toEqual([0, 2]);
    expect(input).toMatchObject({
      code: "PL-1",
      segment: "retail",
      customer: null,
      validFrom: null,
      items: [
        { sku: "BLT-1", minQuantity: 50, unitPrice: 1950 },
        { category: "Tapes", minQuantity: 1, unitPrice: 300 },
      ],
    });
  });

  it("names each bad cell by its grid row", () => {
    const draft = { ...emptyDraft(), audience: "customer" as const };
    draft.items = [emptyRow(), { ...emptyRow(), ref: "X", minQuantity: "0", unitPrice: "1.234" }, { ...emptyRow("category"), unitPrice: "2" }];
    expect(draftToInput(draft).errors).toEqual({
      customer: "Choose a customer",
      "items.1.minQuantity": "Whole number, 1 or more",
      "items.1.unitPrice": "An amount like 19.99",
      "items.2.category": "Give a category",
    });
  });
});

describe("serverErrorsToGrid", () => {
  it("maps sent indexes back to grid rows and sku errors on category rows to the category cell", () => {
    const rows = [emptyRow(), emptyRow(), emptyRow("category")];
    expect(serverErrorsToGrid({ "items.1.sku": "no category", "items.0.unitPrice": "x", name: "y" }, [0, 2], rows)).toEqual({
      "items.2.category": "no category",
      "items.0.unitPrice": "x",
      name: "y",
    });
  });
});

describe("draftFromList", () => {
  it("shows cents as decimals and picks the audience", () => {
    const draft = draftFromList({
      code: "A",
      name: "A",
      currency: "USD",
      segment: null,
      customer: "C1",
      customerName: "Acme",
      validFrom: null,
      validTo: "2026-03-31",
      priority: 5,
      tierBasis: "sku",
      items: [{ sku: null, productName: null, category: "Tapes", minQuantity: 10, unitPrice: 1905 }],
    });
    expect(draft).toMatchObject({ audience: "customer", customer: { code: "C1", name: "Acme" }, validTo: "2026-03-31", priority: "5" });
    expect(draft.items[0]).toMatchObject({ kind: "category", ref: "Tapes", minQuantity: "10", unitPrice: "19.05" });
  });
});
