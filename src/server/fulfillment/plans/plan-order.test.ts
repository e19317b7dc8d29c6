import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES, type PolicyStep } from "../policies/policy";
import { billsFirst, linePromises, orderPromise } from "./plan-order";
import { paysBeforePicking } from "./payment-gate";

const steps = (code: string) => DEFAULT_POLICIES.find((p) => p.code === code)!.steps;
const line = (lineNo: number, availableOn: string, warehouseId: string | null = "W1") => ({
  lineId: `L${lineNo}`,
  lineNo,
  sku: `SKU-${lineNo}`,
  productId: `P${lineNo}`,
  quantity: 1,
  warehouseId,
  availableOn,
});

// Tuesday 2026-12-01, 09:00 in New York.
const now = new Date("2026-12-01T14:00:00Z");
const today = "2026-12-01";

describe("linePromises", () => {
  it("promises a reserved line today + the remaining step durations + transit from its warehouse", () => {
    // Standard: pick 8 h + pack 4 h + ship 8 h after reserving now → leaves Wednesday morning; 2 business days → Friday.
    const [promise] = linePromises(steps("STANDARD"), { start: now, now, today, progress: {}, transit: new Map([["W1", 2]]), lines: [line(1, today)] });
    expect(promise).toEqual({ lineId: "L1", lineNo: 1, sku: "SKU-1", availableOn: today, transitDays: 2, promisedDate: "2026-12-04" });
  });

  it("starts a backordered line when its stock is expected, and uses the default transit without a warehouse", () => {
    const [promise] = linePromises(steps("STANDARD"), { start: now, now, today, progress: {}, transit: new Map(), lines: [line(1, "2026-12-10", null)] });
    // Stock Thursday 12-10 early morning: reserve 1 h, 20 h of work → Friday 12-11; 3 business days → Wednesday 12-16.
    expect(promise).toMatchObject({ availableOn: "2026-12-10", transitDays: 3, promisedDate: "2026-12-16" });
  });

  it("moves when a step takes longer, and the order is promised on its last line", () => {
    const slow: PolicyStep[] = steps("STANDARD").map((s) => (s.kind === "pick" ? { ...s, duration: { amount: 5, unit: "business_days" } } : s));
    const fast = linePromises(steps("STANDARD"), { start: now, now, today, progress: {}, transit: new Map(), lines: [line(1, today)] });
    const slower = linePromises(slow, { start: now, now, today, progress: {}, transit: new Map(), lines: [line(1, today)] });
    expect(slower[0]!.promisedDate > fast[0]!.promisedDate).toBe(true);
    const both = linePromises(steps("STANDARD"), { start: now, now, today, progress: {}, transit: new Map(), lines: [line(1, today), line(2, "2026-12-10")] });
    expect(orderPromise(both, today)).toBe(both[1]!.promisedDate);
    expect(orderPromise([], today)).toBe(today);
  });

  it("counts no transit for a customer who collects (will-call)", () => {
    const [promise] = linePromises(steps("WILL_CALL"), { start: now, now, today, progress: {}, transit: new Map([["W1", 4]]), lines: [line(1, today)] });
    // Reserve now, pick 8 h (17:00 local), then collection within 5 business days → Tuesday 12-08.
    expect(promise!.promisedDate).toBe("2026-12-08");
  });
});

describe("what a policy asks of submission and the warehouse", () => {
  it("bills first and holds the goods until paid only when invoice and paid come before the goods", () => {
    expect(billsFirst(steps("PREPAID"))).toBe(true);
    expect(paysBeforePicking(steps("PREPAID"))).toBe(true);
    for (const code of ["STANDARD", "DROP_SHIP", "WILL_CALL"]) {
      expect(billsFirst(steps(code))).toBe(false);
      expect(paysBeforePicking(steps(code))).toBe(false);
    }
  });
});
