import { describe, expect, it } from "vitest";
import { readDunningDays } from "./accounting-settings";

describe("readDunningDays", () => {
  it("reads days separated by commas or spaces, sorted", () => {
    expect(readDunningDays("30, 3 15")).toEqual({ days: [3, 15, 30] });
    expect(readDunningDays("  ")).toEqual({ days: [] });
  });

  it("names what is wrong", () => {
    expect(readDunningDays("3, x")).toEqual({ error: '"x" is not a whole number of days' });
    expect(readDunningDays("3, 3")).toEqual({ error: "3 is listed twice" });
    expect(readDunningDays("0")).toEqual({ error: "Each reminder day is 1 to 365 days past due" });
    expect(readDunningDays("1.5")).toHaveProperty("error");
  });
});
