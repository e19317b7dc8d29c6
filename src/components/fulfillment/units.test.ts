import { describe, expect, it } from "vitest";
import { formatDimensions, formatWeight, toGrams, toMillimetres } from "./units";

describe("package units", () => {
  it("turns kilograms and grams into whole grams", () => {
    expect(toGrams("1.25", "kg")).toBe(1250);
    expect(toGrams("1,5", "kg")).toBe(1500);
    expect(toGrams("300", "g")).toBe(300);
    expect(toGrams("0.0004", "kg")).toBeNull();
    expect(toGrams("0", "g")).toBeNull();
    expect(toGrams("-2", "kg")).toBeNull();
    expect(toGrams("abc", "kg")).toBeNull();
    expect(toGrams("", "kg")).toBeNull();
  });

  it("turns centimetres into millimetres; empty is no dimension", () => {
    expect(toMillimetres("30.5")).toBe(305);
    expect(toMillimetres("40")).toBe(400);
    expect(toMillimetres("")).toBeUndefined();
    expect(toMillimetres("x")).toBeNull();
    expect(toMillimetres("0")).toBeNull();
  });

  it("formats weights and sizes", () => {
    expect(formatWeight(300)).toBe("300 g");
    expect(formatWeight(1250)).toBe("1.25 kg");
    expect(formatDimensions(305, 200, 150)).toBe("30.5 × 20 × 15 cm");
    expect(formatDimensions(305, null, 150)).toBeNull();
  });
});
