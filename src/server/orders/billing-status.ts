import type { BILLING_STATUSES } from "./constants";

export type BillingStatus = (typeof BILLING_STATUSES)[number];

/** What billing knows of an order's issued invoices (void and draft ones do not count). */
export type InvoiceState = { anyOverdue: boolean; allPaid: boolean };

/**
 * An order's billing status follows from its lines and invoices: nothing invoiced → unbilled; an overdue
 * invoice → overdue; every unit invoiced → invoiced, or paid once every invoice is; otherwise partially invoiced.
 */
export function billingStatusOf(lines: { quantity: number; invoiced: number }[], invoices: InvoiceState): BillingStatus {
  const invoiced = lines.reduce((sum, l) => sum + l.invoiced, 0);
  if (invoiced === 0) return "unbilled";
  if (invoices.anyOverdue) return "overdue";
  if (lines.some((l) => l.invoiced < l.quantity)) return "partially_invoiced";
  return invoices.allPaid ? "paid" : "invoiced";
}

/** Open → completed once everything is shipped and invoiced. */
export function isComplete(lines: { quantity: number; shipped: number; invoiced: number }[]): boolean {
  return lines.length > 0 && lines.every((l) => l.shipped >= l.quantity && l.invoiced >= l.quantity);
}
