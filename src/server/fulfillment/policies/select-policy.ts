/**
 * Which policy an order follows: the admin's rules in priority order, first match wins, else the default.
 * A rule matches when every condition it sets holds (an unset condition matches anything). Pure.
 */
export type PolicyRule = {
  policyCode: string;
  channels?: string[];
  segments?: string[];
  /** Matches when any line's product is in one of these categories. */
  categories?: string[];
  /** Order total in minor units, inclusive bounds. */
  minTotal?: number | null;
  maxTotal?: number | null;
};

export type OrderFacts = { channel: string; segment: string; categories: string[]; total: number };

export function matchesRule(rule: PolicyRule, order: OrderFacts): boolean {
  if (rule.channels?.length && !rule.channels.includes(order.channel)) return false;
  if (rule.segments?.length && !rule.segments.includes(order.segment)) return false;
  if (rule.categories?.length && !order.categories.some((c) => rule.categories!.includes(c))) return false;
  if (rule.minTotal != null && order.total < rule.minTotal) return false;
  if (rule.maxTotal != null && order.total > rule.maxTotal) return false;
  return true;
}

/** The policy code for an order, and the index of the rule that chose it (null: the default). */
export function selectPolicy(rules: PolicyRule[], order: OrderFacts, defaultCode: string): { policyCode: string; rule: number | null } {
  const index = rules.findIndex((rule) => matchesRule(rule, order));
  return index >= 0 ? { policyCode: rules[index]!.policyCode, rule: index } : { policyCode: defaultCode, rule: null };
}
