import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { allocatePayment } from "./allocate-payment";
import { applyCreditNote } from "./apply-credit-note";
import { correctPrice } from "./correct-price";
import { createReturn } from "./create-return";
import { decideReturn } from "./decide-return";
import { getCreditNote, listCreditNotes } from "./get-credit-note";
import { getPayment, listPayments } from "./get-payment";
import { getReturn, listReturnReasons, listReturns } from "./get-return";
import { invoiceOrder } from "./invoice-order";
import { issueInvoice } from "./issue-invoice";
import { journal } from "./journal";
import { getInvoice, invoicesOfOrder, listInvoices } from "./list-invoices";
import { receiveReturn } from "./receive-return";
import { agingReport, customerStatement } from "./receivables";
import { recordPayment } from "./record-payment";
import { refundCreditNote, refundPayment } from "./refund-credit";
import { reverseAllocation } from "./reverse-allocation";
import { runDunning } from "./run-dunning";
import {
  ZAging,
  ZAgingInput,
  ZAllocatePaymentInput,
  ZApplyCreditNoteInput,
  ZBillingSettingsDto,
  ZCreateReturnInput,
  ZCreditNote,
  ZCreditNoteKey,
  ZDecideReturnInput,
  ZInvoice,
  ZInvoiceKey,
  ZInvoiceOrderInput,
  ZInvoiceSummary,
  ZJournal,
  ZJournalInput,
  ZListCreditNotesInput,
  ZListInvoicesInput,
  ZListPaymentsInput,
  ZListReturnsInput,
  ZPayment,
  ZPaymentKey,
  ZPriceCorrectionInput,
  ZReceiveReturnInput,
  ZRecordPaymentInput,
  ZRefundCreditNoteInput,
  ZRefundPaymentInput,
  ZReturn,
  ZReturnKey,
  ZReturnReason,
  ZReverseAllocationInput,
  ZStatement,
  ZStatementInput,
  ZUpdateBillingSettingsInput,
  ZVoidInvoiceInput,
} from "./schemas";
import { getBillingSettings, updateBillingSettings } from "./settings";
import { voidInvoice } from "./void-invoice";
import { customerBalance } from "./receivables";
import { loadCustomer } from "./queries";
import { ZCustomerBalance } from "./schemas";

const invoiceTags = ["invoices"];
const paymentTags = ["payments"];
const returnTags = ["returns"];
const creditTags = ["credit notes"];
const reportTags = ["receivables"];

export const invoicesRouter = createTRPCRouter({
  list: permissionProcedure("invoices.view")
    .meta({ openapi: { method: "GET", path: "/invoices", tags: invoiceTags, summary: "List invoices by customer, order, status (open, overdue…) or search", protect: true } })
    .input(ZListInvoicesInput)
    .output(zPage(ZInvoiceSummary))
    .query(({ ctx, input }) => listInvoices({ db: ctx.db, input })),

  get: permissionProcedure("invoices.view")
    .meta({ openapi: { method: "GET", path: "/invoices/{number}", tags: invoiceTags, summary: "An invoice with lines, tax per rate and the money applied to it", protect: true } })
    .input(ZInvoiceKey)
    .output(ZInvoice)
    .query(({ ctx, input }) => getInvoice({ db: ctx.db, number: input.number })),

  ofOrder: permissionProcedure("invoices.view")
    .input(z.object({ number: z.string().trim().min(1).max(40) }))
    .output(z.array(ZInvoiceSummary))
    .query(({ ctx, input }) => invoicesOfOrder({ db: ctx.db, number: input.number })),

  invoiceOrder: permissionProcedure("invoices.manage")
    .meta({ openapi: { method: "POST", path: "/orders/{number}/invoices", tags: invoiceTags, summary: "Invoice what is left to bill on an order (shipped, or ordered for invoice-on-order customers)", protect: true } })
    .input(ZInvoiceOrderInput)
    .output(ZInvoice)
    .mutation(({ ctx, input }) => invoiceOrder({ db: ctx.db, actor: ctx.actor, input })),

  issue: permissionProcedure("invoices.manage")
    .meta({ openapi: { method: "POST", path: "/invoices/{number}/issue", tags: invoiceTags, summary: "Issue a draft invoice (by id): it gets its gapless number", protect: true } })
    .input(ZInvoiceKey)
    .output(ZInvoice)
    .mutation(({ ctx, input }) => issueInvoice({ db: ctx.db, actor: ctx.actor, id: input.number })),

  void: permissionProcedure("invoices.manage")
    .meta({ openapi: { method: "POST", path: "/invoices/{number}/void", tags: invoiceTags, summary: "Void an invoice with no money applied (the number stays used)", protect: true } })
    .input(ZVoidInvoiceInput)
    .output(ZInvoice)
    .mutation(({ ctx, input }) => voidInvoice({ db: ctx.db, actor: ctx.actor, input })),
});


export const creditNotesRouter = createTRPCRouter({
  list: permissionProcedure("invoices.view")
    .meta({ openapi: { method: "GET", path: "/credit-notes", tags: creditTags, summary: "List credit notes by customer or order", protect: true } })
    .input(ZListCreditNotesInput)
    .output(zPage(ZCreditNote))
    .query(({ ctx, input }) => listCreditNotes({ db: ctx.db, input })),

  get: permissionProcedure("invoices.view")
    .meta({ openapi: { method: "GET", path: "/credit-notes/{number}", tags: creditTags, summary: "A credit note: like an invoice, negative in effect", protect: true } })
    .input(ZCreditNoteKey)
    .output(ZCreditNote)
    .query(({ ctx, input }) => getCreditNote({ db: ctx.db, number: input.number })),

  correctPrice: permissionProcedure("invoices.manage")
    .meta({ openapi: { method: "POST", path: "/credit-notes", tags: creditTags, summary: "Credit a price correction on an issued invoice (net per line; tax follows)", protect: true } })
    .input(ZPriceCorrectionInput)
    .output(ZCreditNote)
    .mutation(({ ctx, input }) => correctPrice({ db: ctx.db, actor: ctx.actor, input })),

  applyCredit: permissionProcedure("payments.record")
    .meta({ openapi: { method: "POST", path: "/credit-notes/{number}/apply", tags: creditTags, summary: "Apply what is left of a credit note to open invoices (by hand or oldest first)", protect: true } })
    .input(ZApplyCreditNoteInput)
    .output(ZCreditNote)
    .mutation(({ ctx, input }) => applyCreditNote({ db: ctx.db, actor: ctx.actor, input })),

  refund: permissionProcedure("payments.record")
    .meta({ openapi: { method: "POST", path: "/credit-notes/{number}/refund", tags: creditTags, summary: "Refund what is left of a credit note (recorded)", protect: true } })
    .input(ZRefundCreditNoteInput)
    .output(ZCreditNote)
    .mutation(({ ctx, input }) => refundCreditNote({ db: ctx.db, actor: ctx.actor, input })),
});

export const paymentsRouter = createTRPCRouter({
  list: permissionProcedure("payments.view")
    .meta({ openapi: { method: "GET", path: "/payments", tags: paymentTags, summary: "List payments by customer, or those with money not yet allocated", protect: true } })
    .input(ZListPaymentsInput)
    .output(zPage(ZPayment))
    .query(({ ctx, input }) => listPayments({ db: ctx.db, input })),

  get: permissionProcedure("payments.view")
    .meta({ openapi: { method: "GET", path: "/payments/{id}", tags: paymentTags, summary: "A payment with its allocations and refunds", protect: true } })
    .input(ZPaymentKey)
    .output(ZPayment)
    .query(({ ctx, input }) => getPayment({ db: ctx.db, id: input.id })),

  record: permissionProcedure("payments.record")
    .meta({ openapi: { method: "POST", path: "/payments", tags: paymentTags, summary: "Record a payment and allocate it (by hand, or oldest invoices first); the rest is customer credit", protect: true } })
    .input(ZRecordPaymentInput)
    .output(ZPayment)
    .mutation(({ ctx, input }) => recordPayment({ db: ctx.db, actor: ctx.actor, input })),

  allocate: permissionProcedure("payments.record")
    .meta({ openapi: { method: "POST", path: "/payments/{id}/allocate", tags: paymentTags, summary: "Apply what is left of a payment to open invoices", protect: true } })
    .input(ZAllocatePaymentInput)
    .output(ZPayment)
    .mutation(({ ctx, input }) => allocatePayment({ db: ctx.db, actor: ctx.actor, input })),

  refund: permissionProcedure("payments.record")
    .meta({ openapi: { method: "POST", path: "/payments/{id}/refund", tags: paymentTags, summary: "Refund unallocated money of a payment (recorded)", protect: true } })
    .input(ZRefundPaymentInput)
    .output(ZPayment)
    .mutation(({ ctx, input }) => refundPayment({ db: ctx.db, actor: ctx.actor, input })),

  reverseAllocation: permissionProcedure("payments.record")
    .meta({ openapi: { method: "POST", path: "/allocations/{id}/reverse", tags: paymentTags, summary: "Take an allocation back, with a reason (audited)", protect: true } })
    .input(ZReverseAllocationInput)
    .output(z.object({ id: z.string(), invoice: z.string(), amount: z.number().int() }))
    .mutation(({ ctx, input }) => reverseAllocation({ db: ctx.db, actor: ctx.actor, input })),
});

export const returnsRouter = createTRPCRouter({
  create: permissionProcedure("returns.create")
    .meta({ openapi: { method: "POST", path: "/orders/{number}/returns", tags: returnTags, summary: "Open a return (RMA) for shipped units", protect: true } })
    .input(ZCreateReturnInput)
    .output(ZReturn)
    .mutation(({ ctx, input }) => createReturn({ db: ctx.db, actor: ctx.actor, input })),

  list: permissionProcedure("returns.view")
    .meta({ openapi: { method: "GET", path: "/returns", tags: returnTags, summary: "List returns by status, order or customer", protect: true } })
    .input(ZListReturnsInput)
    .output(zPage(ZReturn))
    .query(({ ctx, input }) => listReturns({ db: ctx.db, input })),

  get: permissionProcedure("returns.view")
    .meta({ openapi: { method: "GET", path: "/returns/{id}", tags: returnTags, summary: "A return by number (RMA-…) or id", protect: true } })
    .input(ZReturnKey)
    .output(ZReturn)
    .query(({ ctx, input }) => getReturn({ db: ctx.db, id: input.id })),

  decide: permissionProcedure("returns.approve")
    .meta({ openapi: { method: "POST", path: "/returns/{id}/decide", tags: returnTags, summary: "Approve or reject a return waiting for a manager", protect: true } })
    .input(ZDecideReturnInput)
    .output(ZReturn)
    .mutation(({ ctx, input }) => decideReturn({ db: ctx.db, actor: ctx.actor, input })),

  receive: permissionProcedure("returns.receive")
    .meta({ openapi: { method: "POST", path: "/returns/{id}/receive", tags: returnTags, summary: "Receive a return: restock or scrap, and issue its credit note", protect: true } })
    .input(ZReceiveReturnInput)
    .output(ZReturn)
    .mutation(({ ctx, input }) => receiveReturn({ db: ctx.db, actor: ctx.actor, input })),

  reasons: permissionProcedure("returns.view")
    .meta({ openapi: { method: "GET", path: "/return-reasons", tags: returnTags, summary: "Reason codes for returns", protect: true } })
    .input(z.object({}))
    .output(z.object({ items: z.array(ZReturnReason), nextCursor: z.null() }))
    .query(async ({ ctx }) => ({ items: await listReturnReasons({ db: ctx.db }), nextCursor: null })),
});

export const receivablesRouter = createTRPCRouter({
  aging: permissionProcedure("receivables.view")
    .meta({ openapi: { method: "GET", path: "/receivables/aging", tags: reportTags, summary: "AR aging per customer and overall, customer credit and DSO", protect: true } })
    .input(ZAgingInput)
    .output(ZAging)
    .query(({ ctx, input }) => agingReport({ db: ctx.db, input })),

  statement: permissionProcedure("invoices.view")
    .meta({ openapi: { method: "GET", path: "/customers/{customer}/statement", tags: reportTags, summary: "A customer's statement: open items and credit", protect: true } })
    .input(ZStatementInput)
    .output(ZStatement)
    .query(({ ctx, input }) => customerStatement({ db: ctx.db, input })),

  balance: permissionProcedure("orders.view")
    .input(z.object({ customer: z.string().trim().min(1).max(40) }))
    .output(ZCustomerBalance)
    .query(async ({ ctx, input }) => customerBalance(ctx.db, (await loadCustomer(ctx.db, input.customer)).id)),

  journal: permissionProcedure("journal.export")
    .meta({ openapi: { method: "GET", path: "/journal", tags: reportTags, summary: "The accounting journal of a period: balanced entries per document", protect: true } })
    .input(ZJournalInput)
    .output(ZJournal)
    .query(({ ctx, input }) => journal({ db: ctx.db, input })),

  runDunning: permissionProcedure("billing.configure")
    .input(z.object({}))
    .output(z.object({ orders: z.number().int(), reminders: z.number().int() }))
    .mutation(({ ctx }) => runDunning(ctx.db)),

  settings: permissionProcedure("receivables.view")
    .input(z.object({}))
    .output(ZBillingSettingsDto)
    .query(({ ctx }) => getBillingSettings({ db: ctx.db })),

  updateSettings: permissionProcedure("billing.configure")
    .input(ZUpdateBillingSettingsInput)
    .output(ZBillingSettingsDto)
    .mutation(({ ctx, input }) => updateBillingSettings({ db: ctx.db, actor: ctx.actor, input })),
});
