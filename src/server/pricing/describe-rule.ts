import { formatMoney } from "~/lib/money";
import type { TDiscountRule } from "./schemas";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const day = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;


/** A discount rule as the sentence an admin would say: "10% off category Fasteners for segment wholesale when quantity ≥ 100, Jan 1 – Mar 31". */
export function describeRule(rule: Pick<TDiscountRule, "scope" | "percentOff" | "amountOff" | "currency" | "buyQuantity" | "getQuantity" | "conditions" | "validFrom" | "validTo" | "stackable">): string {
  const c = rule.conditions;
  const amount = (minor: number) => formatMoney(minor, rule.currency, "en-US");
  const benefit = rule.percentOff
    ? `${rule.percentOff}% off`
    : rule.amountOff
      ? `${amount(rule.amountOff)} off${rule.scope === "order" ? "" : " each"}`
      : `Buy ${rule.buyQuantity} get ${rule.getQuantity} free`;
  const target = c.sku ? ` SKU ${c.sku}` : c.category ? ` category ${c.category}` : rule.scope === "order" ? " the order" : " everything";
  const who = c.customer ? ` for customer ${c.customer}` : c.segment ? ` for segment ${c.segment}` : "";
  const when = [
    c.minQuantity ? `quantity ≥ ${c.minQuantity}` : null,
    c.minOrderAmount ? `order ≥ ${amount(c.minOrderAmount)}` : null,
    c.channel ? `ordered by ${c.channel.replace("_", " ")}` : null,
  ].filter(Boolean);
  const dates = rule.validFrom || rule.validTo ? `, ${rule.validFrom ? day(rule.validFrom) : "until"} – ${rule.validTo ? day(rule.validTo) : "no end"}` : "";
  return `${benefit}${target}${who}${when.length ? ` when ${when.join(" and ")}` : ""}${dates}${rule.stackable ? " (stacks)" : ""}`;
}
