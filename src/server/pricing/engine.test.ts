import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TaxExemption } from "~/lib/tax-exemptions";
import { priceOrder, type DiscountRule, type PriceListRule, type PricingInput, type PricingRules } from "./engine";

const AT = "2026-02-15";
const line = (over: Partial<PricingInput["lines"][number]> = {}) => ({
  sku: "BOLT",
  productId: "p-bolt",
  categoryId: "c-fasteners",
  quantity: 10,
  listPrice: 10_000,
  cost: 4_000,
  taxCategory: "standard",
  ...over,
});
const input = (over: Partial<PricingInput> = {}): PricingInput => ({
  currency: "USD",
  channel: "phone",
  customer: { id: "cust-1", segment: "wholesale", taxExemptions: [] },
  shipTo: { country: "US", region: "NJ" },
  lines: [line()],
  role: "rep",
  ...over,
});
const rule = (over: Partial<DiscountRule>): DiscountRule => ({
  code: "R",
  name: "Rule",
  scope: "line",
  percentOffBps: null,
  amountOff: null,
  currency: "USD",
  buyQuantity: null,
  getQuantity: null,
  conditions: {},
  validFrom: null,
  validTo: null,
  priority: 0,
  stackable: true,
  ...over,
});
const list = (over: Partial<PriceListRule>): PriceListRule => ({
  code: "L",
  name: "List",
  currency: "USD",
  customerId: null,
  segment: null,
  validFrom: null,
  validTo: null,
  priority: 0,
  tierBasis: "line",
  items: [],
  ...over,
});
const rules = (over: Partial<PricingRules> = {}): PricingRules => ({ priceLists: [], discountRules: [], taxRates: [], overrideLimitsBps: { rep: 1000, manager: 2500 }, ...over });

describe("price lists and tiers", () => {
  it("uses the list price without a price list", () => {
    const priced = priceOrder(input(), rules(), AT);
    expect(priced.lines[0]).toMatchObject({ unitPrice: 10_000, discount: 0, lineTotal: 100_000 });
  });

  it("prefers customer-specific over segment over default lists, then priority, and picks the tier", () => {
    const priceLists = [
      list({ code: "DEFAULT", priority: 99, items: [{ productId: "p-bolt", categoryId: null, minQuantity: 1, unitPrice: 9_000 }] }),
      list({ code: "WHOLESALE", segment: "wholesale", items: [{ productId: null, categoryId: "c-fasteners", minQuantity: 1, unitPrice: 8_500 }] }),
      list({
        code: "ACME",
        customerId: "cust-1",
        items: [
          { productId: "p-bolt", categoryId: null, minQuantity: 1, unitPrice: 8_000 },
          { productId: "p-bolt", categoryId: null, minQuantity: 10, unitPrice: 7_500 },
          { productId: "p-bolt", categoryId: null, minQuantity: 100, unitPrice: 7_000 },
        ],
      }),
    ];
    const priced = priceOrder(input(), rules({ priceLists }), AT);
    expect(priced.lines[0]!.unitPrice).toBe(7_500);
    expect(priced.lines[0]!.explanation[1]).toMatchObject({ step: "price_list", description: expect.stringContaining("ACME") });
    const other = priceOrder(input({ customer: { id: "cust-2", segment: "wholesale", taxExemptions: [] } }), rules({ priceLists }), AT);
    expect(other.lines[0]!.unitPrice).toBe(8_500);
  });

  it("can pick the tier by the order-wide quantity of the same category", () => {
    const priceLists = [list({ tierBasis: "category", items: [{ productId: null, categoryId: "c-fasteners", minQuantity: 15, unitPrice: 9_000 }] })];
    const two = input({ lines: [line({ quantity: 10 }), line({ sku: "NUT", productId: "p-nut", quantity: 10 })] });
    expect(priceOrder(two, rules({ priceLists }), AT).lines.map((l) => l.unitPrice)).toEqual([9_000, 9_000]);
    expect(priceOrder(input(), rules({ priceLists }), AT).lines[0]!.unitPrice).toBe(10_000);
  });

  it("ignores lists outside their dates", () => {
    const priceLists = [list({ validFrom: "2026-03-01", items: [{ productId: "p-bolt", categoryId: null, minQuantity: 1, unitPrice: 1 }] })];
    expect(priceOrder(input(), rules({ priceLists }), AT).lines[0]!.unitPrice).toBe(10_000);
  });
});

describe("discount rules", () => {
  it("compounds stackable rules: −20% then −10% of 100.00 is 72.00", () => {
    const discountRules = [rule({ code: "A", percentOffBps: 2000, priority: 2 }), rule({ code: "B", percentOffBps: 1000, priority: 1 })];
    const priced = priceOrder(input({ lines: [line({ quantity: 1 })] }), rules({ discountRules }), AT);
    expect(priced.lines[0]).toMatchObject({ unitPrice: 10_000, discount: 2_800, lineTotal: 7_200 });
  });

  it("applies an amount off only to orders in the rule's currency, and writes amounts in the order's own minor units", () => {
    const discountRules = [rule({ code: "USD5", amountOff: 500, stackable: true, priority: 2 }), rule({ code: "TEN", percentOffBps: 1000, stackable: true, priority: 1 })];
    const yen = priceOrder(input({ currency: "JPY", lines: [line({ quantity: 1, listPrice: 1_200 })] }), rules({ discountRules }), AT);
    // ¥1,200 less 10% only: the $5.00 rule speaks dollars.
    expect(yen.lines[0]).toMatchObject({ unitPrice: 1_200, discount: 120, lineTotal: 1_080 });
    expect(yen.lines[0]!.explanation.map((s) => s.description).join(" | ")).not.toMatch(/USD5|\$5/);
    const dollars = priceOrder(input({ lines: [line({ quantity: 1 })] }), rules({ discountRules }), AT);
    expect(dollars.lines[0]!.lineTotal).toBe(8_550);
    expect(dollars.lines[0]!.explanation.find((s) => s.step === "discount")!.description).toContain("$5.00 off each");
    const manual = priceOrder(input({ currency: "JPY", lines: [{ ...line({ quantity: 1, listPrice: 1_200, cost: 100 }), override: { unitPrice: 50, reason: "test" } }] }), rules(), AT);
    expect(manual.lines[0]!.approval).toBe("Manual price ¥50 is below cost ¥100");
  });

  it("stops at the first exclusive rule that matches", () => {
    const discountRules = [
      rule({ code: "BIG", percentOffBps: 1500, stackable: false, priority: 5 }),
      rule({ code: "LATER", percentOffBps: 5000, priority: 1 }),
    ];
    const priced = priceOrder(input({ lines: [line({ quantity: 1 })] }), rules({ discountRules }), AT);
    expect(priced.lines[0]!.lineTotal).toBe(8_500);
    expect(priced.lines[0]!.explanation.map((s) => s.step)).toContain("skipped");
  });

  it("tries more specific rules first at equal priority", () => {
    const discountRules = [
      rule({ code: "EVERYONE", percentOffBps: 500, stackable: false }),
      rule({ code: "MINE", percentOffBps: 1000, stackable: false, conditions: { customerId: "cust-1" } }),
    ];
    expect(priceOrder(input({ lines: [line({ quantity: 1 })] }), rules({ discountRules }), AT).lines[0]!.lineTotal).toBe(9_000);
  });

  it("breaks a tie of exclusive rules by the lower price and names it", () => {
    const discountRules = [rule({ code: "X", percentOffBps: 1000, stackable: false }), rule({ code: "Y", amountOff: 1_500, stackable: false })];
    const priced = priceOrder(input({ lines: [line({ quantity: 1 })] }), rules({ discountRules }), AT);
    expect(priced.lines[0]!.lineTotal).toBe(8_500);
    expect(priced.lines[0]!.explanation.find((s) => s.step === "discount")!.description).toMatch(/tie with X/);
  });

  it("checks conditions: segment, SKU, category, quantity, order amount, channel", () => {
    const only = (conditions: DiscountRule["conditions"]) =>
      priceOrder(input(), rules({ discountRules: [rule({ percentOffBps: 1000, conditions })] }), AT).lines[0]!.discount;
    expect(only({ segment: "retail" })).toBe(0);
    expect(only({ segment: "wholesale" })).toBe(10_000);
    expect(only({ productId: "p-other" })).toBe(0);
    expect(only({ categoryId: "c-fasteners", minQuantity: 10 })).toBe(10_000);
    expect(only({ minQuantity: 11 })).toBe(0);
    expect(only({ minOrderAmount: 100_001 })).toBe(0);
    expect(only({ channel: "edi" })).toBe(0);
  });

  it("gives buy-X-get-Y units free", () => {
    const priced = priceOrder(input({ lines: [line({ quantity: 7 })] }), rules({ discountRules: [rule({ buyQuantity: 2, getQuantity: 1 })] }), AT);
    expect(priced.lines[0]).toMatchObject({ discount: 20_000, lineTotal: 50_000 });
  });

  it("allocates an order-level discount back to the lines before tax, exactly", () => {
    const two = input({ lines: [line({ quantity: 1 }), line({ sku: "NUT", productId: "p-nut", quantity: 2, listPrice: 3_333 })] });
    const priced = priceOrder(
      two,
      rules({ discountRules: [rule({ scope: "order", amountOff: 1_000, conditions: { minOrderAmount: 10_000 } })], taxRates: [{ country: "US", region: "", taxCategory: "standard", ratePpm: 100000 }] }),
      AT,
    );
    expect(priced.discountTotal).toBe(1_000);
    expect(priced.lines.reduce((s, l) => s + l.lineTotal, 0)).toBe(10_000 + 6_666 - 1_000);
    expect(priced.lines.map((l) => l.tax)).toEqual(priced.lines.map((l) => Math.round(l.lineTotal / 10)));
  });
});

describe("overrides and tax", () => {
  it("accepts a manual price within the role's limit and asks for approval beyond it or below cost", () => {
    const withOverride = (unitPrice: number, role: PricingInput["role"] = "rep") =>
      priceOrder(input({ role, lines: [line({ override: { unitPrice, reason: "match competitor" } })] }), rules(), AT).lines[0]!;
    expect(withOverride(9_000).approval).toBeNull();
    expect(withOverride(8_900).approval).toMatch(/rep limit is 10%/);
    expect(withOverride(8_000, "manager").approval).toBeNull();
    expect(withOverride(3_999, "manager").approval).toMatch(/below cost/);
    expect(withOverride(9_000)).toMatchObject({ unitPrice: 10_000, discount: 10_000, lineTotal: 90_000 });
  });

  it("taxes by ship-to region, then country, per tax category; exempt customers pay none", () => {
    const taxRates = [
      { country: "US", region: "", taxCategory: "standard", ratePpm: 50000 },
      { country: "US", region: "NJ", taxCategory: "standard", ratePpm: 66300 },
    ];
    expect(priceOrder(input(), rules({ taxRates }), AT).lines[0]!.tax).toBe(6_630);
    expect(priceOrder(input({ shipTo: { country: "US", region: "TX" } }), rules({ taxRates }), AT).lines[0]!.tax).toBe(5_000);
    expect(priceOrder(input({ lines: [line({ taxCategory: "zero" })] }), rules({ taxRates }), AT).lines[0]!.tax).toBe(0);
  });

  describe("exemption certificates (AT = 2026-02-15, shipped to NJ at 6.63%)", () => {
    const taxRates = [{ country: "US", region: "NJ", taxCategory: "standard", ratePpm: 66300 }];
    const cert = (over: Partial<TaxExemption> = {}): TaxExemption => ({ certificateNumber: "RX-123", country: "US", region: "NJ", issuedOn: "2025-02-15", expiresOn: "2026-10-31", ...over });
    const priceWith = (...taxExemptions: TaxExemption[]) => priceOrder(input({ customer: { id: "c", segment: "retail", taxExemptions } }), rules({ taxRates }), AT).lines[0]!;
    const taxStep = (l: ReturnType<typeof priceWith>) => l.explanation.filter((s) => s.step === "tax" || s.step === "exemption_expired").map((s) => s.description);

    it("exempts a line under a certificate for the ship-to state, naming it", () => {
      const l = priceWith(cert());
      expect(l.tax).toBe(0);
      expect(taxStep(l)).toEqual(["Tax exempt: certificate RX-123 for NJ, valid until 2026-10-31"]);
    });

    it("still exempts on the day the certificate expires, and from the day it is issued", () => {
      expect(priceWith(cert({ expiresOn: AT })).tax).toBe(0);
      expect(priceWith(cert({ issuedOn: AT })).tax).toBe(0);
    });

    it("taxes the day after it expired, and says why", () => {
      const l = priceWith(cert({ expiresOn: "2026-02-14" }));
      expect(l.tax).toBe(6_630);
      expect(taxStep(l)).toEqual(["Exemption certificate RX-123 expired on 2026-02-14", "Tax 6.63% for standard goods in NJ, US"]);
    });

    it("taxes before the certificate is issued", () => {
      expect(priceWith(cert({ issuedOn: "2026-02-16" })).tax).toBe(6_630);
    });

    it("taxes an order shipped to another state, silently", () => {
      const l = priceWith(cert({ region: "NY" }));
      expect(l.tax).toBe(6_630);
      expect(taxStep(l)).toEqual(["Tax 6.63% for standard goods in NJ, US"]);
    });

    it("a country-wide certificate covers every state of its country, not another country", () => {
      const l = priceWith(cert({ region: "ALL", expiresOn: null, certificateNumber: "GOV-1" }));
      expect(l.tax).toBe(0);
      expect(taxStep(l)).toEqual(["Tax exempt: certificate GOV-1 for all of US, no expiry"]);
      const abroad = priceOrder(
        input({ customer: { id: "c", segment: "retail", taxExemptions: [cert({ region: "ALL" })] }, shipTo: { country: "CA", region: "ON" } }),
        rules({ taxRates: [{ country: "CA", region: "", taxCategory: "standard", ratePpm: 130000 }] }),
        AT,
      ).lines[0]!;
      expect(abroad.tax).toBe(13_000);
    });

    it("a valid certificate wins over an expired one for the same state", () => {
      const l = priceWith(cert({ expiresOn: "2025-12-31", certificateNumber: "OLD-1" }), cert({ certificateNumber: "NEW-2" }));
      expect(l.tax).toBe(0);
      expect(taxStep(l)).toEqual(["Tax exempt: certificate NEW-2 for NJ, valid until 2026-10-31"]);
    });

    it("no ship-to: no certificate applies", () => {
      expect(priceOrder(input({ shipTo: null, customer: { id: "c", segment: "retail", taxExemptions: [cert({ region: "ALL" })] } }), rules({ taxRates }), AT).lines[0]!.explanation.some((s) => s.description.startsWith("Tax exempt"))).toBe(false);
    });
  });

  it("rounds tax half-up per line", () => {
    const priced = priceOrder(input({ lines: [line({ quantity: 1, listPrice: 150 })] }), rules({ taxRates: [{ country: "US", region: "", taxCategory: "standard", ratePpm: 100000 }] }), AT);
    expect(priced.lines[0]!.tax).toBe(15);
    const half = priceOrder(input({ lines: [line({ quantity: 1, listPrice: 5 })] }), rules({ taxRates: [{ country: "US", region: "", taxCategory: "standard", ratePpm: 100000 }] }), AT);
    expect(half.lines[0]!.tax).toBe(1);
  });
});

describe("properties", () => {
  const arbRule = fc.record({
    code: fc.string({ minLength: 1, maxLength: 4 }),
    name: fc.constant("r"),
    scope: fc.constantFrom("line" as const, "order" as const),
    percentOffBps: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
    amountOff: fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: null }),
    currency: fc.constant("USD"),
    buyQuantity: fc.constant(null),
    getQuantity: fc.constant(null),
    conditions: fc.record({ minQuantity: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }) }),
    validFrom: fc.option(fc.constantFrom("2026-01-01", "2026-03-01"), { nil: null }),
    validTo: fc.option(fc.constantFrom("2026-01-31", "2026-12-31"), { nil: null }),
    priority: fc.integer({ min: 0, max: 3 }),
    stackable: fc.boolean(),
  });
  const arbLines = fc.array(
    fc.record({ quantity: fc.integer({ min: 1, max: 500 }), listPrice: fc.integer({ min: 0, max: 1_000_000 }), productId: fc.constantFrom("a", "b", "c") }),
    { minLength: 1, maxLength: 8 },
  );
  const build = (ls: { quantity: number; listPrice: number; productId: string }[]) =>
    input({ lines: ls.map((l, i) => line({ ...l, sku: `S${i}`, cost: 0 })) });
  const taxRates = [{ country: "US", region: "", taxCategory: "standard", ratePpm: 82500 }];

  it("totals equal the sum of the lines, and no price goes negative", () => {
    fc.assert(
      fc.property(arbLines, fc.uniqueArray(arbRule, { maxLength: 6, selector: (r) => r.code }), (ls, discountRules) => {
        const priced = priceOrder(build(ls), rules({ discountRules, taxRates }), AT);
        expect(priced.total).toBe(priced.lines.reduce((s, l) => s + l.lineTotal + l.tax, 0));
        expect(priced.subtotal - priced.discountTotal).toBe(priced.lines.reduce((s, l) => s + l.lineTotal, 0));
        for (const l of priced.lines) {
          expect(l.lineTotal).toBeGreaterThanOrEqual(0);
          expect(l.tax).toBeGreaterThanOrEqual(0);
          expect(l.discount).toBeLessThanOrEqual(l.quantity * l.unitPrice);
        }
      }),
    );
  });

  it("a rule outside its dates never applies", () => {
    fc.assert(
      fc.property(arbLines, arbRule, (ls, r) => {
        const expired = { ...r, validFrom: "2025-01-01", validTo: "2025-12-31" };
        const priced = priceOrder(build(ls), rules({ discountRules: [expired] }), AT);
        expect(priced.discountTotal).toBe(0);
      }),
    );
  });

  // Rule codes are unique in storage, as in the database.
  it("the order of rules in storage does not change the result", () => {
    fc.assert(
      fc.property(arbLines, fc.uniqueArray(arbRule, { maxLength: 6, selector: (r) => r.code }), fc.integer(), (ls, discountRules, seed) => {
        const shuffled = [...discountRules].sort((a, b) => ((a.code.charCodeAt(0) * seed) % 7) - ((b.code.charCodeAt(0) * seed) % 7));
        const a = priceOrder(build(ls), rules({ discountRules }), AT);
        const b = priceOrder(build(ls), rules({ discountRules: shuffled.reverse() }), AT);
        expect(b.lines.map((l) => l.lineTotal)).toEqual(a.lines.map((l) => l.lineTotal));
      }),
    );
  });
});
