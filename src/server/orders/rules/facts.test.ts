import { describe, expect, it } from "vitest";
import { linesKey } from "./facts";

describe("linesKey", () => {
  const a = "0b6f3a52-0000-4000-8000-000000000001";
  const b = "9c1d2e3f-0000-4000-8000-000000000002";

  it("is each product's total quantity in product order, whatever the line order or split", () => {
    expect(linesKey([{ productId: b, quantity: 2 }, { productId: a, quantity: 5 }, { productId: b, quantity: 3 }])).toBe(`${a}|5,${b}|5`);
    expect(linesKey([{ productId: a, quantity: 5 }, { productId: b, quantity: 5 }])).toBe(linesKey([{ productId: b, quantity: 5 }, { productId: a, quantity: 2 }, { productId: a, quantity: 3 }]));
  });

  it("differs when a quantity or a product differs", () => {
    expect(linesKey([{ productId: a, quantity: 5 }])).not.toBe(linesKey([{ productId: a, quantity: 6 }]));
    expect(linesKey([{ productId: a, quantity: 5 }])).not.toBe(linesKey([{ productId: b, quantity: 5 }]));
    expect(linesKey([])).toBe("");
  });
});
