import { roundHalfUp } from "~/lib/money";

/**
 * Billing's arithmetic, pure. An order line's discount and tax are split over its units cumulatively:
 * the first c units carry round(D·c/q) of the discount and round(T·c/q) of the tax (half-up, per line).
 * A part is the difference of two cumulative shares, so however a line is invoiced (or returned) in
 * parts, the parts add up to the line to the cent — never a cent more or less.
 */
export type PricedUnits = { quantity: number; unitPrice: number; discount: number; tax: number };
export type LineShare = { quantity: number; unitPrice: number; discount: number; lineTotal: number; tax: number };

const cumulative = (amount: number, units: number, quantity: number) => (units >= quantity ? amount : roundHalfUp((amount * units) / quantity));

/** Units `from`..`to` (exclusive..inclusive, counted from the line's first unit) of an order line. */
export function lineShare(line: PricedUnits, from: number, to: number): LineShare {
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from < to && to <= line.quantity)) {
    throw new RangeError(`units ${from}..${to} are outside the line's ${line.quantity}`);
  }
  const quantity = to - from;
  const discount = cumulative(line.discount, to, line.quantity) - cumulative(line.discount, from, line.quantity);
  const tax = cumulative(line.tax, to, line.quantity) - cumulative(line.tax, from, line.quantity);
  return { quantity, unitPrice: line.unitPrice, discount, lineTotal: quantity * line.unitPrice - discount, tax };
}

/**
 * The tax rate of a line: the pricing engine's own rate when its explanation has it, otherwise the
 * nearest whole basis point of tax ÷ net (lines priced before the rate was recorded).
 */
export function taxRateOf(explanation: unknown[], tax: number, lineTotal: number): number {
  const step = explanation.find((s): s is { step: string; ratePpm: number } => {
    const candidate = s as { step?: unknown; ratePpm?: unknown };
    return candidate?.step === "tax" && typeof candidate.ratePpm === "number";
  });
  if (step) return step.ratePpm;
  if (tax === 0 || lineTotal <= 0) return 0;
  return Math.round((tax / lineTotal) * 10_000) * 100;
}

export type DocumentTotals = { subtotal: number; discountTotal: number; taxTotal: number; shippingTotal: number; total: number };

/** An invoice's totals from its lines: subtotal before discounts, as orders have them (docs/api.md#totals). */
export function documentTotals(lines: Pick<LineShare, "quantity" | "unitPrice" | "discount" | "tax">[], shipping = 0): DocumentTotals {
  const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  const discountTotal = lines.reduce((s, l) => s + l.discount, 0);
  const taxTotal = lines.reduce((s, l) => s + l.tax, 0);
  return { subtotal, discountTotal, taxTotal, shippingTotal: shipping, total: subtotal - discountTotal + taxTotal + shipping };
}

/** Tax grouped by rate, for the document's summary ("Tax 8.25% on $1,200.00: $99.00"). */
export function taxByRate(lines: { taxRatePpm: number; lineTotal: number; tax: number }[]) {
  const byRate = new Map<number, { ratePpm: number; taxable: number; tax: number }>();
  for (const line of lines) {
    const entry = byRate.get(line.taxRatePpm) ?? { ratePpm: line.taxRatePpm, taxable: 0, tax: 0 };
    entry.taxable += line.lineTotal;
    entry.tax += line.tax;
    byRate.set(line.taxRatePpm, entry);
  }
  return [...byRate.values()].sort((a, b) => b.ratePpm - a.ratePpm);
}

export type OpenItem = { id: string; balance: number };

/** Spreads an amount over open items in the order given (oldest first): each gets what it owes until the money runs out. */
export function allocateInOrder(amount: number, items: OpenItem[]): { id: string; amount: number }[] {
  const out: { id: string; amount: number }[] = [];
  let left = amount;
  for (const item of items) {
    if (left <= 0) break;
    const take = Math.min(left, item.balance);
    if (take > 0) {
      out.push({ id: item.id, amount: take });
      left -= take;
    }
  }
  return out;
}

/** What a fully or partly paid invoice is called. */
export function paidStatus(total: number, amountPaid: number): "issued" | "partially_paid" | "paid" {
  if (amountPaid >= total) return "paid";
  return amountPaid > 0 ? "partially_paid" : "issued";
}

/** Whole days from one ISO date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The aging bucket of an open amount due on `dueDate`, seen on `asOf`. */
export function agingBucket(dueDate: string, asOf: string) {
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return "current" as const;
  if (late <= 30) return "1-30" as const;
  if (late <= 60) return "31-60" as const;
  if (late <= 90) return "61-90" as const;
  return "90+" as const;
}

/**
 * Which reminder is due: the schedule's stages (days past due, ascending) passed so far, beyond those
 * already sent. A job that missed days sends only the latest stage reached, once.
 */
export function dunningStageDue(daysOverdue: number, schedule: number[], sent: number): number | null {
  const reached = [...schedule].sort((a, b) => a - b).filter((d) => daysOverdue >= d).length;
  return reached > sent ? reached : null;
}

/** Days sales outstanding: receivables ÷ credit sales of the period × its days (0 without sales). */
export function daysSalesOutstanding(receivables: number, sales: number, periodDays: number): number {
  if (sales <= 0) return 0;
  return Math.round(((receivables / sales) * periodDays) * 10) / 10;
}
