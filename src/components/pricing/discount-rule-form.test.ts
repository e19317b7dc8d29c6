import { describe, expect, it } from "vitest";
import { draftFromRule, draftToRuleInput, emptyRuleDraft, previewSentence } from "./discount-rule-form";

const fasteners = { ...emptyRuleDraft(), code: "R1", name: "Fasteners", value: "10", category: "Fasteners", who: "segment" as const, minQuantity: "100", validFrom: "2026-01-01", validTo: "2026-03-31" };

describe("previewSentence", () => {
  it("reads like the server's summary", () => {
    expect(previewSentence(fasteners)).toBe("10% off category Fasteners for segment wholesale when quantity ≥ 100, Jan 1, 2026 – Mar 31, 2026");
  });

  it("shows unfinished parts as …", () => {
    expect(previewSentence({ ...emptyRuleDraft(), target: "everything" })).toBe("…% off everything");
    expect(previewSentence({ ...emptyRuleDraft(), benefit: "amount", category: "Tapes", stackable: true })).toBe("$… off each category Tapes (stacks)");
    expect(previewSentence({ ...emptyRuleDraft(), benefit: "bxgy", buy: "3", target: "sku" })).toBe("Buy 3 get … free SKU …");
    expect(previewSentence({ ...emptyRuleDraft(), benefit: "orderAmount", value: "25", minOrderAmount: "500" })).toBe("$25.00 off the order when order ≥ $500.00");
  });
});

describe("draftToRuleInput", () => {
  it("builds the API input", () => {
    expect(draftToRuleInput(fasteners).input).toEqual({
      code: "R1",
      name: "Fasteners",
      scope: "line",
      percentOff: 10,
      currency: "USD",
      conditions: { segment: "wholesale", customer: null, sku: null, category: "Fasteners", minQuantity: 100, minOrderAmount: null, channel: null },
      validFrom: "2026-01-01",
      validTo: "2026-03-31",
      priority: 0,
      stackable: false,
    });
  });

  it("reads and writes amounts in the rule's currency", () => {
    const yen = draftToRuleInput({ ...emptyRuleDraft(), code: "Y", name: "Yen", benefit: "amount", value: "500", currency: "JPY", target: "everything" });
    expect(yen.input).toMatchObject({ amountOff: 500, currency: "JPY" });
    expect(draftToRuleInput({ ...emptyRuleDraft(), code: "Y", name: "Yen", benefit: "amount", value: "5.50", currency: "JPY", target: "everything" }).errors).toHaveProperty("amountOff");
    expect(draftFromRule({ ...yen.input!, percentOff: null, buyQuantity: null, getQuantity: null, amountOff: 500 } as never).value).toBe("500");
  });

  it("names bad fields like the server does", () => {
    expect(draftToRuleInput({ ...emptyRuleDraft(), value: "120", category: "", minQuantity: "x", validFrom: "2026-02-01", validTo: "2026-01-01" }).errors).toEqual({
      percentOff: "A percent more than 0 and at most 100",
      "conditions.category": "Choose a category",
      "conditions.minQuantity": "A whole number, 1 or more",
      validTo: "Must be on or after the start date",
    });
  });

  it("round-trips a saved rule", () => {
    const { input } = draftToRuleInput({ ...emptyRuleDraft(), code: "B", name: "B", benefit: "bxgy", buy: "3", get: "1", target: "sku", sku: "X-1", who: "customer", customer: { code: "C1", name: "Acme" } });
    const back = draftFromRule({ ...input!, percentOff: null, amountOff: null, buyQuantity: 3, getQuantity: 1 });
    expect(back).toMatchObject({ benefit: "bxgy", buy: "3", get: "1", target: "sku", sku: "X-1", who: "customer", customer: { code: "C1" } });
  });
});
