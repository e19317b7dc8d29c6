import { renderToBuffer } from "@react-pdf/renderer";
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TCreditNote, TInvoice } from "~/server/billing/schemas";
import { CreditNotePdf } from "./credit-note-pdf";
import { InvoicePdf, type CompanyHeader } from "./invoice-pdf";

const company: CompanyHeader = {
  companyName: "Orderdesk Supply Co.",
  companyAddress: "200 Harbor Way\nNewark, NJ 07102\nUnited States",
  taxId: "EIN 12-3456789",
  remittance: "Pay by bank transfer to First Harbor Bank, account 004417702, routing 021000021. Quote the invoice number as the reference.",
};

const address = { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "US" };

const invoice: TInvoice = {
  id: "00000000-0000-4000-8000-000000000010",
  number: "INV-200001",
  order: "SO-100001",
  customer: { code: "C-10001", name: "Acme Industrial Supply" },
  shipment: "SH-700001",
  status: "partially_paid",
  overdue: false,
  daysOverdue: 0,
  currency: "USD",
  issueDate: "2026-11-21",
  dueDate: "2026-12-21",
  paymentTermsDays: 30,
  customerReference: "PO-77812",
  subtotal: 52_000,
  discountTotal: 2_000,
  taxTotal: 4_125,
  shippingTotal: 1_450,
  total: 55_575,
  amountPaid: 20_000,
  balance: 35_575,
  remindersSent: 0,
  voidReason: null,
  createdAt: "2026-11-21T15:00:00.000Z",
  billTo: { ...address, line1: "Accounts payable, 9 Broad St" },
  shipTo: address,
  voidedAt: null,
  voidedBy: null,
  createdBy: "Wes Warehouse",
  version: 2,
  lines: [
    { lineNo: 1, sku: "BLT-10315", description: "Hex bolt M8 × 40, zinc plated (box of 100)", quantity: 40, unitPrice: 1_000, discount: 2_000, lineTotal: 38_000, tax: 3_135, taxRatePpm: 82_500 },
    { lineNo: 2, sku: "NUT-200", description: "Nut M8", quantity: 12, unitPrice: 1_000, discount: 0, lineTotal: 12_000, tax: 990, taxRatePpm: 82_500 },
    { lineNo: 3, sku: "SRV-SETUP", description: "Setup service (tax exempt)", quantity: 1, unitPrice: 0, discount: 0, lineTotal: 0, tax: 0, taxRatePpm: 0 },
  ],
  taxes: [
    { ratePpm: 82_500, taxable: 50_000, tax: 4_125 },
    { ratePpm: 0, taxable: 0, tax: 0 },
  ],
  allocations: [
    {
      id: "a1",
      invoice: "INV-200001",
      source: { kind: "payment", id: "p1", label: "Bank transfer BT-7781 of 2026-11-25" },
      amount: 20_000,
      appliedOn: "2026-11-25",
      createdBy: "Fay Finance",
      reversed: null,
    },
  ],
  creditNotes: [],
};

const note: TCreditNote = {
  id: "00000000-0000-4000-8000-000000000020",
  number: "CN-300001",
  kind: "price_correction",
  customer: invoice.customer,
  order: "SO-100001",
  invoice: "INV-200001",
  return: null,
  currency: "USD",
  issueDate: "2026-11-28",
  reason: "Agreed contract price for bolts",
  subtotal: 4_000,
  taxTotal: 330,
  total: 4_330,
  amountApplied: 4_000,
  amountRefunded: 0,
  remaining: 330,
  createdBy: "Fay Finance",
  createdAt: "2026-11-28T10:00:00.000Z",
  lines: [{ sku: "BLT-10315", description: "Price correction: Hex bolt M8", quantity: null, amount: 4_000, tax: 330, taxRatePpm: 82_500 }],
  taxes: [{ ratePpm: 82_500, taxable: 4_000, tax: 330 }],
  allocations: [{ ...invoice.allocations[0]!, id: "a2", source: { kind: "credit_note", id: "c1", label: "CN-300001" }, amount: 4_000 }],
  refunds: [],
};

/** PDF_OUT=/tmp/inv writes the rendered files there, to look at them as pictures (pdftoppm -png -r 60). */
function keep(name: string, pdf: Buffer) {
  if (process.env.PDF_OUT) writeFileSync(`${process.env.PDF_OUT}-${name}.pdf`, pdf);
}

describe("billing documents", () => {
  it("renders an issued invoice as a PDF", async () => {
    const pdf = await renderToBuffer(<InvoicePdf invoice={invoice} company={company} />);
    keep("issued", pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(3000);
  });

  it("marks a void invoice VOID with its reason, and a draft DRAFT", async () => {
    const voided = await renderToBuffer(
      <InvoicePdf invoice={{ ...invoice, status: "void", amountPaid: 0, balance: 0, allocations: [], voidReason: "Billed to the wrong account", voidedAt: "2026-11-22T09:00:00.000Z" }} company={company} />,
    );
    keep("void", voided);
    expect(voided.subarray(0, 5).toString()).toBe("%PDF-");
    const draft = await renderToBuffer(<InvoicePdf invoice={{ ...invoice, number: null, status: "draft", issueDate: null, dueDate: null, amountPaid: 0, balance: invoice.total, allocations: [], billTo: null }} company={company} />);
    keep("draft", draft);
    expect(draft.subarray(0, 5).toString()).toBe("%PDF-");
    // Different documents: the stamp and the notes are there.
    expect(voided.length).not.toBe(draft.length);
  });

  it("renders a credit note with the invoice's building blocks", async () => {
    const pdf = await renderToBuffer(<CreditNotePdf note={note} company={company} />);
    keep("credit-note", pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const returned = await renderToBuffer(<CreditNotePdf note={{ ...note, kind: "return", invoice: null, return: "RMA-400001", lines: [{ ...note.lines[0]!, quantity: 4 }], allocations: [], amountApplied: 0, remaining: note.total }} company={company} />);
    expect(returned.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
