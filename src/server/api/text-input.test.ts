import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unstorableText } from "./text-input";

describe("unstorableText", () => {
  it("names the field holding a NUL character, nested in objects and arrays", () => {
    expect(unstorableText({ customer: "ACME", lines: [{ sku: "A" }, { sku: "B\u0000" }] })).toEqual({ path: "lines.1.sku", problem: expect.stringMatching(/NUL/) });
    expect(unstorableText("\u0000")?.path).toBe("");
    expect(unstorableText({ ["a\u0000"]: 1 })?.path).toBe("a\\u0000");
  });

  it("names the field holding a lone surrogate, in a value or a key, and accepts whole pairs", () => {
    expect(unstorableText({ notes: "fine", shipTo: { line1: "Main \ud800 St" } })).toEqual({ path: "shipTo.line1", problem: expect.stringMatching(/lone UTF-16 surrogate/) });
    expect(unstorableText({ lines: [{ sku: "\udc00" }] })?.path).toBe("lines.0.sku");
    expect(unstorableText({ ["k\udbff"]: "x" })?.problem).toMatch(/field name .*surrogate/);
    expect(unstorableText({ name: "Café 😀 — ✓" })).toBeNull();
  });

  it("finds nothing in well-formed input without NUL (numbers, booleans, null, nested text)", () => {
    const storable = fc.jsonValue().filter((value) => !JSON.stringify(value).includes("\\u0000") && !/\\ud[89a-f]/i.test(JSON.stringify(value)));
    fc.assert(fc.property(storable, (value) => unstorableText(value) === null));
  });

  it("finds every lone surrogate fast-check can make", () => {
    // UTF-16 code units, surrogates often, so halves of pairs and whole pairs both come up.
    const utf16Text = fc
      .array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 20 })
      .map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(utf16Text, (text) => (unstorableText({ text }) === null) === (text.isWellFormed() && !text.includes("\u0000"))),
    );
  });
});
