import { describe, expect, it } from "vitest";
import type { TInvoiceSummary } from "~/server/billing/schemas";
import type { TProduct } from "~/server/catalog/schemas";
import type { TCustomer } from "~/server/customers/schemas";
import { customerColumns, invoiceColumns, productColumns } from "./export-columns";

const customer: TCustomer = {
  code: "ACME",
  name: "@Acme",
  segment: "industrial",
  demandClass: "A",
  currency: "USD",
  creditLimit: 123_450,
  paymentTermsDays: 30,
  taxExempt: false,
  taxExemptions: [],
  invoiceOnOrder: true,
  billFreight: false,
  email: null,
  billingEmail: null,
  phone: "+1 555 0100",
  billingAddress: null,
  shippingAddress: { line1: "1 Main", city: "Springfield", region: "IL", postalCode: "62701", country: "US" },
  isArchived: false,
  createdAt: "2026-12-03T12:58:05.826Z",
  version: 1,
};

describe("export columns", () => {
  it("customers: one cell per column, money as decimals, phone and name neutralised, ISO time", () => {
    const [row] = customerColumns.rows([customer]);
    expect(row).toHaveLength(customerColumns.columns.length);
    const cell = (name: string) => row![customerColumns.columns.indexOf(name)];
    expect(cell("name")).toBe("'@Acme");
    expect(cell("phone")).toBe("'+1 555 0100");
    expect(cell("credit_limit")).toBe("1234.50");
    expect(cell("email")).toBe("");
    expect(cell("ship_city")).toBe("Springfield");
    expect(cell("invoice_on_order")).toBe("true");
    expect(cell("created_at")).toBe("2026-12-03T12:58:05.826Z");
  });

  it("products: prices in the product's currency (JPY has no minor units)", () => {
    const product: TProduct = { sku: "-X1", name: "Bolt", category: "Fasteners", unit: "box", currency: "JPY", listPrice: 1200, cost: 600, weightGrams: 100, taxCategory: "standard", leadTimeDays: 14, packSize: 1, isArchived: false, version: 1 };
    const [row] = productColumns.rows([product]);
    expect(row).toHaveLength(productColumns.columns.length);
    expect(row!.slice(0, 7)).toEqual(["'-X1", "Bolt", "Fasteners", "box", "JPY", "1200", "600"]);
  });

  it("invoices: a draft has no number or dates; amounts are decimals", () => {
    const invoice = {
      id: "d1",
      number: null,
      order: "SO-100001",
      customer: { code: "ACME", name: "Acme" },
      shipment: null,
      status: "draft",
      overdue: false,
      daysOverdue: 0,
      currency: "USD",
      issueDate: null,
      dueDate: null,
      paymentTermsDays: 30,
      customerReference: "=1+1",
      subtotal: 1000,
      discountTotal: 0,
      taxTotal: 80,
      shippingTotal: 0,
      total: 1080,
      amountPaid: 0,
      balance: 1080,
    } as TInvoiceSummary;
    const [row] = invoiceColumns.rows([invoice]);
    expect(row).toHaveLength(invoiceColumns.columns.length);
    const cell = (name: string) => row![invoiceColumns.columns.indexOf(name)];
    expect([cell("number"), cell("issue_date"), cell("customer_reference"), cell("total"), cell("balance")]).toEqual(["", "", "'=1+1", "10.80", "10.80"]);
  });
});
