import { describe, expect, it } from "vitest";
import { productFormValues, toCreateProductInput, toUpdateProductInput, type ProductFormValues } from "./product-form-input";

const values = (patch: Partial<ProductFormValues> = {}): ProductFormValues => ({
  ...productFormValues(undefined, { unit: "each", taxCategory: "standard" }),
  sku: "BOLT-M10",
  name: " Hex bolt M10 ",
  category: "Fasteners",
  listPrice: "1,299.50",
  cost: "640",
  weightKg: "0.125",
  ...patch,
});

describe("the product form's input", () => {
  it("reads prices in the currency's minor units and the weight in grams", () => {
    expect(toCreateProductInput(values())).toEqual({
      ok: true,
      input: { sku: "BOLT-M10", name: "Hex bolt M10", category: "Fasteners", unit: "each", currency: "USD", listPrice: 129_950, cost: 64_000, weightGrams: 125, taxCategory: "standard", leadTimeDays: 14, packSize: 1 },
    });
  });

  it("a yen product has no decimals", () => {
    const result = toCreateProductInput(values({ currency: "jpy", listPrice: "1200.5" }));
    expect(result.ok ? {} : result.errors).toEqual({ listPrice: "List price: an amount in JPY, e.g. 12.50" });
  });

  it("names every field it refuses, as the server names them", () => {
    const result = toCreateProductInput(values({ sku: "a b", name: "", category: " ", listPrice: "-1", cost: "x", weightKg: "-2", leadTimeDays: "1.5", packSize: "0" }));
    expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual(["category", "cost", "leadTimeDays", "listPrice", "name", "packSize", "sku", "weightGrams"]);
  });

  it("an edit round-trips a product and carries its SKU and version", () => {
    const product = { sku: "X-1", name: "X", category: "Tools", unit: "box", currency: "USD", listPrice: 1999, cost: 1000, weightGrams: 2500, taxCategory: "reduced", leadTimeDays: 7, packSize: 12, isArchived: false, version: 4 };
    const result = toUpdateProductInput(productFormValues(product, { unit: "each", taxCategory: "standard" }), product);
    expect(result).toEqual({ ok: true, input: { sku: "X-1", version: 4, name: "X", category: "Tools", unit: "box", listPrice: 1999, cost: 1000, weightGrams: 2500, taxCategory: "reduced", leadTimeDays: 7, packSize: 12 } });
  });
});
