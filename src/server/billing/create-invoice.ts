import { eq, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import { customers, type BillingTerms } from "../customers";
import type { DbOrTx } from "../db";
import { numberGapless } from "../db/sequences";
import { AppError } from "../errors";
import { EMAIL_TOPICS, enqueueMessage, invoiceEmail, recordWebhookEvent, type EmailContent } from "../integration";
import { loadOrderForFulfillment, orders, recordOrderEvents, type LineUnits, type OrderRow } from "../orders";
import { addDays } from "~/lib/dates";
import { documentTotals, lineShare, taxRateOf } from "./amounts";
import { recordOrderBilling, toInvoiceDto, type InvoiceRow } from "./queries";
import { refreshReceivables } from "./refresh-receivables";
import { invoiceLines, invoices } from "./schema";

type LoadedOrder = NonNullable<Awaited<ReturnType<typeof loadOrderForFulfillment>>>;
export type BillableLine = LoadedOrder["lines"][number];

/**
 * Bills units of an order's lines, inside the caller's transaction (the order row locked by the caller).
 * Each invoice line is the order line's share of those units (amounts.ts), so an order's invoices sum to
 * the order to the cent. Never bills more than the limit per line: what has shipped, or what was ordered
 * for customers invoiced on order. Issued at once unless `draft` (then it gets its number at issue).
 */
export async function billUnits(
  tx: DbOrTx,
  input: { order: OrderRow; terms: BillingTerms; lines: BillableLine[]; units: LineUnits[]; freight?: number; shipmentNumber?: string | null; actor: Actor; draft?: boolean; reason: string },
): Promise<InvoiceRow | null> {
  const { order, terms, actor } = input;
  const byId = new Map(input.lines.map((l) => [l.line.id, l]));
  const billed = input.units
    .filter((u) => u.quantity > 0)
    .map((u) => {
      const found = byId.get(u.orderLineId);
      if (!found) throw new Error(`Order line ${u.orderLineId} is not on ${order.number}`);
      const { line } = found;
      const limit = terms.invoiceOnOrder ? line.quantity : line.shipped;
      if (line.invoiced + u.quantity > limit) {
        throw AppError.conflict(
          "OVER_INVOICED",
          `Line ${line.lineNo} (${found.sku}) of ${order.number} has ${limit - line.invoiced} unit(s) left to invoice, not ${u.quantity}: an order is never billed twice or above what ${terms.invoiceOnOrder ? "was ordered" : "has shipped"}.`,
        );
      }
      return { found, units: u.quantity, share: lineShare(line, line.invoiced, line.invoiced + u.quantity) };
    });
  const freight = input.freight ?? 0;
  if (billed.length === 0 && freight === 0) return null;

  const totals = documentTotals(billed.map((b) => b.share), freight);
  const today = clock.today();
  const [invoice] = await tx
    .insert(invoices)
    .values({
      orderId: order.id,
      customerId: order.customerId,
      shipmentNumber: input.shipmentNumber ?? null,
      status: "draft",
      currency: order.currency,
      paymentTermsDays: terms.paymentTermsDays,
      billTo: order.billTo,
      shipTo: order.shipTo,
      customerReference: order.customerReference,
      ...totals,
      createdBy: actorLabel(actor),
    })
    .returning();
  if (billed.length > 0) {
    await tx.insert(invoiceLines).values(
      billed.map(({ found, share }) => ({
        invoiceId: invoice!.id,
        orderLineId: found.line.id,
        lineNo: found.line.lineNo,
        productId: found.line.productId,
        sku: found.sku,
        description: found.productName,
        quantity: share.quantity,
        unitPrice: share.unitPrice,
        discount: share.discount,
        lineTotal: share.lineTotal,
        tax: share.tax,
        taxRatePpm: taxRateOf(found.line.priceExplanation, found.line.tax, found.line.lineTotal),
      })),
    );
  }
  const invoiced = billed.map((b) => ({ orderLineId: b.found.line.id, quantity: b.units }));
  if (input.draft) {
    await recordOrderBilling(tx, { orderId: order.id, actor, invoiced, freight, events: [{ type: "invoice_drafted", data: { invoiceId: invoice!.id, total: totals.total, reason: input.reason } }] });
    return invoice!;
  }
  return issueInTx(tx, invoice!, { actor, today, reason: input.reason, invoiced, freight });
}

/**
 * draft → issued: issue and due dates, the order's lines and billing status, the customer's unpaid total,
 * then — last, so the counter row stays locked for three statements only — the gapless number, and the
 * timeline entry and the customer's copy that name it.
 */
export async function issueInTx(
  tx: DbOrTx,
  invoice: InvoiceRow,
  /** `invoiced`, `freight`: what a new invoice adds to the order. */
  input: { actor: Actor; today?: string; reason: string; invoiced?: LineUnits[]; freight?: number },
): Promise<InvoiceRow> {
  const issueDate = input.today ?? clock.today();
  const dueDate = addDays(issueDate, invoice.paymentTermsDays);
  // Invoices go to the customer's accounts-payable address when it has one.
  const [customer] = await tx
    .select({ email: sql<string | null>`coalesce(${customers.billingEmail}, ${customers.email})`, name: customers.name, order: orders.number })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, invoice.orderId));
  // The order's completion (if this invoice completes it) goes on the timeline after the invoice's own entry.
  const after = await recordOrderBilling(tx, { orderId: invoice.orderId, actor: input.actor, invoiced: input.invoiced, freight: input.freight, issuing: true, holdEvents: true });
  await refreshReceivables(tx, invoice.customerId, { issuing: invoice.total });
  const number = await numberGapless(tx, "invoice", {
    table: invoices,
    numberColumn: invoices.number,
    idColumn: invoices.id,
    id: invoice.id,
    alsoSet: sql`status = 'issued', issue_date = ${issueDate}::date, due_date = ${dueDate}::date, version = version + 1`,
  });
  const issued: InvoiceRow = { ...invoice, number, status: "issued", issueDate, dueDate, version: invoice.version + 1 };
  await Promise.all([
    // Read from this transaction only when someone subscribed (GET /invoices/{number}'s shape).
    recordWebhookEvent(tx, { type: "invoice.issued", orderingKey: invoice.orderId, data: () => toInvoiceDto(tx, issued) }),
    recordOrderEvents(tx, invoice.orderId, input.actor, [
      { type: "invoiced", data: { invoice: number, total: invoice.total, dueDate, shipment: invoice.shipmentNumber, reason: input.reason } },
      ...after,
    ]),
    enqueueMessage(tx, {
      topic: EMAIL_TOPICS.invoice,
      recipient: customer?.email ?? null,
      ...withPdfLink(
        invoiceEmail({ customerName: customer?.name ?? "customer", invoice: number, order: customer?.order ?? null, customerReference: invoice.customerReference, currency: invoice.currency, total: invoice.total, dueDate }),
        number,
      ),
      attachments: [{ kind: "invoice_pdf", ref: number }],
    }),
  ]);
  return issued;
}

/** The desk's link to the PDF beside the template's data (the outbox page shows the payload). */
function withPdfLink<T extends object>(content: EmailContent<T>, number: string) {
  return { ...content, payload: { ...content.payload, pdf: `/invoices/${number}/pdf` } };
}
