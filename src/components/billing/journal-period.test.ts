import { describe, expect, it } from "vitest";
import { monthOf, periodShortcuts, readPeriod } from "./journal-period";

describe("journal periods", () => {
  it("gives a month's first and last day, leap years and December included", () => {
    expect(monthOf("2028-02-14")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthOf("2026-12-31")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("offers this month, last month and the year to date", () => {
    expect(periodShortcuts("2026-01-15").map((s) => s.period)).toEqual([
      { from: "2026-01-01", to: "2026-01-31" },
      { from: "2025-12-01", to: "2025-12-31" },
      { from: "2026-01-01", to: "2026-01-15" },
    ]);
  });

  it("reads the URL's period, or falls back to this month saying why", () => {
    expect(readPeriod(undefined, undefined, "2026-03-10")).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(readPeriod("2026-01-05", "2026-02-10", "2026-03-10")).toEqual({ from: "2026-01-05", to: "2026-02-10" });
    expect(readPeriod("2026-02-30", "2026-03-01", "2026-03-10").error).toMatch(/dates like/);
    expect(readPeriod("2026-03-05", "2026-03-01", "2026-03-10").error).toMatch(/on or before/);
  });
});
