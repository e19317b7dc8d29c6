import { describe, expect, it } from "vitest";
import { linesKey } from "./find-duplicates";

describe("linesKey", () => {
  const a = "0b6f3a52-0000-4000-8000-000000000001";
  const b = "9c1d2e3f-0000-4000-8000-000000000002";
  const key = (lines: { productId: string; quantity: number }[]) => linesKey(lines, (l) => l.productId);

  it("is each product's total quantity in product order, whatever the line order or split", () => {
    expect(key([{ productId: b, quantity: 2 }, { productId: a, quantity: 5 }, { productId: b, quantity: 3 }])).toBe(`${a}|5,${b}|5`);
    expect(key([{ productId: a, quantity: 5 }, { productId: b, quantity: 5 }])).toBe(key([{ productId: b, quantity: 5 }, { productId: a, quantity: 2 }, { productId: a, quantity: 3 }]));
  });

  it("differs when a quantity or a product differs", () => {
    expect(key([{ productId: a, quantity: 5 }])).not.toBe(key([{ productId: a, quantity: 6 }]));
    expect(key([{ productId: a, quantity: 5 }])).not.toBe(key([{ productId: b, quantity: 5 }]));
    expect(key([])).toBe("");
  });
});
