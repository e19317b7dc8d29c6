import { describe, expect, it } from "vitest";
import type { ProductInfo } from "./entry-state";
import {
  buildPricingRequest,
  mapPricing,
  MAX_PRICED_LINES,
  simulateInput,
  stepLabel,
  taxAddressDiffers,
  type PricingAnswer,
  type PricingRequest,
  type SimulatedLine,
} from "./live-pricing";

const product = (sku: string, listPrice = 1000): ProductInfo => ({ sku, name: sku, unit: "each", currency: "USD", listPrice, leadTimeDays: 0 });
const override = { unitPrice: 500, currency: "USD", reason: "Matched a quote" };

const priced = (sku: string, quantity: number, unitPrice: number): SimulatedLine => ({
  sku,
  quantity,
  unitPrice,
  discount: 0,
  tax: 0,
  lineTotal: unitPrice * quantity,
  explanation: [{ step: "list_price", description: `List price of ${sku}`, unitPrice }],
  approval: null,
});

function answer(request: PricingRequest): PricingAnswer {
  const lines = request.lines.map((l) => priced(l.sku, l.quantity, l.unitPrice ?? 1000));
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  return {
    request,
    result: {
      customer: { code: request.customer, name: "Acme", segment: "wholesale" },
      currency: "USD",
      date: "2026-03-10",
      lines,
      subtotal,
      discountTotal: 0,
      taxTotal: 0,
      total: subtotal,
    },
  };
}

describe("buildPricingRequest", () => {
  it("asks only for lines the catalog knows with a valid quantity, manual prices included", () => {
    const request = buildPricingRequest(
      "C-1",
      "email",
      [
        { lineId: "a", product: product("BLT-1"), quantity: 3 },
        { lineId: "b", product: null, quantity: 2 }, // unknown SKU: already flagged on its line
        { lineId: "c", product: product("NUT-2"), quantity: null }, // quantity being typed
        { lineId: "d", product: product("HYD-3"), quantity: 5, override },
      ],
      "USD",
    );
    expect(request).toEqual({
      customer: "C-1",
      channel: "email",
      lines: [
        { lineId: "a", sku: "BLT-1", quantity: 3 },
        { lineId: "d", sku: "HYD-3", quantity: 5, unitPrice: 500, overrideReason: "Matched a quote" },
      ],
    });
    expect(simulateInput(request!).lines).toEqual([
      { sku: "BLT-1", quantity: 3 },
      { sku: "HYD-3", quantity: 5, unitPrice: 500, overrideReason: "Matched a quote" },
    ]);
  });

  it("is null without a customer or a priceable line; leaves out a manual price in another currency", () => {
    expect(buildPricingRequest(null, "phone", [{ lineId: "a", product: product("A"), quantity: 1 }], "USD")).toBeNull();
    expect(buildPricingRequest("C-1", "phone", [{ lineId: "a", product: null, quantity: 1 }], "USD")).toBeNull();
    const request = buildPricingRequest("C-1", "phone", [{ lineId: "a", product: product("A"), quantity: 1, override }], "EUR");
    expect(request?.lines).toEqual([{ lineId: "a", sku: "A", quantity: 1 }]);
  });

  it("stays within what the procedure takes", () => {
    const many = Array.from({ length: MAX_PRICED_LINES + 3 }, (_, i) => ({ lineId: `l${i}`, product: product("A"), quantity: 1 }));
    expect(buildPricingRequest("C-1", "phone", many, "USD")?.lines).toHaveLength(MAX_PRICED_LINES);
  });
});

describe("mapPricing", () => {
  const request: PricingRequest = {
    customer: "C-1",
    channel: "phone",
    lines: [
      { lineId: "a", sku: "BLT-1", quantity: 3 },
      { lineId: "b", sku: "NUT-2", quantity: 2 },
    ],
  };

  it("maps each priced line to its form line; current when the request is the one on screen", () => {
    const view = mapPricing(answer(request), request)!;
    expect(view.isCurrent).toBe(true);
    expect(view.lines.get("b")).toEqual({ priced: priced("NUT-2", 2, 1000), isCurrent: true });
    expect(view.totals).toEqual({ subtotal: 5000, discountTotal: 0, taxTotal: 0, total: 5000 });
  });

  it("keeps an earlier answer on the lines it still fits, marking changed lines and totals as not current", () => {
    const now: PricingRequest = {
      ...request,
      lines: [{ lineId: "c", sku: "HYD-3", quantity: 1 }, { lineId: "b", sku: "NUT-2", quantity: 7 }, request.lines[0]!],
    };
    const view = mapPricing(answer(request), now)!;
    expect(view.isCurrent).toBe(false);
    expect(view.lines.get("a")?.isCurrent).toBe(true);
    expect(view.lines.get("b")?.isCurrent).toBe(false);
    expect(view.lines.has("c")).toBe(false);
  });

  it("treats a new manual price or channel as a change, and ignores an answer for another customer", () => {
    const withPrice: PricingRequest = { ...request, lines: [{ ...request.lines[0]!, unitPrice: 10, overrideReason: "x" }, request.lines[1]!] };
    expect(mapPricing(answer(request), withPrice)!.lines.get("a")?.isCurrent).toBe(false);
    expect(mapPricing(answer(request), { ...request, channel: "web" })!.isCurrent).toBe(false);
    expect(mapPricing(answer(request), { ...request, customer: "C-2" })).toBeNull();
    expect(mapPricing(undefined, request)).toBeNull();
    expect(mapPricing(answer(request), null)).toBeNull();
  });
});

describe("helpers", () => {
  it("names the engine's steps", () => {
    expect(stepLabel("list_price")).toBe("List price");
    expect(stepLabel("order_discount")).toBe("Order discount");
    expect(stepLabel("something_new")).toBe("Something new");
  });

  it("tells when the ship-to is taxed elsewhere than the address on file", () => {
    expect(taxAddressDiffers({ country: "US", region: "IL" }, { country: "us", region: "il" })).toBe(false);
    expect(taxAddressDiffers({ country: "US", region: "IL" }, { country: "US", region: "TX" })).toBe(true);
    expect(taxAddressDiffers(null, { country: "US", region: "" })).toBe(true);
    expect(taxAddressDiffers(null, { country: "", region: "" })).toBe(false);
  });
});
