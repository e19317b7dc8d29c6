import { z } from "zod";
import { ZIsoDate } from "~/lib/iso-date";
import { ZSku } from "../catalog";
import { ZAddress } from "../customers";
import { ZPageInput } from "../db/pagination";
import { AGING_BUCKETS, CREDIT_NOTE_KINDS, INVOICE_STATUSES, JOURNAL_ACCOUNTS, PAYMENT_METHODS, RETURN_DISPOSITIONS, RETURN_STATUSES } from "./constants";

const ZMoney = (what: string) => z.number().int(`${what} is in minor units (cents)`);
const ZPositiveMoney = (what: string) => ZMoney(what).positive(`${what} must be more than 0`).max(100_000_000_000);
const ZReason = (what: string) => z.string().trim().min(1, `Say why ${what}`).max(500);
const ZCustomerCode = z.string().trim().min(1, "Choose a customer").max(40);
/** An invoice or credit note by number (INV-200001) or id. */
const ZDocumentKey = z.string().trim().min(1).max(60);
const ZCustomerRef = z.object({ code: z.string(), name: z.string() });

// ---------- Invoices ----------

export const ZInvoiceLine = z.object({
  lineNo: z.number().int(),
  sku: z.string(),
  description: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  discount: z.number().int(),
  lineTotal: z.number().int(),
  tax: z.number().int(),
  taxRatePpm: z.number().int(),
});

export const ZTaxByRate = z.object({ ratePpm: z.number().int(), taxable: z.number().int(), tax: z.number().int() });

export const ZAllocation = z.object({
  id: z.string(),
  invoice: z.string(),
  /** Where the money came from: a payment (its reference) or a credit note (its number). */
  source: z.object({ kind: z.enum(["payment", "credit_note"]), id: z.string(), label: z.string() }),
  amount: z.number().int(),
  appliedOn: z.string(),
  createdBy: z.string(),
  reversed: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type TAllocation = z.infer<typeof ZAllocation>;

const invoiceFields = {
  id: z.string(),
  /** Null while a draft: the number is given at issue. */
  number: z.string().nullable(),
  order: z.string(),
  customer: ZCustomerRef,
  shipment: z.string().nullable(),
  status: z.enum(INVOICE_STATUSES),
  /** Derived: issued or partly paid, with money still owed after the due date. */
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  currency: z.string(),
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  paymentTermsDays: z.number().int(),
  customerReference: z.string().nullable(),
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  taxTotal: z.number().int(),
  shippingTotal: z.number().int(),
  total: z.number().int(),
  amountPaid: z.number().int(),
  balance: z.number().int(),
  remindersSent: z.number().int(),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
};
export const ZInvoiceSummary = z.object(invoiceFields);
export type TInvoiceSummary = z.infer<typeof ZInvoiceSummary>;

export const ZInvoice = z.object({
  ...invoiceFields,
  billTo: ZAddress.nullable(),
  shipTo: ZAddress.nullable(),
  voidedAt: z.string().nullable(),
  voidedBy: z.string().nullable(),
  createdBy: z.string(),
  version: z.number().int(),
  lines: z.array(ZInvoiceLine),
  taxes: z.array(ZTaxByRate),
  allocations: z.array(ZAllocation),
  creditNotes: z.array(z.object({ number: z.string(), total: z.number().int(), reason: z.string() })),
});
export type TInvoice = z.infer<typeof ZInvoice>;

export const INVOICE_FILTERS = [...INVOICE_STATUSES, "open", "overdue"] as const;
export const ZListInvoicesInput = ZPageInput.extend({
  customer: z.string().trim().max(40).optional(),
  order: z.string().trim().max(40).optional(),
  /** A status, `open` (issued or partly paid) or `overdue`. */
  status: z.enum(INVOICE_FILTERS).optional(),
  /** Invoice number, order number or customer PO (prefix). */
  search: z.string().trim().max(100).optional(),
});
export type TListInvoicesInput = z.infer<typeof ZListInvoicesInput>;

export const ZInvoiceKey = z.object({ number: ZDocumentKey });
export const ZVoidInvoiceInput = ZInvoiceKey.extend({ reason: ZReason("the invoice is void"), version: z.number().int().positive().optional() });
export type TVoidInvoiceInput = z.infer<typeof ZVoidInvoiceInput>;
export const ZInvoiceOrderInput = z.object({
  number: z.string().trim().min(1).max(40),
  /** Keep it as a draft (no number yet) to check it before issuing. */
  draft: z.boolean().default(false),
});
export type TInvoiceOrderInput = z.infer<typeof ZInvoiceOrderInput>;

// ---------- Payments ----------

const ZAllocationInput = z.object({ invoice: ZDocumentKey, amount: ZPositiveMoney("The amount") });

export const ZRecordPaymentInput = z.object({
  customer: ZCustomerCode,
  amount: ZPositiveMoney("The amount"),
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().trim().max(100).nullish(),
  receivedOn: ZIsoDate.optional(),
  notes: z.string().trim().max(1000).nullish(),
  /** By hand. Without it the payment goes to the customer's oldest open invoices first (unless `autoAllocate` is false). */
  allocations: z.array(ZAllocationInput).max(200).optional(),
  autoAllocate: z.boolean().default(true),
});
export type TRecordPaymentInput = z.infer<typeof ZRecordPaymentInput>;

export const ZRefund = z.object({ id: z.string(), amount: z.number().int(), method: z.enum(PAYMENT_METHODS), reference: z.string().nullable(), refundedOn: z.string(), createdBy: z.string() });

export const ZPayment = z.object({
  id: z.string(),
  customer: ZCustomerRef,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().nullable(),
  receivedOn: z.string(),
  currency: z.string(),
  amount: z.number().int(),
  amountAllocated: z.number().int(),
  amountRefunded: z.number().int(),
  /** What is left: the customer's credit from this payment. */
  unallocated: z.number().int(),
  notes: z.string().nullable(),
  recordedBy: z.string(),
  createdAt: z.string(),
  allocations: z.array(ZAllocation),
  refunds: z.array(ZRefund),
});
export type TPayment = z.infer<typeof ZPayment>;

export const ZListPaymentsInput = ZPageInput.extend({
  customer: z.string().trim().max(40).optional(),
  /** Only payments with money not yet allocated. */
  unallocated: z.boolean().optional(),
});
export type TListPaymentsInput = z.infer<typeof ZListPaymentsInput>;

export const ZPaymentKey = z.object({ id: z.guid("Not a payment id") });
/** Apply customer credit (what is left of a payment or credit note) to invoices: by hand, or oldest first. */
export const ZApplyCreditInput = z.object({ allocations: z.array(ZAllocationInput).max(200).optional() });
export const ZAllocatePaymentInput = ZPaymentKey.extend(ZApplyCreditInput.shape);
export type TAllocatePaymentInput = z.infer<typeof ZAllocatePaymentInput>;
export const ZReverseAllocationInput = z.object({ id: z.guid("Not an allocation id"), reason: ZReason("it is taken back") });
export type TReverseAllocationInput = z.infer<typeof ZReverseAllocationInput>;
const refundFields = {
  amount: ZPositiveMoney("The refund"),
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().trim().max(100).nullish(),
  refundedOn: ZIsoDate.optional(),
};
export const ZRefundPaymentInput = ZPaymentKey.extend(refundFields);
export type TRefundPaymentInput = z.infer<typeof ZRefundPaymentInput>;

// ---------- Credit notes ----------

export const ZCreditNoteLine = z.object({
  sku: z.string().nullable(),
  description: z.string(),
  quantity: z.number().int().nullable(),
  amount: z.number().int(),
  tax: z.number().int(),
  taxRatePpm: z.number().int(),
});

export const ZCreditNote = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(CREDIT_NOTE_KINDS),
  customer: ZCustomerRef,
  order: z.string().nullable(),
  invoice: z.string().nullable(),
  return: z.string().nullable(),
  currency: z.string(),
  issueDate: z.string(),
  reason: z.string(),
  subtotal: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
  amountApplied: z.number().int(),
  amountRefunded: z.number().int(),
  /** Customer credit still to apply or refund. */
  remaining: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  lines: z.array(ZCreditNoteLine),
  taxes: z.array(ZTaxByRate),
  allocations: z.array(ZAllocation),
  refunds: z.array(ZRefund),
});
export type TCreditNote = z.infer<typeof ZCreditNote>;

export const ZCreditNoteKey = z.object({ number: ZDocumentKey });
export const ZListCreditNotesInput = ZPageInput.extend({ customer: z.string().trim().max(40).optional(), order: z.string().trim().max(40).optional() });
export type TListCreditNotesInput = z.infer<typeof ZListCreditNotesInput>;
export const ZPriceCorrectionInput = z.object({
  invoice: ZDocumentKey,
  reason: ZReason("the price is corrected"),
  /** Net amounts credited per invoice line (tax follows at the line's rate). */
  lines: z.array(z.object({ lineNo: z.number().int().positive(), amount: ZPositiveMoney("The amount") })).min(1, "Credit at least one line").max(500),
});
export type TPriceCorrectionInput = z.infer<typeof ZPriceCorrectionInput>;
export const ZApplyCreditNoteInput = ZCreditNoteKey.extend(ZApplyCreditInput.shape);
export type TApplyCreditNoteInput = z.infer<typeof ZApplyCreditNoteInput>;
export const ZRefundCreditNoteInput = ZCreditNoteKey.extend(refundFields);
export type TRefundCreditNoteInput = z.infer<typeof ZRefundCreditNoteInput>;

// ---------- Returns ----------

export const ZReturnLine = z.object({
  lineNo: z.number().int(),
  sku: z.string(),
  description: z.string(),
  quantity: z.number().int(),
  reason: z.string(),
  reasonLabel: z.string(),
  disposition: z.enum(RETURN_DISPOSITIONS),
  warehouse: z.string(),
});

export const ZReturn = z.object({
  id: z.string(),
  number: z.string(),
  order: z.string(),
  customer: ZCustomerRef,
  status: z.enum(RETURN_STATUSES),
  currency: z.string(),
  value: z.number().int(),
  notes: z.string().nullable(),
  requestedBy: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  receivedBy: z.string().nullable(),
  receivedAt: z.string().nullable(),
  creditNote: z.object({ number: z.string(), total: z.number().int() }).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  lines: z.array(ZReturnLine),
});
export type TReturn = z.infer<typeof ZReturn>;

export const ZCreateReturnInput = z.object({
  number: z.string().trim().min(1).max(40),
  lines: z
    .array(
      z.object({
        sku: ZSku,
        quantity: z.number().int("Quantities are whole units").positive("Must be more than 0").max(1_000_000),
        reason: z.string().trim().min(1, "Choose a reason").max(40),
        disposition: z.enum(RETURN_DISPOSITIONS),
      }),
    )
    .min(1, "Return at least one line")
    .max(500),
  notes: z.string().trim().max(1000).nullish(),
});
export type TCreateReturnInput = z.infer<typeof ZCreateReturnInput>;
/** A return by number (RMA-400001) or id. */
export const ZReturnKey = z.object({ id: z.string().trim().min(1).max(60) });
export const ZDecideReturnInput = ZReturnKey.extend({ approve: z.boolean(), note: z.string().trim().max(500).nullish(), version: z.number().int().positive().optional() });
export type TDecideReturnInput = z.infer<typeof ZDecideReturnInput>;
export const ZReceiveReturnInput = ZReturnKey.extend({ version: z.number().int().positive().optional() });
export type TReceiveReturnInput = z.infer<typeof ZReceiveReturnInput>;
export const ZListReturnsInput = ZPageInput.extend({
  status: z.enum(RETURN_STATUSES).optional(),
  order: z.string().trim().max(40).optional(),
  customer: z.string().trim().max(40).optional(),
});
export type TListReturnsInput = z.infer<typeof ZListReturnsInput>;
export const ZReturnReason = z.object({ code: z.string(), label: z.string() });

// ---------- Receivables, statements, journal ----------

export const ZAgingInput = z.object({ asOf: ZIsoDate.optional(), customer: z.string().trim().max(40).optional() });
const ZBuckets = z.object(Object.fromEntries(AGING_BUCKETS.map((b) => [b, z.number().int()])) as Record<(typeof AGING_BUCKETS)[number], z.ZodNumber>);
export const ZAgingRow = z.object({ customer: ZCustomerRef, buckets: ZBuckets, total: z.number().int(), credit: z.number().int(), oldestDueDate: z.string().nullable() });
export const ZAging = z.object({
  asOf: z.string(),
  currency: z.string(),
  totals: ZBuckets,
  total: z.number().int(),
  /** Unapplied payments and credit notes (customer credit). */
  credit: z.number().int(),
  /** Days sales outstanding over the last 90 days. */
  dso: z.number(),
  customers: z.array(ZAgingRow),
});
export type TAging = z.infer<typeof ZAging>;

export const ZStatementInput = z.object({ customer: ZCustomerCode, asOf: ZIsoDate.optional() });
export const ZStatement = z.object({
  asOf: z.string(),
  customer: ZCustomerRef.extend({ billingAddress: ZAddress.nullable(), paymentTermsDays: z.number().int() }),
  currency: z.string(),
  openInvoices: z.array(z.object({ number: z.string(), order: z.string(), customerReference: z.string().nullable(), issueDate: z.string(), dueDate: z.string(), total: z.number().int(), amountPaid: z.number().int(), balance: z.number().int(), daysOverdue: z.number().int(), bucket: z.enum(AGING_BUCKETS) })),
  credits: z.array(z.object({ kind: z.enum(["payment", "credit_note"]), label: z.string(), date: z.string(), amount: z.number().int() })),
  buckets: ZBuckets,
  totalDue: z.number().int(),
  totalCredit: z.number().int(),
  /** What the customer owes after their credit. */
  balance: z.number().int(),
});
export type TStatement = z.infer<typeof ZStatement>;

export const ZJournalInput = z.object({ from: ZIsoDate, to: ZIsoDate });
export const ZJournalEntry = z.object({
  date: z.string(),
  document: z.string(),
  description: z.string(),
  account: z.enum(JOURNAL_ACCOUNTS),
  accountCode: z.string(),
  debit: z.number().int(),
  credit: z.number().int(),
});
export type TJournalEntry = z.infer<typeof ZJournalEntry>;
export const ZJournal = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  entries: z.array(ZJournalEntry),
  totals: z.object({ debit: z.number().int(), credit: z.number().int() }),
  byAccount: z.array(z.object({ account: z.enum(JOURNAL_ACCOUNTS), accountCode: z.string(), debit: z.number().int(), credit: z.number().int() })),
});
export type TJournal = z.infer<typeof ZJournal>;

// ---------- Settings ----------

export const ZBillingSettings = z.object({
  companyName: z.string().trim().min(1, "Company name is required").max(200),
  companyAddress: z.string().trim().min(1, "Company address is required").max(1000),
  taxId: z.string().trim().max(60),
  remittance: z.string().trim().min(1, "Say how customers pay you").max(1000),
  returnApprovalAbove: ZMoney("The approval value").min(0, "Cannot be negative"),
  dunningDays: z
    .array(z.number().int("Whole days").min(1, "Days past due start at 1").max(365))
    .max(10)
    .refine((days) => new Set(days).size === days.length, "Each day once"),
  holdOverdueDays: z.number().int().min(0).max(365).nullable(),
  accounts: z.object(Object.fromEntries(JOURNAL_ACCOUNTS.map((a) => [a, z.string().trim().min(1, "An account code is required").max(20)])) as Record<(typeof JOURNAL_ACCOUNTS)[number], z.ZodString>),
});
export type TBillingSettings = z.infer<typeof ZBillingSettings>;
export const ZUpdateBillingSettingsInput = ZBillingSettings.extend({ version: z.number().int().positive().optional() });
export const ZBillingSettingsDto = ZBillingSettings.extend({ version: z.number().int() });

/** The customer's money at a glance (order entry's account panel). */
export const ZCustomerBalance = z.object({
  currency: z.string(),
  openBalance: z.number().int(),
  overdueBalance: z.number().int(),
  credit: z.number().int(),
  openInvoices: z.number().int(),
  oldestOverdueDays: z.number().int(),
});
export type TCustomerBalance = z.infer<typeof ZCustomerBalance>;
