import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES, policyProblems, type PolicyStep } from "./policy";

const step = (kind: PolicyStep["kind"], amount = 1): PolicyStep => ({ kind, duration: { amount, unit: "hours" }, owner: "warehouse" });

describe("policy steps", () => {
  it("the four shipped policies are valid", () => {
    expect(DEFAULT_POLICIES.map((p) => p.code)).toEqual(["STANDARD", "PREPAID", "DROP_SHIP", "WILL_CALL"]);
    for (const p of DEFAULT_POLICIES) expect(policyProblems(p.steps), p.code).toEqual([]);
  });

  it("refuse an empty policy, a step twice, a negative duration, and steps out of their order", () => {
    expect(policyProblems([])).toEqual(["A policy needs at least one step."]);
    expect(policyProblems([step("reserve"), step("reserve")])).toEqual(["Step 2 (Reserve) appears twice."]);
    expect(policyProblems([step("reserve", -1)])).toEqual(["Step 1 (Reserve) needs a duration of 0 or more."]);
    expect(policyProblems([step("reserve"), step("pack"), step("pick")])).toEqual(["Pack cannot come before Pick."]);
    expect(policyProblems([step("pick")])).toEqual(["Pick needs a Reserve step before it."]);
    expect(policyProblems([step("vendor_ships")])).toEqual(["Vendor ships needs a Purchase order to vendor step before it."]);
    expect(policyProblems([step("paid"), step("invoice")])).toEqual(["Paid cannot come before Invoice."]);
  });
});
