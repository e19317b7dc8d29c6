import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { orders, recordBilling, type InvoiceState, type OrderEventEntry } from "../orders";
import type { LineUnits } from "../orders";
import { daysBetween, taxByRate } from "./amounts";
import { OPEN_INVOICE_STATUSES } from "./constants";
import { allocations, creditNotes, invoiceLines, invoices, payments } from "./schema";
import type { TAllocation, TInvoice, TInvoiceSummary } from "./schemas";
import { isUuid } from "~/lib/uuid";

export type InvoiceRow = typeof invoices.$inferSelect;
export type CreditNoteRow = typeof creditNotes.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;


/** An invoice by number (INV-200001) or id, locked when it is about to change; 404 naming it when absent. */
export async function loadInvoice(db: DbOrTx, key: string, options: { forUpdate?: boolean } = {}): Promise<InvoiceRow> {
  const where = isUuid(key) ? eq(invoices.id, key) : eq(invoices.number, key.trim().toUpperCase());
  const query = db.select().from(invoices).where(where).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw AppError.notFound("invoice", key);
  return row;
}

/** A customer by code (for payments, statements); 404 naming it. */
export async function loadCustomer(db: DbOrTx, code: string) {
  const [row] = await db.select().from(customers).where(eq(customers.code, code.trim())).limit(1);
  if (!row) throw AppError.notFound("customer", code);
  return row;
}

/** Is this open invoice past its due date today? */
export function isOverdue(row: Pick<InvoiceRow, "status" | "dueDate">, today = clock.today()) {
  return (OPEN_INVOICE_STATUSES as readonly string[]).includes(row.status) && row.dueDate !== null && row.dueDate < today;
}

/** The state of an order's issued invoices, for its billing status. */
export async function invoiceStateOf(tx: DbOrTx, orderId: string): Promise<InvoiceState> {
  const today = clock.today();
  const [row] = await tx
    .select({
      anyOverdue: sql<boolean>`coalesce(bool_or(${invoices.status} in ('issued', 'partially_paid') and ${invoices.dueDate} < ${today}::date), false)`,
      allPaid: sql<boolean>`coalesce(bool_and(${invoices.status} = 'paid'), false)`,
    })
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), inArray(invoices.status, ["issued", "partially_paid", "paid"])));
  return { anyOverdue: !!row?.anyOverdue, allPaid: !!row?.allPaid };
}

/** Tells orders what billing changed (line counters, freight, timeline) with the invoices' state after the change. */
export async function recordOrderBilling(
  tx: DbOrTx,
  input: {
    orderId: string;
    actor: Actor;
    events?: OrderEventEntry[];
    invoiced?: LineUnits[];
    returned?: LineUnits[];
    freight?: number;
    /** An invoice about to be issued (unpaid) counts already. */
    issuing?: boolean;
    /** Return the timeline entries (e.g. "completed") for the caller to write after its own. */
    holdEvents?: boolean;
  },
) {
  const state = await invoiceStateOf(tx, input.orderId);
  return recordBilling(tx, { ...input, events: input.events ?? [], invoices: input.issuing ? { ...state, allPaid: false } : state });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Invoices as the API describes them, in a few queries (`details`: lines, taxes, allocations, credit notes). */
export async function toInvoiceDtos(db: DbOrTx, rows: InvoiceRow[]): Promise<TInvoiceSummary[]> {
  if (rows.length === 0) return [];
  const heads = await db
    .select({ id: invoices.id, order: orders.number, customerCode: customers.code, customerName: customers.name })
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(inArray(invoices.id, rows.map((r) => r.id)));
  const byId = new Map(heads.map((h) => [h.id, h]));
  const today = clock.today();
  return rows.map((row) => {
    const head = byId.get(row.id)!;
    const overdue = isOverdue(row, today);
    return {
      id: row.id,
      number: row.number,
      order: head.order,
      customer: { code: head.customerCode, name: head.customerName },
      shipment: row.shipmentNumber,
      status: row.status,
      overdue,
      daysOverdue: overdue ? daysBetween(row.dueDate!, today) : 0,
      currency: row.currency,
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      paymentTermsDays: row.paymentTermsDays,
      customerReference: row.customerReference,
      subtotal: row.subtotal,
      discountTotal: row.discountTotal,
      taxTotal: row.taxTotal,
      shippingTotal: row.shippingTotal,
      total: row.total,
      amountPaid: row.amountPaid,
      balance: row.status === "void" ? 0 : row.total - row.amountPaid,
      remindersSent: row.remindersSent,
      voidReason: row.voidReason,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function toInvoiceDto(db: DbOrTx, row: InvoiceRow): Promise<TInvoice> {
  const [[summary], lines, applied, notes] = await Promise.all([
    toInvoiceDtos(db, [row]),
    db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, row.id)).orderBy(asc(invoiceLines.lineNo)),
    allocationDtos(db, eq(allocations.invoiceId, row.id)),
    db
      .select({ number: creditNotes.number, total: creditNotes.total, reason: creditNotes.reason })
      .from(creditNotes)
      .where(and(eq(creditNotes.invoiceId, row.id), sql`${creditNotes.number} is not null`))
      .orderBy(asc(creditNotes.createdAt)),
  ]);
  return {
    ...summary!,
    billTo: row.billTo,
    shipTo: row.shipTo,
    voidedAt: iso(row.voidedAt),
    voidedBy: row.voidedBy,
    createdBy: row.createdBy,
    version: row.version,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      lineTotal: l.lineTotal,
      tax: l.tax,
      taxRatePpm: l.taxRatePpm,
    })),
    taxes: taxByRate(lines),
    allocations: applied,
    creditNotes: notes.map((n) => ({ number: n.number!, total: n.total, reason: n.reason })),
  };
}

/** Allocations matching a condition, oldest first, with where the money came from. */
export async function allocationDtos(db: DbOrTx, where: ReturnType<typeof eq>): Promise<TAllocation[]> {
  const rows = await db
    .select({
      allocation: allocations,
      invoice: invoices.number,
      paymentReference: payments.reference,
      paymentMethod: payments.method,
      paymentOn: payments.receivedOn,
      creditNote: creditNotes.number,
    })
    .from(allocations)
    .innerJoin(invoices, eq(invoices.id, allocations.invoiceId))
    .leftJoin(payments, eq(payments.id, allocations.paymentId))
    .leftJoin(creditNotes, eq(creditNotes.id, allocations.creditNoteId))
    .where(where)
    // Allocations made together (one payment, oldest first) read in the invoices' order.
    .orderBy(asc(allocations.createdAt), asc(invoices.dueDate), asc(invoices.number), asc(allocations.id));
  return rows.map(({ allocation: a, ...r }) => ({
    id: a.id,
    invoice: r.invoice ?? "draft",
    source: a.paymentId
      ? { kind: "payment" as const, id: a.paymentId, label: paymentLabel({ method: r.paymentMethod!, reference: r.paymentReference, receivedOn: r.paymentOn! }) }
      : { kind: "credit_note" as const, id: a.creditNoteId!, label: r.creditNote ?? "credit note" },
    amount: a.amount,
    appliedOn: a.appliedOn,
    createdBy: a.createdBy,
    reversed: a.reversedAt ? { at: a.reversedAt.toISOString(), by: a.reversedBy ?? "", reason: a.reversalReason ?? "" } : null,
  }));
}

const METHOD_LABELS: Record<string, string> = { card: "Card", bank_transfer: "Bank transfer", cheque: "Cheque", cash_on_delivery: "Cash on delivery", other: "Payment" };

/** "Bank transfer BT-7781 of 2026-11-02". */
export function paymentLabel(p: { method: string; reference: string | null; receivedOn: string }) {
  return `${METHOD_LABELS[p.method] ?? "Payment"}${p.reference ? ` ${p.reference}` : ""} of ${p.receivedOn}`;
}
