/**
 * The discount rule form, which reads like a sentence, as plain text state; its conversion to the API
 * input and its live preview (the same sentence the server stores as the rule's `summary`). Pure.
 */
import { parseMoney, toDecimalString } from "~/lib/money";
import type { Channel } from "~/server/orders/constants";
import { describeRule } from "~/server/pricing/describe-rule";

export type Benefit = "percent" | "amount" | "orderPercent" | "orderAmount" | "bxgy";
export type Target = "everything" | "sku" | "category";
export type Who = "everyone" | "segment" | "customer";

export const BENEFIT_LABELS: Record<Benefit, string> = {
  percent: "% off",
  amount: "$ off each",
  orderPercent: "% off the order",
  orderAmount: "$ off the order",
  bxgy: "buy X get Y free",
};

export type RuleDraft = {
  code: string;
  name: string;
  benefit: Benefit;
  value: string;
  buy: string;
  get: string;
  target: Target;
  sku: string;
  category: string;
  who: Who;
  segment: string;
  customer: { code: string; name: string } | null;
  minQuantity: string;
  minOrderAmount: string;
  channel: Channel | "";
  validFrom: string;
  validTo: string;
  priority: string;
  stackable: boolean;
  /** The currency of the amount off and the minimum order amount. */
  currency: string;
};

export type RuleInput = {
  code: string;
  name: string;
  scope: "line" | "order";
  percentOff?: number;
  amountOff?: number;
  currency: string;
  buyQuantity?: number;
  getQuantity?: number;
  conditions: {
    segment: string | null;
    customer: string | null;
    sku: string | null;
    category: string | null;
    minQuantity: number | null;
    minOrderAmount: number | null;
    channel: Channel | null;
  };
  validFrom: string | null;
  validTo: string | null;
  priority: number;
  stackable: boolean;
};

export type RuleLike = {
  code: string;
  name: string;
  scope: "line" | "order";
  percentOff: number | null;
  amountOff: number | null;
  currency: string;
  buyQuantity: number | null;
  getQuantity: number | null;
  conditions: RuleInput["conditions"];
  validFrom: string | null;
  validTo: string | null;
  priority: number;
  stackable: boolean;
};

export function emptyRuleDraft(): RuleDraft {
  return {
    code: "",
    name: "",
    benefit: "percent",
    value: "",
    buy: "",
    get: "",
    target: "category",
    sku: "",
    category: "",
    who: "everyone",
    segment: "wholesale",
    customer: null,
    minQuantity: "",
    minOrderAmount: "",
    channel: "",
    validFrom: "",
    validTo: "",
    priority: "0",
    stackable: false,
    currency: "USD",
  };
}

export function draftFromRule(rule: RuleLike): RuleDraft {
  const c = rule.conditions;
  const order = rule.scope === "order";
  const benefit: Benefit = rule.buyQuantity ? "bxgy" : rule.percentOff !== null ? (order ? "orderPercent" : "percent") : order ? "orderAmount" : "amount";
  return {
    code: rule.code,
    name: rule.name,
    benefit,
    value: rule.percentOff !== null ? String(rule.percentOff) : rule.amountOff !== null ? toDecimalString(rule.amountOff, rule.currency) : "",
    buy: rule.buyQuantity ? String(rule.buyQuantity) : "",
    get: rule.getQuantity ? String(rule.getQuantity) : "",
    target: c.sku ? "sku" : c.category ? "category" : "everything",
    sku: c.sku ?? "",
    category: c.category ?? "",
    who: c.customer ? "customer" : c.segment ? "segment" : "everyone",
    segment: c.segment ?? "wholesale",
    customer: c.customer ? { code: c.customer, name: c.customer } : null,
    minQuantity: c.minQuantity ? String(c.minQuantity) : "",
    minOrderAmount: c.minOrderAmount ? toDecimalString(c.minOrderAmount, rule.currency) : "",
    channel: c.channel ?? "",
    validFrom: rule.validFrom ?? "",
    validTo: rule.validTo ?? "",
    priority: String(rule.priority),
    stackable: rule.stackable,
    currency: rule.currency,
  };
}

export const isOrderLevel = (benefit: Benefit) => benefit === "orderPercent" || benefit === "orderAmount";

function positiveInt(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(n) && n > 0 ? n : null;
}

/** A positive amount typed in the rule's currency, in minor units; null when it is not one. */
function minorAmount(text: string, currency: string): number | null {
  try {
    const n = parseMoney(text.trim().replace(/^[$€£¥]/, ""), currency);
    return n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** Draft → API input, or the errors that stop it, keyed like the server's ("percentOff", "conditions.category"). */
export function draftToRuleInput(draft: RuleDraft): { input: RuleInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const order = isOrderLevel(draft.benefit);
  const benefit: Pick<RuleInput, "percentOff" | "amountOff" | "buyQuantity" | "getQuantity"> = {};
  if (draft.benefit === "percent" || draft.benefit === "orderPercent") {
    const pct = Number(draft.value.trim().replace(/%$/, ""));
    if (draft.value.trim() === "" || !Number.isFinite(pct) || pct <= 0 || pct > 100) errors.percentOff = "A percent more than 0 and at most 100";
    else if (Math.round(pct * 100) !== pct * 100) errors.percentOff = "At most two decimals";
    else benefit.percentOff = pct;
  } else if (draft.benefit === "amount" || draft.benefit === "orderAmount") {
    const amount = minorAmount(draft.value, draft.currency);
    if (amount === null) errors.amountOff = "An amount more than 0, like 5.00";
    else benefit.amountOff = amount;
  } else {
    const buy = positiveInt(draft.buy);
    const get = positiveInt(draft.get);
    if (buy === null) errors.buyQuantity = "A whole number, 1 or more";
    else benefit.buyQuantity = buy;
    if (get === null) errors.getQuantity = "A whole number, 1 or more";
    else benefit.getQuantity = get;
  }
  const target = order ? "everything" : draft.target;
  if (target === "sku" && !draft.sku.trim()) errors["conditions.sku"] = "Choose a SKU";
  if (target === "category" && !draft.category.trim()) errors["conditions.category"] = "Choose a category";
  if (draft.who === "customer" && !draft.customer) errors["conditions.customer"] = "Choose a customer";
  let minQuantity: number | null = null;
  if (!order && draft.minQuantity.trim()) {
    minQuantity = positiveInt(draft.minQuantity);
    if (minQuantity === null) errors["conditions.minQuantity"] = "A whole number, 1 or more";
  }
  let minOrderAmount: number | null = null;
  if (draft.minOrderAmount.trim()) {
    minOrderAmount = minorAmount(draft.minOrderAmount, draft.currency);
    if (minOrderAmount === null) errors["conditions.minOrderAmount"] = "An amount like 500.00";
  }
  const priority = draft.priority.trim() === "" ? 0 : Number(draft.priority);
  if (!Number.isInteger(priority) || priority < -1000 || priority > 1000) errors.priority = "A whole number from -1000 to 1000";
  if (draft.validFrom && draft.validTo && draft.validTo < draft.validFrom) errors.validTo = "Must be on or after the start date";
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      code: draft.code.trim(),
      name: draft.name.trim(),
      scope: order ? "order" : "line",
      ...benefit,
      currency: draft.currency,
      conditions: {
        segment: draft.who === "segment" ? draft.segment : null,
        customer: draft.who === "customer" ? (draft.customer?.code ?? null) : null,
        sku: target === "sku" ? draft.sku.trim() : null,
        category: target === "category" ? draft.category.trim() : null,
        minQuantity,
        minOrderAmount,
        channel: draft.channel || null,
      },
      validFrom: draft.validFrom || null,
      validTo: draft.validTo || null,
      priority,
      stackable: draft.stackable,
    },
    errors,
  };
}

/** The rule as the server will describe it; unfinished parts show as "…". */
export function previewSentence(draft: RuleDraft): string {
  const order = isOrderLevel(draft.benefit);
  const pct = Number(draft.value.trim().replace(/%$/, ""));
  const amount = minorAmount(draft.value, draft.currency);
  const buy = positiveInt(draft.buy);
  const get = positiveInt(draft.get);
  const target = order ? "everything" : draft.target;
  const rule = {
    scope: order ? ("order" as const) : ("line" as const),
    // A stand-in benefit when the value is unfinished; its words are replaced below.
    percentOff: draft.benefit === "percent" || draft.benefit === "orderPercent" ? (pct > 0 && pct <= 100 ? pct : 1) : null,
    amountOff: draft.benefit === "amount" || draft.benefit === "orderAmount" ? (amount ?? 1) : null,
    buyQuantity: draft.benefit === "bxgy" ? (buy ?? 1) : null,
    getQuantity: draft.benefit === "bxgy" ? (get ?? 1) : null,
    conditions: {
      segment: draft.who === "segment" ? draft.segment : null,
      customer: draft.who === "customer" ? (draft.customer?.code ?? "…") : null,
      sku: target === "sku" ? draft.sku.trim() || "…" : null,
      category: target === "category" ? draft.category.trim() || "…" : null,
      minQuantity: order ? null : positiveInt(draft.minQuantity),
      minOrderAmount: minorAmount(draft.minOrderAmount, draft.currency),
      channel: draft.channel || null,
    },
    validFrom: /^\d{4}-\d{2}-\d{2}$/.test(draft.validFrom) ? draft.validFrom : null,
    validTo: /^\d{4}-\d{2}-\d{2}$/.test(draft.validTo) ? draft.validTo : null,
    stackable: draft.stackable,
    currency: draft.currency,
  };
  const sentence = describeRule(rule);
  const unfinished =
    ((draft.benefit === "percent" || draft.benefit === "orderPercent") && !(pct > 0 && pct <= 100)) ||
    ((draft.benefit === "amount" || draft.benefit === "orderAmount") && amount === null) ||
    (draft.benefit === "bxgy" && (buy === null || get === null));
  if (!unfinished) return sentence;
  const stand = describeRule({ ...rule, conditions: { segment: null, customer: null, sku: null, category: null, minQuantity: null, minOrderAmount: null, channel: null }, validFrom: null, validTo: null, stackable: false });
  const benefitWords = stand.replace(/ (everything|the order)$/, "");
  const placeholder =
    draft.benefit === "bxgy"
      ? `Buy ${buy ?? "…"} get ${get ?? "…"} free`
      : draft.benefit === "percent" || draft.benefit === "orderPercent"
        ? "…% off"
        : `$… off${order ? "" : " each"}`;
  return placeholder + sentence.slice(benefitWords.length);
}
