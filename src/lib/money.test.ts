import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatMoney, formatMoneyCompact, parseMoney, roundHalfUp, toDecimalString } from "./money";

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

  it("writes minor units as the decimal a person types, in the currency's minor units", () => {
    expect(toDecimalString(1999, "USD")).toBe("19.99");
    expect(toDecimalString(5, "USD")).toBe("0.05");
    expect(toDecimalString(-1250, "USD")).toBe("-12.50");
    expect(toDecimalString(0, "USD")).toBe("0.00");
    expect(toDecimalString(1500, "JPY")).toBe("1500");
    expect(toDecimalString(0, "JPY")).toBe("0");
    expect(toDecimalString(1234, "BHD")).toBe("1.234");
  });

  it("round-trips any amount through toDecimalString and parseMoney (USD and JPY)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom("USD", "JPY", "BHD"), (amount, currency) => {
        expect(parseMoney(toDecimalString(amount, currency), currency)).toBe(amount);
      }),
    );
  });

  it("formats compact labels in the currency's minor units", () => {
    expect(formatMoneyCompact(1234500, "USD", "en-US")).toBe("$12.3K");
    expect(formatMoneyCompact(99, "USD", "en-US")).toBe("$1");
    expect(formatMoneyCompact(0, "USD", "en-US")).toBe("$0");
    expect(formatMoneyCompact(1234500, "JPY", "en-US")).toBe("¥1.2M");
    expect(formatMoneyCompact(500, "JPY", "en-US")).toBe("¥500");
  });
});
