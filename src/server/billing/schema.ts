import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { products } from "../catalog/schema";
import { customers } from "../customers/schema";
import { createdAt, id, moneyMinor, quantity, timestamps, version } from "../db/columns";
import { warehouses } from "../inventory/schema";
import { orderLines, orders, type ShipTo } from "../orders/schema";
import { CREDIT_NOTE_KINDS, INVOICE_STATUSES, PAYMENT_METHODS, RETURN_DISPOSITIONS, RETURN_STATUSES, type JournalAccount } from "./constants";

export const invoiceStatusEnum = pgEnum("invoice_status", INVOICE_STATUSES);
export const paymentMethodEnum = pgEnum("payment_method", PAYMENT_METHODS);
export const creditNoteKindEnum = pgEnum("credit_note_kind", CREDIT_NOTE_KINDS);
export const returnStatusEnum = pgEnum("return_status", RETURN_STATUSES);
export const returnDispositionEnum = pgEnum("return_disposition", RETURN_DISPOSITIONS);

/** The seller as the documents show it, and the rules finance sets (one row, id 1). */
export const billingSettings = pgTable("billing_settings", {
  id: integer("id").primaryKey().default(1),
  companyName: text("company_name").notNull(),
  /** Printed under the name on every document (lines separated by newlines). */
  companyAddress: text("company_address").notNull(),
  taxId: text("tax_id").notNull().default(""),
  /** How to pay us: bank, account, reference instructions. */
  remittance: text("remittance").notNull(),
  /** Returns worth more than this (minor units, incl. tax) wait for a manager. */
  returnApprovalAbove: moneyMinor("return_approval_above").notNull(),
  /** Days past due on which a reminder goes out. */
  dunningDays: jsonb("dunning_days").$type<number[]>().notNull(),
  /** New orders of a customer with an invoice overdue more than this many days are held (null: never). */
  holdOverdueDays: integer("hold_overdue_days"),
  accounts: jsonb("accounts").$type<Record<JournalAccount, string>>().notNull(),
  version: version(),
  ...timestamps,
});

/**
 * An invoice bills shipped units of one order (or ordered units, for customers invoiced on order). Amounts
 * are the order lines' own shares, so all invoices of an order sum to the order to the cent. The number is
 * given at issue, gapless; a void invoice keeps it.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    number: text("number"),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    /** The shipment it bills (a number: billing only reads fulfillment's documents). */
    shipmentNumber: text("shipment_number"),
    status: invoiceStatusEnum("status").notNull().default("draft"),
    currency: text("currency").notNull(),
    issueDate: date("issue_date", { mode: "string" }),
    dueDate: date("due_date", { mode: "string" }),
    paymentTermsDays: integer("payment_terms_days").notNull(),
    billTo: jsonb("bill_to").$type<ShipTo>(),
    shipTo: jsonb("ship_to").$type<ShipTo>(),
    customerReference: text("customer_reference"),
    subtotal: moneyMinor("subtotal").notNull(),
    discountTotal: moneyMinor("discount_total").notNull(),
    taxTotal: moneyMinor("tax_total").notNull(),
    shippingTotal: moneyMinor("shipping_total").notNull().default(0),
    total: moneyMinor("total").notNull(),
    /** Payments and credit notes applied (active allocations). */
    amountPaid: moneyMinor("amount_paid").notNull().default(0),
    /** The dunning stage reached: how many reminders went out. */
    remindersSent: integer("reminders_sent").notNull().default(0),
    voidReason: text("void_reason"),
    voidedAt: timestamp("voided_at", { withTimezone: true, mode: "date" }),
    voidedBy: text("voided_by"),
    createdBy: text("created_by").notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("invoices_number_uq").on(t.number),
    index("invoices_customer_idx").on(t.customerId, t.status, t.dueDate),
    index("invoices_order_idx").on(t.orderId),
    index("invoices_status_due_idx").on(t.status, t.dueDate),
    index("invoices_issue_date_idx").on(t.issueDate),
    check("invoices_total", sql`${t.total} = ${t.subtotal} - ${t.discountTotal} + ${t.taxTotal} + ${t.shippingTotal}`),
    check("invoices_paid_range", sql`${t.amountPaid} >= 0 and ${t.amountPaid} <= ${t.total}`),
    check("invoices_number_when_issued", sql`${t.status} = 'draft' or ${t.number} is not null`),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: id(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    orderLineId: uuid("order_line_id")
      .notNull()
      .references(() => orderLines.id),
    lineNo: integer("line_no").notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    sku: text("sku").notNull(),
    description: text("description").notNull(),
    quantity: quantity("quantity").notNull(),
    unitPrice: moneyMinor("unit_price").notNull(),
    discount: moneyMinor("discount").notNull(),
    /** quantity × unitPrice − discount. */
    lineTotal: moneyMinor("line_total").notNull(),
    tax: moneyMinor("tax").notNull(),
    /** The rate behind the tax, for the document's tax-per-rate summary (parts per million). */
    taxRatePpm: integer("tax_rate_ppm").notNull(),
  },
  (t) => [
    index("invoice_lines_invoice_idx").on(t.invoiceId),
    index("invoice_lines_order_line_idx").on(t.orderLineId),
    check("invoice_lines_quantity_pos", sql`${t.quantity} > 0`),
    check("invoice_lines_total", sql`${t.lineTotal} = ${t.quantity} * ${t.unitPrice} - ${t.discount}`),
  ],
);

/** Money back to the customer: for returned goods (the share of what was invoiced) or a price correction. */
export const creditNotes = pgTable(
  "credit_notes",
  {
    id: id(),
    number: text("number"),
    kind: creditNoteKindEnum("kind").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    orderId: uuid("order_id").references(() => orders.id),
    /** The invoice it corrects (a price correction), if any. */
    invoiceId: uuid("invoice_id").references(() => invoices.id),
    returnId: uuid("return_id"),
    currency: text("currency").notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    subtotal: moneyMinor("subtotal").notNull(),
    taxTotal: moneyMinor("tax_total").notNull(),
    total: moneyMinor("total").notNull(),
    /** Applied to invoices (active allocations) and refunded: what is left is the customer's credit. */
    amountApplied: moneyMinor("amount_applied").notNull().default(0),
    amountRefunded: moneyMinor("amount_refunded").notNull().default(0),
    createdBy: text("created_by").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("credit_notes_number_uq").on(t.number),
    index("credit_notes_customer_idx").on(t.customerId, t.issueDate),
    index("credit_notes_order_idx").on(t.orderId),
    check("credit_notes_total", sql`${t.total} = ${t.subtotal} + ${t.taxTotal} and ${t.total} > 0`),
    check("credit_notes_used_range", sql`${t.amountApplied} >= 0 and ${t.amountRefunded} >= 0 and ${t.amountApplied} + ${t.amountRefunded} <= ${t.total}`),
  ],
);

export const creditNoteLines = pgTable(
  "credit_note_lines",
  {
    id: id(),
    creditNoteId: uuid("credit_note_id")
      .notNull()
      .references(() => creditNotes.id),
    orderLineId: uuid("order_line_id").references(() => orderLines.id),
    invoiceLineId: uuid("invoice_line_id").references(() => invoiceLines.id),
    sku: text("sku"),
    description: text("description").notNull(),
    /** Units returned (null for a price correction). */
    quantity: quantity("quantity"),
    /** Net amount credited (after discount, before tax). */
    amount: moneyMinor("amount").notNull(),
    tax: moneyMinor("tax").notNull(),
    taxRatePpm: integer("tax_rate_ppm").notNull(),
  },
  (t) => [index("credit_note_lines_note_idx").on(t.creditNoteId), index("credit_note_lines_invoice_line_idx").on(t.invoiceLineId)],
);

/** Money received. What is not allocated to invoices (nor refunded) is the customer's credit. */
export const payments = pgTable(
  "payments",
  {
    id: id(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    method: paymentMethodEnum("method").notNull(),
    reference: text("reference"),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    currency: text("currency").notNull(),
    amount: moneyMinor("amount").notNull(),
    amountAllocated: moneyMinor("amount_allocated").notNull().default(0),
    amountRefunded: moneyMinor("amount_refunded").notNull().default(0),
    notes: text("notes"),
    recordedBy: text("recorded_by").notNull(),
    ...timestamps,
  },
  (t) => [
    index("payments_customer_idx").on(t.customerId, t.receivedOn),
    index("payments_received_idx").on(t.receivedOn, t.id),
    check("payments_amount_pos", sql`${t.amount} > 0`),
    check("payments_used_range", sql`${t.amountAllocated} >= 0 and ${t.amountRefunded} >= 0 and ${t.amountAllocated} + ${t.amountRefunded} <= ${t.amount}`),
  ],
);

/**
 * Money applied to an invoice, from a payment or a credit note. Taking it back (un-allocating) does not
 * delete the row: it is reversed, with who, when and why.
 */
export const allocations = pgTable(
  "allocations",
  {
    id: id(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    paymentId: uuid("payment_id").references(() => payments.id),
    creditNoteId: uuid("credit_note_id").references(() => creditNotes.id),
    amount: moneyMinor("amount").notNull(),
    appliedOn: date("applied_on", { mode: "string" }).notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    reversedAt: timestamp("reversed_at", { withTimezone: true, mode: "date" }),
    reversedOn: date("reversed_on", { mode: "string" }),
    reversedBy: text("reversed_by"),
    reversalReason: text("reversal_reason"),
  },
  (t) => [
    index("allocations_invoice_idx").on(t.invoiceId),
    index("allocations_payment_idx").on(t.paymentId),
    index("allocations_credit_note_idx").on(t.creditNoteId),
    check("allocations_amount_pos", sql`${t.amount} > 0`),
    check("allocations_one_source", sql`(${t.paymentId} is null) <> (${t.creditNoteId} is null)`),
  ],
);

/** Customer credit paid back (from an over-payment or a credit note). */
export const refunds = pgTable(
  "refunds",
  {
    id: id(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    paymentId: uuid("payment_id").references(() => payments.id),
    creditNoteId: uuid("credit_note_id").references(() => creditNotes.id),
    amount: moneyMinor("amount").notNull(),
    method: paymentMethodEnum("method").notNull(),
    reference: text("reference"),
    refundedOn: date("refunded_on", { mode: "string" }).notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("refunds_customer_idx").on(t.customerId),
    check("refunds_amount_pos", sql`${t.amount} > 0`),
    check("refunds_one_source", sql`(${t.paymentId} is null) <> (${t.creditNoteId} is null)`),
  ],
);

/** Reason codes for returns: data the admin extends, not an enum. */
export const returnReasons = pgTable("return_reasons", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  isActive: boolean("is_active").notNull().default(true),
});

/** An RMA: units of a shipped order coming back, approved (above a value) and received into stock or scrapped. */
export const returns = pgTable(
  "returns",
  {
    id: id(),
    number: text("number").notNull(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    status: returnStatusEnum("status").notNull(),
    /** What the units are worth incl. tax (the credit they will give), when requested. */
    value: moneyMinor("value").notNull(),
    notes: text("notes"),
    requestedBy: text("requested_by").notNull(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    decisionNote: text("decision_note"),
    receivedBy: text("received_by"),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }),
    creditNoteId: uuid("credit_note_id").references(() => creditNotes.id),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex("returns_number_uq").on(t.number), index("returns_order_idx").on(t.orderId), index("returns_status_idx").on(t.status, t.createdAt)],
);

export const returnLines = pgTable(
  "return_lines",
  {
    id: id(),
    returnId: uuid("return_id")
      .notNull()
      .references(() => returns.id),
    orderLineId: uuid("order_line_id")
      .notNull()
      .references(() => orderLines.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    /** Where restocked units go (the warehouse that shipped them). */
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    quantity: quantity("quantity").notNull(),
    reason: text("reason")
      .notNull()
      .references(() => returnReasons.code),
    disposition: returnDispositionEnum("disposition").notNull(),
  },
  (t) => [index("return_lines_return_idx").on(t.returnId), index("return_lines_order_line_idx").on(t.orderLineId), check("return_lines_quantity_pos", sql`${t.quantity} > 0`)],
);
