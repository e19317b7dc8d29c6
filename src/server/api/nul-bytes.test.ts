import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nulBytePath } from "./nul-bytes";

describe("nulBytePath", () => {
  it("names the field holding a NUL character, nested in objects and arrays", () => {
    expect(nulBytePath({ customer: "ACME", lines: [{ sku: "A" }, { sku: "B\u0000" }] })).toBe("lines.1.sku");
    expect(nulBytePath("\u0000")).toBe("");
    expect(nulBytePath({ ["a\u0000"]: 1 })).toBe("a\\u0000");
  });

  it("finds nothing in input without one (numbers, booleans, null, nested text)", () => {
    const withoutNul = fc.jsonValue().filter((value) => !JSON.stringify(value).includes("\\u0000"));
    fc.assert(fc.property(withoutNul, (value) => nulBytePath(value) === null));
  });
});
