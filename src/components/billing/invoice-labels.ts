import type { BadgeVariant } from "~/components/ui/badge";
import { INVOICE_STATUSES, type CreditNoteKind, type InvoiceStatus, type PaymentMethod } from "~/server/billing/constants";
import type { TListInvoicesInput } from "~/server/billing/schemas";

/** Invoice statuses as the finance desk shows them (the shared status table has order and shipment words). */
export const INVOICE_STATUS_DISPLAY: Record<InvoiceStatus, { label: string; variant: BadgeVariant }> = {
  draft: { label: "Draft", variant: "neutral" },
  issued: { label: "Issued", variant: "info" },
  partially_paid: { label: "Partially paid", variant: "warning" },
  paid: { label: "Paid", variant: "success" },
  void: { label: "Void", variant: "neutral" },
};

export type InvoiceFilter = NonNullable<TListInvoicesInput["status"]>;
/** The same values as the server's filter (statuses, `open`, `overdue`), without importing its schemas into the browser. */
export const INVOICE_FILTERS = [...INVOICE_STATUSES, "open", "overdue"] as const satisfies readonly InvoiceFilter[];

/** The list's status filter, in the order finance works: what is owed first, then each status. */
export const INVOICE_FILTER_OPTIONS: readonly { value: InvoiceFilter | undefined; label: string }[] = [
  { value: undefined, label: "All" },
  { value: "open", label: "Open" },
  { value: "overdue", label: "Overdue" },
  { value: "draft", label: "Draft" },
  { value: "issued", label: "Issued" },
  { value: "partially_paid", label: "Partially paid" },
  { value: "paid", label: "Paid" },
  { value: "void", label: "Void" },
];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  card: "Card",
  bank_transfer: "Bank transfer",
  cheque: "Cheque",
  cash_on_delivery: "Cash on delivery",
  other: "Other",
};

export const CREDIT_NOTE_KIND_LABELS: Record<CreditNoteKind, string> = {
  return: "Return",
  price_correction: "Price correction",
};

/** 82500 ppm → "8.25%", 0 → "0%". */
export function formatTaxRate(ppm: number): string {
  return `${Number((ppm / 10_000).toFixed(4))}%`;
}

/** "Net 30", or "Due on receipt" for 0 days. */
export function termsLabel(days: number): string {
  return days === 0 ? "Due on receipt" : `Net ${days}`;
}

/** "12 days" / "1 day". */
export function daysLabel(days: number): string {
  return `${days} day${days === 1 ? "" : "s"}`;
}

/** The path of an invoice's page: by number, or by id while it is a draft (drafts have no number yet). */
export function invoiceHref(invoice: { number: string | null; id: string }): string {
  return `/invoices/${encodeURIComponent(invoice.number ?? invoice.id)}`;
}

/** What a person calls an invoice: its number, or "Draft invoice" before it has one. */
export function invoiceName(invoice: { number: string | null }): string {
  return invoice.number ?? "Draft invoice";
}
