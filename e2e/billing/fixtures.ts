import { expect, type APIRequestContext, type Browser } from "@playwright/test";
import { contextAs, mutate, pickPackShip, placeOrder, planAndBatch, query, skusWithStock } from "../fulfillment/fixtures";

/**
 * Billing data for the finance journeys, made through the app's own use cases over HTTP (tRPC with each
 * demo role's session), the way the desk makes it: finance opens a customer account, a rep takes orders,
 * the warehouse plans, picks, packs and ships them, and shipping issues each shipment's invoice.
 */

export type Invoice = { id: string; number: string; order: string; status: string; total: number; balance: number; dueDate: string | null };

/**
 * A customer nobody else uses, with net-30 terms, billed to EAST's region. Its credit line has room for the
 * small orders here but stays below the demo's big accounts, so specs that borrow "the customer with the
 * most credit" (fulfillment's `roomyCustomer`) never pick it and add invoices of their own.
 */
export async function freshCustomer(request: APIRequestContext, label = "PAY") {
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
  const code = `E2E-${label}-${tag}`;
  const customer = await mutate<{ code: string; name: string; currency: string }>(request, "customers.create", {
    code,
    name: `E2E ${label} Traders ${tag}`,
    segment: "wholesale",
    creditLimit: 2_500_000,
    paymentTermsDays: 30,
    email: `ap+${tag.toLowerCase()}@e2e.example`,
    billingAddress: { line1: "1 Harbor Way", city: "Newark", region: "NJ", postalCode: "07102", country: "US" },
  });
  return customer;
}

/** The customer's invoices, newest first, as the API lists them. */
export async function invoicesOf(request: APIRequestContext, customer: string, status?: "open" | "paid"): Promise<Invoice[]> {
  const page = await query<{ items: Invoice[] }>(request, "invoices.list", { customer, limit: 50, ...(status ? { status } : {}) });
  return page.items;
}

/**
 * A fresh customer with two issued invoices: two orders (different SKUs, so the duplicate-order rule
 * leaves them alone), each planned, picked, packed and shipped from EAST; shipping invoices each one.
 */
export async function customerWithTwoInvoices(browser: Browser, finance: APIRequestContext) {
  const customer = await freshCustomer(finance);
  const rep = await contextAs(browser, "rep");
  const warehouse = await contextAs(browser, "warehouse");
  try {
    const [s1, s2, s3] = await skusWithStock(rep.request, 3);
    const tag = Date.now().toString(36).toUpperCase();
    const a = await placeOrder(rep.request, customer.code, [{ sku: s1!, quantity: 2 }, { sku: s2!, quantity: 1 }], `E2E-PAY-A-${tag}`);
    const b = await placeOrder(rep.request, customer.code, [{ sku: s3!, quantity: 3 }], `E2E-PAY-B-${tag}`);
    const { shipments } = await planAndBatch(warehouse.request, [a.number, b.number]);
    expect(shipments, "one shipment per order").toHaveLength(2);
    for (const [i, shipment] of shipments.entries()) {
      await pickPackShip(warehouse.request, shipment.number, { tracking: `1Z999AA1${Date.now().toString().slice(-9)}${i}` });
    }
    const invoices = await invoicesOf(finance, customer.code, "open");
    expect(invoices.map((i) => i.order).sort(), "shipping issued one invoice per order").toEqual([a.number, b.number].sort());
    for (const invoice of invoices) {
      expect(invoice.status, `${invoice.number} is issued`).toBe("issued");
      expect(invoice.balance, `${invoice.number} owes its total`).toBe(invoice.total);
    }
    return { customer, invoices, orders: [a.number, b.number] };
  } finally {
    await rep.close();
    await warehouse.close();
  }
}

/** Minor units as typed in an amount field: 123450 → "1234.50". */
export const decimal = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

/** Minor units as the desk shows them in en-US: 123450 → "$1,234.50". */
export const usd = (minor: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(minor / 100);
