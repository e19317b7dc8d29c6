/**
 * Pricing benchmark (issue 4): a 100-line order against 1,000 active rules (price lists with tiers,
 * discount rules of every kind, tax rates). Goal: under 20 ms per order. Prints JSON.
 *   npx tsx bench/pricing.ts [--runs 200]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { priceOrder, type DiscountRule, type PriceListRule, type PricingInput, type PricingRules } from "~/server/pricing/engine";

const { values } = parseArgs({ options: { runs: { type: "string", default: "200" } } });
const runs = Number(values.runs);

// A deterministic generator: the same rules every run.
let state = 20261121;
const rand = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

const products = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, categoryId: `c${i % 40}` }));
const segments = ["wholesale", "retail", "contractor", "industrial"] as const;

const priceLists: PriceListRule[] = Array.from({ length: 200 }, (_, i) => ({
  code: `PL${i}`,
  name: `List ${i}`,
  currency: "USD",
  customerId: i % 4 === 0 ? `cust${i % 50}` : null,
  segment: i % 4 === 1 ? pick(segments) : null,
  validFrom: i % 5 === 0 ? "2026-01-01" : null,
  validTo: null,
  priority: i % 10,
  tierBasis: pick(["line", "sku", "category"] as const),
  items: Array.from({ length: 10 }, () => {
    const p = pick(products);
    return { productId: rand() < 0.7 ? p.id : null, categoryId: rand() < 0.7 ? null : p.categoryId, minQuantity: pick([1, 10, 50, 100]), unitPrice: 1000 + Math.floor(rand() * 9000) };
  }).map((item) => (item.productId === null && item.categoryId === null ? { ...item, productId: "p0" } : item.productId && item.categoryId ? { ...item, categoryId: null } : item)),
}));

const discountRules: DiscountRule[] = Array.from({ length: 761 }, (_, i) => {
  const kind = i % 10;
  const p = pick(products);
  return {
    code: `R${i}`,
    name: `Rule ${i}`,
    scope: kind === 9 ? "order" : "line",
    percentOffBps: kind < 5 ? 100 + Math.floor(rand() * 2000) : null,
    amountOff: kind >= 5 && kind < 8 ? 10 + Math.floor(rand() * 500) : kind === 9 ? 1000 : null,
    currency: "USD",
    buyQuantity: kind === 8 ? 5 : null,
    getQuantity: kind === 8 ? 1 : null,
    conditions: {
      customerId: i % 17 === 0 ? `cust${i % 50}` : null,
      segment: i % 3 === 0 ? pick(segments) : null,
      productId: i % 2 === 0 ? p.id : null,
      categoryId: i % 2 === 1 ? p.categoryId : null,
      minQuantity: i % 4 === 0 ? 10 : null,
      minOrderAmount: kind === 9 ? 50_000 : null,
      channel: i % 11 === 0 ? "edi" : null,
    },
    validFrom: i % 7 === 0 ? "2026-01-01" : null,
    validTo: i % 13 === 0 ? "2026-12-31" : null,
    priority: i % 5,
    stackable: i % 3 !== 0,
  };
});
const taxRates = ["standard", "reduced", "zero"].flatMap((taxCategory) =>
  ["", "NJ", "TX", "NV", "CA", "NY", "OH", "FL", "IL", "PA", "GA", "WA", "AZ"].map((region) => ({ country: "US", region, taxCategory, ratePpm: 40_000 + Math.floor(rand() * 60_000) })),
);
const rules: PricingRules = { priceLists, discountRules, taxRates, overrideLimitsBps: { rep: 1000, manager: 2500 } };
const ruleCount = priceLists.length + discountRules.length + taxRates.length;

const input: PricingInput = {
  currency: "USD",
  channel: "phone",
  customer: { id: "cust0", segment: "wholesale", taxExemptions: [] },
  shipTo: { country: "US", region: "NJ" },
  role: "rep",
  lines: Array.from({ length: 100 }, (_, i) => {
    const p = products[(i * 7) % products.length]!;
    return { sku: `SKU${i}`, productId: p.id, categoryId: p.categoryId, quantity: 1 + Math.floor(rand() * 200), listPrice: 5000, cost: 2000, taxCategory: "standard" };
  }),
};

for (let i = 0; i < 20; i++) priceOrder(input, rules, "2026-11-21"); // warm-up
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  priceOrder(input, rules, "2026-11-21");
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 100) / 100;
console.log(
  JSON.stringify(
    {
      benchmark: "priceOrder: 100 lines × 1,000 rules",
      machine: { cores: os.cpus().length, node: process.version },
      rules: ruleCount,
      lines: input.lines.length,
      runs,
      medianMs: at(0.5),
      p95Ms: at(0.95),
      maxMs: at(1),
      goalMs: 20,
      underGoal: at(0.95) < 20,
    },
    null,
    2,
  ),
);
