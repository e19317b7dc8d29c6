import { describe, expect, it } from "vitest";
import {
  chosenByText,
  daysBetween,
  formatDuration,
  formatLateness,
  linePromiseBasis,
  planHealth,
  projectionVsPromise,
  promisesByLineNo,
} from "./order-plan-format";

const jeopardy = { cause: "step_late" as const, step: "pick" as const, owner: "warehouse" as const, reason: "Pick late by 5 h." };

describe("planHealth", () => {
  it("is on track when the projection is on or before the promise", () => {
    expect(planHealth({ current: "pick", jeopardy: null, promisedDate: "2026-03-10", projectedDate: "2026-03-10" }).status).toBe("on_track");
    expect(planHealth({ current: "pick", jeopardy: null, promisedDate: "2026-03-10", projectedDate: "2026-03-08" }).status).toBe("on_track");
  });
  it("is at risk with a jeopardy or a projection past the promise", () => {
    expect(planHealth({ current: "pick", jeopardy, promisedDate: "2026-03-10", projectedDate: "2026-03-12" })).toEqual({ status: "at_risk", label: "At risk" });
    expect(planHealth({ current: "pick", jeopardy: null, promisedDate: "2026-03-10", projectedDate: "2026-03-11" }).status).toBe("at_risk");
  });
  it("is complete when no step is left", () => {
    expect(planHealth({ current: null, jeopardy: null, promisedDate: "2026-03-10", projectedDate: "2026-03-12" }).status).toBe("complete");
  });
});

describe("dates", () => {
  it("counts calendar days, across months and backwards", () => {
    expect(daysBetween("2026-02-27", "2026-03-02")).toBe(3);
    expect(daysBetween("2026-03-02", "2026-02-27")).toBe(-3);
    expect(daysBetween("2026-03-08", "2026-03-09")).toBe(1); // DST starts in between in New York: still one day
  });
  it("says how the projection compares with the promise", () => {
    expect(projectionVsPromise("2026-03-10", "2026-03-10")).toBe("on the promised day");
    expect(projectionVsPromise("2026-03-10", "2026-03-11")).toBe("1 day after the promise");
    expect(projectionVsPromise("2026-03-10", "2026-03-07")).toBe("3 days early");
  });
});

describe("formatLateness", () => {
  it("is null when on time", () => {
    expect(formatLateness(0)).toBeNull();
    expect(formatLateness(-2)).toBeNull();
    expect(formatLateness(Number.NaN)).toBeNull();
  });
  it("uses minutes, hours, then days and hours", () => {
    expect(formatLateness(0.4)).toBe("24 min");
    expect(formatLateness(5.4)).toBe("5 h");
    expect(formatLateness(23.6)).toBe("1 d");
    expect(formatLateness(29)).toBe("1 d 5 h");
    expect(formatLateness(48)).toBe("2 d");
  });
});

describe("formatDuration and chosenByText", () => {
  it("formats durations", () => {
    expect(formatDuration({ amount: 8, unit: "hours" })).toBe("8 h");
    expect(formatDuration({ amount: 1, unit: "business_days" })).toBe("1 business day");
    expect(formatDuration({ amount: 30, unit: "business_days" })).toBe("30 business days");
  });
  it("says how the policy was chosen", () => {
    expect(chosenByText("Default")).toBe("default policy");
    expect(chosenByText("Rule 2")).toBe("chosen by rule 2");
    expect(chosenByText("manual")).toBe("chosen by manual");
  });
});

describe("line promises", () => {
  const line = { lineId: "a", lineNo: 2, sku: "BLT-1", availableOn: "2026-03-12", transitDays: 3, promisedDate: "2026-03-17" };
  it("indexes by line number", () => {
    expect(promisesByLineNo([line]).get(2)).toBe(line);
    expect(promisesByLineNo(null).size).toBe(0);
  });
  it("explains the promise from stock and transit", () => {
    const fmt = (d: string) => d.slice(5);
    expect(linePromiseBasis(line, "2026-03-10", fmt)).toBe("Stock due 03-12 · 3 days in transit");
    expect(linePromiseBasis({ availableOn: "2026-03-10", transitDays: 1 }, "2026-03-10", fmt)).toBe("In stock · 1 day in transit");
    expect(linePromiseBasis({ availableOn: "2026-03-01", transitDays: 0 }, "2026-03-10", fmt)).toBe("In stock · no transit");
  });
});
