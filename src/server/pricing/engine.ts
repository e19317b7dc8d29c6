import { formatMoney, minorUnits, roundHalfUp } from "~/lib/money";
import { exemptionFor, regionLabel, type TaxExemption } from "~/lib/tax-exemptions";
import type { Role } from "../auth/roles";

/**
 * The pricing engine: pure and deterministic. `priceOrder(input, rules, at)` gives each line its unit
 * price, discount, tax and total, and the ordered steps that produced them (the explanation).
 * Money is integer minor units; discounts are computed exactly and rounded half-up once per line.
 */

export type TierBasis = "line" | "sku" | "category";

export type PriceListRule = {
  code: string;
  name: string;
  currency: string;
  customerId: string | null;
  segment: string | null;
  validFrom: string | null;
  validTo: string | null;
  priority: number;
  /** Which quantity picks the tier: the line's, or the order-wide quantity of the same SKU or category. */
  tierBasis: TierBasis;
  items: { productId: string | null; categoryId: string | null; minQuantity: number; unitPrice: number }[];
};

export type DiscountConditions = {
  customerId?: string | null;
  segment?: string | null;
  productId?: string | null;
  categoryId?: string | null;
  minQuantity?: number | null;
  minOrderAmount?: number | null;
  channel?: string | null;
};

export type DiscountRule = {
  code: string;
  name: string;
  /** line: off each matching line's unit price; order: off the whole order, allocated back to lines before tax. */
  scope: "line" | "order";
  /** Basis points: 1000 = 10%. */
  percentOffBps: number | null;
  /** Minor units off per unit (line scope) or off the order (order scope), in `currency`. */
  amountOff: number | null;
  /** The currency of amountOff and conditions.minOrderAmount: a rule with amounts prices only orders in it. */
  currency: string;
  /** Buy X get Y free (line scope, same SKU). */
  buyQuantity: number | null;
  getQuantity: number | null;
  conditions: DiscountConditions;
  validFrom: string | null;
  validTo: string | null;
  priority: number;
  stackable: boolean;
};

/** A tax rate in parts per million (6.625% = 66250). */
export type TaxRate = { country: string; region: string; taxCategory: string; ratePpm: number };

export type PricingRules = {
  priceLists: PriceListRule[];
  discountRules: DiscountRule[];
  taxRates: TaxRate[];
  /** How far below the computed price each role may go, in basis points (1000 = 10%). */
  overrideLimitsBps: Partial<Record<Role, number>>;
};

export type PricingLine = {
  sku: string;
  productId: string;
  categoryId: string;
  quantity: number;
  listPrice: number;
  cost: number;
  taxCategory: string;
  override?: { unitPrice: number; reason: string };
};

export type PricingInput = {
  currency: string;
  channel: string;
  /** The customer's exemption certificates: a line is tax-free only under one valid for the ship-to on the pricing date. */
  customer: { id: string; segment: string; taxExemptions: readonly TaxExemption[] };
  shipTo: { country: string; region: string } | null;
  lines: PricingLine[];
  /** Who prices the order: decides how far a manual price may go without approval. */
  role: Role;
};

export type ExplanationStep = { step: string; description: string; unitPrice?: number; amount?: number; /** Tax steps: the rate applied, so documents can sum tax per rate. */ ratePpm?: number };

export type PricedLine = {
  sku: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  tax: number;
  lineTotal: number;
  explanation: ExplanationStep[];
  /** Set when a manual price needs a manager's approval (beyond the role's limit, or below cost). */
  approval: string | null;
};

export type PricedOrder = { lines: PricedLine[]; subtotal: number; discountTotal: number; taxTotal: number; total: number };

const isValidAt = (rule: { validFrom: string | null; validTo: string | null }, at: string) =>
  (!rule.validFrom || rule.validFrom <= at) && (!rule.validTo || at <= rule.validTo);

/** Specificity of a rule: customer > SKU > category > segment > everyone. */
export function specificity(c: DiscountConditions): number {
  if (c.customerId) return 5;
  if (c.productId) return 4;
  if (c.categoryId) return 3;
  if (c.segment) return 2;
  return 1;
}

/** Rules are tried by priority (higher first), then specificity, then code: storage order never matters. */
export function ruleOrder(a: DiscountRule, b: DiscountRule): number {
  return b.priority - a.priority || specificity(b.conditions) - specificity(a.conditions) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Amounts in explanations are stored on orders: one fixed locale, the currency's own minor units. */
const money = (amount: number, currency: string) => formatMoney(amount, currency, "en-US");

const minorUnitName = (currency: string) => (minorUnits(currency) === 0 ? `whole ${currency}` : currency === "USD" ? "the cent" : `the ${currency} minor unit`);

/** An amount off or a minimum order amount means money in the rule's currency; a percentage fits any. */
const speaksCurrency = (rule: DiscountRule, currency: string) =>
  (rule.amountOff === null && !rule.conditions.minOrderAmount) || rule.currency === currency;
const pct = (bps: number) => `${bps % 100 === 0 ? bps / 100 : (bps / 100).toFixed(2)}%`;

/** Step 2: the best price list for the customer, and the tier for the quantity. */
function priceListFor(input: PricingInput, rules: PricingRules, at: string) {
  const rank = (l: PriceListRule) => (l.customerId ? 3 : l.segment ? 2 : 1);
  return rules.priceLists
    .filter(
      (l) =>
        l.currency === input.currency &&
        isValidAt(l, at) &&
        (!l.customerId || l.customerId === input.customer.id) &&
        (!l.segment || l.segment === input.customer.segment),
    )
    .sort((a, b) => rank(b) - rank(a) || b.priority - a.priority || (a.code < b.code ? -1 : 1));
}

function tierQuantity(line: PricingLine, basis: TierBasis, all: PricingLine[]): number {
  if (basis === "sku") return all.filter((l) => l.productId === line.productId).reduce((s, l) => s + l.quantity, 0);
  if (basis === "category") return all.filter((l) => l.categoryId === line.categoryId).reduce((s, l) => s + l.quantity, 0);
  return line.quantity;
}

function matches(c: DiscountConditions, line: PricingLine | null, input: PricingInput, orderAmount: number): boolean {
  if (c.customerId && c.customerId !== input.customer.id) return false;
  if (c.segment && c.segment !== input.customer.segment) return false;
  if (c.channel && c.channel !== input.channel) return false;
  if (c.minOrderAmount && orderAmount < c.minOrderAmount) return false;
  if (line) {
    if (c.productId && c.productId !== line.productId) return false;
    if (c.categoryId && c.categoryId !== line.categoryId) return false;
    if (c.minQuantity && line.quantity < c.minQuantity) return false;
  }
  return true;
}

/** The unit price after one rule (exact, not rounded), never below zero. */
function applyRule(rule: DiscountRule, unit: number, quantity: number): number {
  let next = unit;
  if (rule.percentOffBps) next = unit * (1 - rule.percentOffBps / 10_000);
  else if (rule.amountOff) next = unit - rule.amountOff;
  else if (rule.buyQuantity && rule.getQuantity) {
    const free = Math.floor(quantity / (rule.buyQuantity + rule.getQuantity)) * rule.getQuantity;
    next = unit - (free * unit) / quantity;
  }
  return Math.max(0, next);
}

function describeRule(rule: DiscountRule, currency: string): string {
  const what = rule.percentOffBps
    ? `${pct(rule.percentOffBps)} off`
    : rule.amountOff
      ? `${money(rule.amountOff, currency)} off${rule.scope === "order" ? " the order" : " each"}`
      : `buy ${rule.buyQuantity} get ${rule.getQuantity} free`;
  return `${rule.name} (${rule.code}): ${what}`;
}

export function priceOrder(input: PricingInput, rules: PricingRules, at: string): PricedOrder {
  const lists = priceListFor(input, rules, at);
  const sortedRules = rules.discountRules.filter((r) => isValidAt(r, at) && speaksCurrency(r, input.currency)).sort(ruleOrder);

  // Steps 1–2: base price from the list price, then the best matching price list's tier.
  const bases = input.lines.map((line) => {
    const explanation: ExplanationStep[] = [{ step: "list_price", description: `List price of ${line.sku}`, unitPrice: line.listPrice }];
    let unitPrice = line.listPrice;
    for (const list of lists) {
      const qty = tierQuantity(line, list.tierBasis, input.lines);
      const tier = list.items
        .filter((i) => (i.productId ? i.productId === line.productId : i.categoryId === line.categoryId) && i.minQuantity <= qty)
        // SKU items beat category items; then the highest tier reached.
        .sort((a, b) => Number(!!b.productId) - Number(!!a.productId) || b.minQuantity - a.minQuantity)[0];
      if (tier) {
        unitPrice = tier.unitPrice;
        const basis = list.tierBasis === "line" ? "" : ` (order-wide quantity of the same ${list.tierBasis === "sku" ? "SKU" : "category"}: ${qty})`;
        explanation.push({
          step: "price_list",
          description: `Price list ${list.name} (${list.code}), ${tier.productId ? "SKU" : "category"} tier from ${tier.minQuantity}${basis}`,
          unitPrice,
        });
        break;
      }
    }
    return { line, unitPrice, explanation };
  });
  const orderAmount = bases.reduce((s, b) => s + b.unitPrice * b.line.quantity, 0);

  // Step 3: line discount rules, in rule order; stackables compound, the first exclusive match ends it.
  const nets = bases.map(({ line, unitPrice, explanation }) => {
    let net = unitPrice;
    const candidates = sortedRules.filter((r) => r.scope === "line" && matches(r.conditions, line, input, orderAmount));
    for (let i = 0; i < candidates.length; i++) {
      const rule = candidates[i]!;
      if (!rule.stackable) {
        // Two exclusive rules of the same priority and specificity: a configuration conflict, broken by the lower price.
        const tied = candidates.filter(
          (r) => !r.stackable && r.priority === rule.priority && specificity(r.conditions) === specificity(rule.conditions),
        );
        const winner = tied.reduce((best, r) => (applyRule(r, net, line.quantity) < applyRule(best, net, line.quantity) ? r : best));
        const before = net;
        net = applyRule(winner, net, line.quantity);
        explanation.push({
          step: "discount",
          description:
            `${describeRule(winner, input.currency)}, exclusive: no further rules` +
            (tied.length > 1 ? ` (tie with ${tied.filter((r) => r !== winner).map((r) => r.code).join(", ")}: the lower price wins)` : ""),
          amount: roundHalfUp((before - net) * line.quantity),
        });
        for (const skipped of candidates.slice(i + 1).filter((r) => !tied.includes(r))) {
          explanation.push({ step: "skipped", description: `${describeRule(skipped, input.currency)} not applied: ${winner.code} is exclusive` });
        }
        break;
      }
      const before = net;
      net = applyRule(rule, net, line.quantity);
      explanation.push({ step: "discount", description: `${describeRule(rule, input.currency)}, stackable`, amount: roundHalfUp((before - net) * line.quantity) });
    }
    return net * line.quantity;
  });

  // Order-level rules: taken off the order and allocated back to lines in proportion, before tax.
  const orderRules = sortedRules.filter((r) => r.scope === "order" && matches(r.conditions, null, input, orderAmount));
  for (const rule of orderRules) {
    const net = nets.reduce((s, n) => s + n, 0);
    if (net <= 0) break;
    const off = Math.min(net, rule.percentOffBps ? (net * rule.percentOffBps) / 10_000 : (rule.amountOff ?? 0));
    nets.forEach((n, i) => {
      const share = (off * n) / net;
      nets[i] = n - share;
      bases[i]!.explanation.push({ step: "order_discount", description: `${describeRule(rule, input.currency)}: this line's share`, amount: roundHalfUp(share) });
    });
    if (!rule.stackable) break;
  }

  const exemption = exemptionFor(input.customer.taxExemptions, input.shipTo, at);
  // Steps 4–5: manual override, then tax on the line total; everything rounded half-up per line.
  const lines = bases.map(({ line, unitPrice, explanation }, i): PricedLine => {
    let lineTotal = roundHalfUp(nets[i]!);
    let discount = line.quantity * unitPrice - lineTotal;
    let approval: string | null = null;
    let finalUnit = unitPrice;
    if (line.override) {
      const computedUnit = nets[i]! / line.quantity;
      const limit = rules.overrideLimitsBps[input.role] ?? 0;
      const belowBps = computedUnit > 0 ? ((computedUnit - line.override.unitPrice) / computedUnit) * 10_000 : 0;
      if (line.override.unitPrice >= unitPrice) {
        finalUnit = line.override.unitPrice;
        lineTotal = line.quantity * finalUnit;
        discount = 0;
      } else {
        lineTotal = line.quantity * line.override.unitPrice;
        discount = line.quantity * unitPrice - lineTotal;
      }
      if (line.override.unitPrice < line.cost) approval = `Manual price ${money(line.override.unitPrice, input.currency)} is below cost ${money(line.cost, input.currency)}`;
      else if (belowBps > limit) approval = `Manual price is ${pct(Math.round(belowBps))} below the computed price; the ${input.role} limit is ${pct(limit)}`;
      explanation.push({
        step: "override",
        description: `Manual price ${money(line.override.unitPrice, input.currency)}: ${line.override.reason}${approval ? ` — needs approval (${approval})` : ""}`,
        unitPrice: line.override.unitPrice,
      });
    }
    const tax = taxFor(input, rules, line, lineTotal, explanation, exemption);
    explanation.push({ step: "rounding", description: `Amounts rounded half-up to ${minorUnitName(input.currency)}, once per line`, amount: lineTotal });
    return { sku: line.sku, quantity: line.quantity, unitPrice: finalUnit, discount, tax, lineTotal, explanation, approval };
  });

  const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  const discountTotal = lines.reduce((s, l) => s + l.discount, 0);
  const taxTotal = lines.reduce((s, l) => s + l.tax, 0);
  return { lines, subtotal, discountTotal, taxTotal, total: subtotal - discountTotal + taxTotal };
}

function taxFor(
  input: PricingInput,
  rules: PricingRules,
  line: PricingLine,
  lineTotal: number,
  explanation: ExplanationStep[],
  exemption: ReturnType<typeof exemptionFor>,
): number {
  if (exemption.valid) {
    const e = exemption.valid;
    explanation.push({
      step: "tax",
      description: `Tax exempt: certificate ${e.certificateNumber} for ${regionLabel(e)}, ${e.expiresOn ? `valid until ${e.expiresOn}` : "no expiry"}`,
      amount: 0,
    });
    return 0;
  }
  if (exemption.expired) explanation.push({ step: "exemption_expired", description: `Exemption certificate ${exemption.expired.certificateNumber} expired on ${exemption.expired.expiresOn}` });
  const country = input.shipTo?.country ?? "";
  const region = input.shipTo?.region ?? "";
  const rate =
    rules.taxRates.find((r) => r.country === country && r.region === region && r.taxCategory === line.taxCategory) ??
    rules.taxRates.find((r) => r.country === country && r.region === "" && r.taxCategory === line.taxCategory);
  if (!rate) {
    explanation.push({ step: "tax", description: `No tax rate for ${line.taxCategory} goods shipped to ${region ? `${region}, ` : ""}${country || "—"}`, amount: 0 });
    return 0;
  }
  const tax = roundHalfUp((lineTotal * rate.ratePpm) / 1_000_000);
  explanation.push({
    step: "tax",
    description: `Tax ${rate.ratePpm / 10_000}% for ${line.taxCategory} goods in ${rate.region ? `${rate.region}, ` : ""}${rate.country}`,
    amount: tax,
    ratePpm: rate.ratePpm,
  });
  return tax;
}
