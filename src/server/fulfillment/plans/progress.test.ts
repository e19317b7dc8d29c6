import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES } from "../policies/policy";
import { projectSteps } from "../policies/schedule";
import { jeopardyCause, stepProgress, type OrderFacts } from "./progress";

const at = (iso: string) => new Date(iso);
const nothing: OrderFacts = {
  units: 10,
  backordered: 0,
  picked: 0,
  packed: 0,
  shipped: 0,
  fullyInvoiced: false,
  paid: false,
  reservedLast: { at: at("2026-12-01T14:00:00Z"), by: "Riley Rep" },
  pickedLast: null,
  packedLast: null,
  shippedLast: null,
  invoicedLast: null,
  paidLast: null,
  vendorOrdered: null,
  vendorShipped: null,
};
const standard = DEFAULT_POLICIES.find((p) => p.code === "STANDARD")!.steps;

describe("stepProgress", () => {
  it("marks a step done only when the whole order got past it, with when and who", () => {
    expect(stepProgress(nothing)).toEqual({ reserve: { completedAt: at("2026-12-01T14:00:00Z"), by: "Riley Rep" } });
    const partlyPicked = stepProgress({ ...nothing, picked: 6, pickedLast: { at: at("2026-12-01T18:00:00Z"), by: "Wes" } });
    expect(partlyPicked.pick).toBeUndefined();
    const picked = stepProgress({ ...nothing, picked: 10, pickedLast: { at: at("2026-12-01T18:00:00Z"), by: "Wes" } });
    expect(picked.pick).toEqual({ completedAt: at("2026-12-01T18:00:00Z"), by: "Wes" });
  });

  it("counts shipped units as picked and packed (a shipment shipped without a separate pack)", () => {
    const shipped = stepProgress({ ...nothing, shipped: 10, shippedLast: { at: at("2026-12-02T15:00:00Z"), by: "Wes" } });
    expect(Object.keys(shipped).sort()).toEqual(["collect", "pack", "pick", "reserve", "ship"]);
    expect(shipped.pack).toEqual({ completedAt: at("2026-12-02T15:00:00Z"), by: "Wes" });
  });

  it("leaves reserve open while anything is backordered, and reads billing and the vendor", () => {
    const progress = stepProgress({ ...nothing, backordered: 2, paid: true, paidLast: { at: at("2026-12-03T15:00:00Z"), by: "Fran" }, vendorOrdered: { at: at("2026-12-01T15:00:00Z"), by: "Riley" } });
    expect(progress.reserve).toBeUndefined();
    expect(progress.invoice).toBeDefined();
    expect(progress.paid).toEqual({ completedAt: at("2026-12-03T15:00:00Z"), by: "Fran" });
    expect(progress.vendor_po).toBeDefined();
    expect(progress.vendor_ships).toBeUndefined();
  });
});

describe("jeopardyCause", () => {
  const start = at("2026-12-01T14:00:00Z");
  const context = { orderNumber: "SO-1", promisedDate: "2026-12-07", inboundOverdue: false };

  it("is nothing while the projection keeps the promise", () => {
    const { steps } = projectSteps(standard, { start, now: start, progress: stepProgress(nothing) });
    expect(jeopardyCause(steps, { ...context, projectedDate: "2026-12-07" })).toBeNull();
  });

  it("names a late step and its owner, with how late", () => {
    const now = at("2026-12-03T14:00:00Z"); // the 8-hour pick is 40 hours late
    const { steps } = projectSteps(standard, { start, now, progress: stepProgress(nothing) });
    expect(jeopardyCause(steps, { ...context, projectedDate: "2026-12-09" })).toEqual({
      cause: "step_late",
      step: "pick",
      owner: "warehouse",
      reason: "Pick late by 40 h. SO-1 now reaches the customer 2026-12-09, after its promise 2026-12-07.",
    });
  });

  it("tells stock short from inbound late, and a prepaid order's missing payment", () => {
    const waiting = projectSteps(standard, { start, now: start, progress: stepProgress({ ...nothing, backordered: 3 }) }).steps;
    expect(jeopardyCause(waiting, { ...context, projectedDate: "2026-12-20" })).toMatchObject({ cause: "stock_short", owner: "rep" });
    expect(jeopardyCause(waiting, { ...context, projectedDate: "2026-12-20", inboundOverdue: true })).toMatchObject({ cause: "inbound_late" });
    const prepaid = DEFAULT_POLICIES.find((p) => p.code === "PREPAID")!.steps;
    const unpaid = projectSteps(prepaid, { start, now: at("2026-12-10T14:00:00Z"), progress: stepProgress({ ...nothing, fullyInvoiced: true, invoicedLast: { at: start, by: "Fran" } }) }).steps;
    expect(jeopardyCause(unpaid, { ...context, projectedDate: "2026-12-16" })).toMatchObject({ cause: "payment_missing", step: "paid", owner: "finance" });
  });
});
