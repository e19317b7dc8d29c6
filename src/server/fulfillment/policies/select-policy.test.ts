import { describe, expect, it } from "vitest";
import { selectPolicy, type OrderFacts, type PolicyRule } from "./select-policy";

const order: OrderFacts = { channel: "web", segment: "retail", categories: ["Fasteners", "Motors & Drives"], total: 125_000 };

describe("policy selection", () => {
  it("takes the first rule that matches, in the admin's order", () => {
    const rules: PolicyRule[] = [
      { policyCode: "PREPAID", channels: ["web"], segments: ["retail"] },
      { policyCode: "WILL_CALL", channels: ["web"] },
    ];
    expect(selectPolicy(rules, order, "STANDARD")).toEqual({ policyCode: "PREPAID", rule: 0 });
    expect(selectPolicy([...rules].reverse(), order, "STANDARD")).toEqual({ policyCode: "WILL_CALL", rule: 0 });
  });

  it("needs every condition a rule sets; unset conditions match anything", () => {
    expect(selectPolicy([{ policyCode: "PREPAID", channels: ["web"], segments: ["wholesale"] }], order, "STANDARD").policyCode).toBe("STANDARD");
    expect(selectPolicy([{ policyCode: "ANY" }], order, "STANDARD").policyCode).toBe("ANY");
    expect(selectPolicy([{ policyCode: "ANY", channels: [] }], order, "STANDARD").policyCode).toBe("ANY");
  });

  it("matches a category when any line is in it, and order value within inclusive bounds", () => {
    expect(selectPolicy([{ policyCode: "DROP_SHIP", categories: ["Motors & Drives"] }], order, "STANDARD").policyCode).toBe("DROP_SHIP");
    expect(selectPolicy([{ policyCode: "DROP_SHIP", categories: ["Pumps"] }], order, "STANDARD").policyCode).toBe("STANDARD");
    expect(selectPolicy([{ policyCode: "BIG", minTotal: 125_000 }], order, "STANDARD").policyCode).toBe("BIG");
    expect(selectPolicy([{ policyCode: "BIG", minTotal: 125_001 }], order, "STANDARD").policyCode).toBe("STANDARD");
    expect(selectPolicy([{ policyCode: "SMALL", maxTotal: 125_000 }], order, "STANDARD").policyCode).toBe("SMALL");
    expect(selectPolicy([{ policyCode: "SMALL", maxTotal: 124_999 }], order, "STANDARD").policyCode).toBe("STANDARD");
  });

  it("falls back to the default when nothing matches", () => {
    expect(selectPolicy([], order, "STANDARD")).toEqual({ policyCode: "STANDARD", rule: null });
  });
});
