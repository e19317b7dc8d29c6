import { describe, expect, it } from "vitest";
import { todayIn } from "./dates";

describe("todayIn", () => {
  it("is the calendar date in the company's time zone", () => {
    expect(todayIn("America/New_York", new Date("2026-03-01T03:00:00Z"))).toBe("2026-02-28");
    expect(todayIn("UTC", new Date("2026-03-01T03:00:00Z"))).toBe("2026-03-01");
  });
});
