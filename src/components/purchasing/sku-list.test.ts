import { describe, expect, it } from "vitest";
import { parseSkuList } from "./sku-list";

describe("parseSkuList", () => {
  it("reads SKUs separated by lines, commas or spaces, with optional vendor SKUs, once each", () => {
    expect(parseSkuList("BLT-1, BLT-2\nNUT-3 = MFS-77\n\n  BLT-1  ")).toEqual({
      entries: ["BLT-1", "BLT-2", { sku: "NUT-3", vendorSku: "MFS-77" }],
      errors: [],
    });
  });

  it("names what is not a SKU", () => {
    expect(parseSkuList("BLT-1\n#bad")).toEqual({ entries: ["BLT-1"], errors: ['"#bad" is not a SKU'] });
    expect(parseSkuList("   ")).toEqual({ entries: [], errors: [] });
  });
});
