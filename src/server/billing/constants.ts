/** Billing's vocabulary: invoice, credit-note, payment and return states, methods, and the journal's accounts. */

/** draft → issued → partially_paid → paid; void (only with nothing applied). Overdue is derived from the due date. */
export const INVOICE_STATUSES = ["draft", "issued", "partially_paid", "paid", "void"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
/** Statuses that still wait for money. */
export const OPEN_INVOICE_STATUSES = ["issued", "partially_paid"] as const satisfies readonly InvoiceStatus[];

export const PAYMENT_METHODS = ["card", "bank_transfer", "cheque", "cash_on_delivery", "other"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Why a credit note exists: goods came back, or a price was corrected after the invoice. */
export const CREDIT_NOTE_KINDS = ["return", "price_correction"] as const;
export type CreditNoteKind = (typeof CREDIT_NOTE_KINDS)[number];

/** requested (waits for a manager above the approval value) → approved → received; rejected or canceled before receipt. */
export const RETURN_STATUSES = ["requested", "approved", "received", "rejected", "canceled"] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
/** Returns whose units are spoken for: they count against what may still be returned. */
export const LIVE_RETURN_STATUSES = ["requested", "approved", "received"] as const satisfies readonly ReturnStatus[];

export const RETURN_DISPOSITIONS = ["restock", "scrap"] as const;
export type ReturnDisposition = (typeof RETURN_DISPOSITIONS)[number];

/** Where refunds go out (a refund is money leaving, by the same means a payment arrives). */
export const REFUND_METHODS = PAYMENT_METHODS;

/** The journal's accounts; their codes are the admin's (billing_settings.accounts). */
export const JOURNAL_ACCOUNTS = ["receivables", "revenue", "taxPayable", "freight", "cash", "returns", "customerCredit"] as const;
export type JournalAccount = (typeof JOURNAL_ACCOUNTS)[number];
export const DEFAULT_ACCOUNT_CODES: Record<JournalAccount, string> = {
  receivables: "1200",
  revenue: "4000",
  taxPayable: "2200",
  freight: "4100",
  cash: "1000",
  returns: "4500",
  customerCredit: "2300",
};
export const ACCOUNT_LABELS: Record<JournalAccount, string> = {
  receivables: "Accounts receivable",
  revenue: "Revenue",
  taxPayable: "Tax payable",
  freight: "Freight income",
  cash: "Cash",
  returns: "Sales returns and allowances",
  customerCredit: "Customer credit",
};

/** Aging buckets by days past due. */
export const AGING_BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const DEFAULT_DUNNING_DAYS = [3, 15, 30];
