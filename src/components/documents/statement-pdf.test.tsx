import { renderToBuffer } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import type { TStatement } from "~/server/billing/schemas";
import { StatementPdf } from "./statement-pdf";

const company = {
  companyName: "Orderdesk Supply Co.",
  companyAddress: "200 Harbor Way\nNewark, NJ 07102\nUnited States",
  taxId: "EIN 12-3456789",
  remittance: "Pay by bank transfer to First Harbor Bank, account 004417702. Quote the invoice number.",
};

const statement: TStatement = {
  asOf: "2026-11-21",
  customer: {
    code: "C-10001",
    name: "Acme Industrial",
    paymentTermsDays: 30,
    billingAddress: { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "US" },
  },
  currency: "USD",
  openInvoices: [
    { number: "INV-200001", order: "SO-100001", customerReference: "PO-77", issueDate: "2026-08-01", dueDate: "2026-08-31", total: 125_000, amountPaid: 25_000, balance: 100_000, daysOverdue: 82, bucket: "61-90" },
    { number: "INV-200002", order: "SO-100002", customerReference: null, issueDate: "2026-11-01", dueDate: "2026-12-01", total: 40_050, amountPaid: 0, balance: 40_050, daysOverdue: 0, bucket: "current" },
  ],
  credits: [{ kind: "payment", label: "Bank transfer BT-7781 of 2026-11-02", date: "2026-11-02", amount: 5_000 }],
  buckets: { current: 40_050, "1-30": 0, "31-60": 0, "61-90": 100_000, "90+": 0 },
  totalDue: 140_050,
  totalCredit: 5_000,
  balance: 135_050,
};

describe("statement PDF", () => {
  it("renders open invoices, credit and the company header", async () => {
    const pdf = await renderToBuffer(<StatementPdf statement={statement} company={company} />);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(2000);
  });

  it("renders a statement with nothing open, no address and more credit than owed", async () => {
    const empty: TStatement = {
      ...statement,
      customer: { ...statement.customer, billingAddress: null, paymentTermsDays: 0 },
      openInvoices: [],
      buckets: { current: 0, "1-30": 0, "31-60": 0, "61-90": 0, "90+": 0 },
      totalDue: 0,
      balance: -5_000,
    };
    const pdf = await renderToBuffer(<StatementPdf statement={empty} company={{ ...company, taxId: "" }} />);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("runs onto more pages when a customer has many open invoices", async () => {
    const many: TStatement = {
      ...statement,
      openInvoices: Array.from({ length: 80 }, (_, i) => ({ ...statement.openInvoices[0]!, number: `INV-${300000 + i}` })),
    };
    const pdf = await renderToBuffer(<StatementPdf statement={many} company={company} />);
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);
  });
});
