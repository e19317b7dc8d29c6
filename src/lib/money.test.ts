import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatMoney, parseMoney, roundHalfUp } from "./money";

describe("money", () => {
  it("rounds half up, away from zero", () => {
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(2.4999)).toBe(2);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(0.5)).toBe(1);
    expect(roundHalfUp(-0.2)).toBe(0);
  });

  it("parses decimal strings exactly", () => {
    expect(parseMoney("19.99")).toBe(1999);
    expect(parseMoney("0.1")).toBe(10);
    expect(parseMoney("-3")).toBe(-300);
    expect(parseMoney("1500", "JPY")).toBe(1500);
    expect(() => parseMoney("1.999")).toThrow(/decimals/);
    expect(() => parseMoney("abc")).toThrow(/Not an amount/);
  });

  it("round-trips any amount of cents through text", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const text = `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;
        expect(parseMoney(text)).toBe(cents);
      }),
    );
  });

  it("formats with the currency", () => {
    expect(formatMoney(1999, "USD", "en-US")).toBe("$19.99");
    expect(formatMoney(-500, "EUR", "de-DE")).toMatch(/-5,00\s€/);
  });
});
