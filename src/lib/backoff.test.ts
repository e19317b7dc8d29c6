import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { doublingDelayMs } from "./backoff";

describe("doublingDelayMs", () => {
  it("doubles from the first wait and stops at the cap", () => {
    expect([1, 2, 3, 4, 5].map((n) => doublingDelayMs(n, { firstMs: 1_000, maxMs: 10_000 }))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
  });

  it("is never below the first wait nor above the cap, and never shrinks, whatever the attempt count", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), (n) => {
        const options = { firstMs: 30_000, maxMs: 3_600_000 };
        const wait = doublingDelayMs(n, options);
        expect(wait).toBeGreaterThanOrEqual(options.firstMs);
        expect(wait).toBeLessThanOrEqual(options.maxMs);
        expect(doublingDelayMs(n + 1, options)).toBeGreaterThanOrEqual(wait);
      }),
    );
  });
});
