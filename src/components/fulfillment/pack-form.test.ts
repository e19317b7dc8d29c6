import { describe, expect, it } from "vitest";
import { newPackage, pickedBySku, toPackages } from "./pack-form";

const shipment = {
  lines: [
    { id: "1", lineNo: 1, sku: "BLT-1", productName: "Bolt", bin: "A-01", quantity: 10, picked: 8 },
    { id: "2", lineNo: 2, sku: "NUT-1", productName: "Nut", bin: "A-02", quantity: 5, picked: null },
    { id: "3", lineNo: 3, sku: "GONE-1", productName: "Gone", bin: null, quantity: 2, picked: 0 },
  ],
};

describe("pack form", () => {
  const contents = pickedBySku(shipment);

  it("packs what was picked (planned when not confirmed), leaving out what was not found", () => {
    expect(contents).toEqual([
      { sku: "BLT-1", productName: "Bolt", picked: 8 },
      { sku: "NUT-1", productName: "Nut", picked: 5 },
    ]);
  });

  it("one package takes everything: only its weight and size are sent", () => {
    const one = { ...newPackage(contents, true), weight: "1.2", length: "30", width: "20.5", height: "" };
    expect(toPackages([one], contents)).toEqual({ packages: [{ weightGrams: 1200, lengthMm: 300, widthMm: 205 }] });
  });

  it("several packages say what is in each, and must add up to what was picked", () => {
    const first = { ...newPackage(contents, true), weight: "800", unit: "g" as const, items: { "BLT-1": "8", "NUT-1": "2" } };
    const second = { ...newPackage(contents, false), weight: "0.5", items: { "BLT-1": "0", "NUT-1": "3" } };
    expect(toPackages([first, second], contents)).toEqual({
      packages: [
        { weightGrams: 800, items: [{ sku: "BLT-1", quantity: 8 }, { sku: "NUT-1", quantity: 2 }] },
        { weightGrams: 500, items: [{ sku: "NUT-1", quantity: 3 }] },
      ],
    });
    const short = { ...second, items: { "BLT-1": "0", "NUT-1": "1" } };
    expect(toPackages([first, short], contents)).toEqual({ errors: { packages: ["5 of NUT-1 were picked but 3 are in the packages"] } });
  });

  it("names the field that is wrong", () => {
    const empty = newPackage(contents, false);
    expect(toPackages([{ ...newPackage(contents, true), weight: "" }, empty], contents)).toEqual({
      errors: { "packages.0.weightGrams": ["Enter the weight"], "packages.1.weightGrams": ["Enter the weight"], "packages.1.items": ["Say what is in this package"] },
    });
    expect(toPackages([{ ...newPackage(contents, true), weight: "1", length: "abc" }], contents)).toEqual({
      errors: { "packages.0.dimensions": ["Sizes are centimetres above 0"] },
    });
  });
});
