import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { mutate, pickPackShip, placeOrder, planAndBatch, query, skusWithStock } from "../fulfillment/fixtures";

/**
 * Data for the returns journey, made through the app's own API with the demo users' sessions: a rep's
 * order for one of the roomier customers, planned, picked, packed and shipped by the warehouse — shipping
 * issues the shipment's invoice in the same transaction.
 */

type Customer = { code: string; name: string; creditLimit: number; isArchived: boolean };
export type ShippedOrder = {
  number: string;
  customer: Customer;
  lines: { sku: string; quantity: number; lineTotal: number; tax: number }[];
};

/**
 * A customer with room on its credit limit, but not the roomiest one (other journeys bill that one, and
 * the balance this journey compares must move only by its own credit note).
 */
async function customerForReturns(request: APIRequestContext): Promise<Customer> {
  const customers = await query<{ items: Customer[] }>(request, "customers.list", { limit: 100 });
  const roomy = customers.items.filter((c) => !c.isArchived).sort((a, b) => b.creditLimit - a.creditLimit);
  expect(roomy.length, "customers with credit").toBeGreaterThan(6);
  return roomy[1 + Math.floor(Math.random() * 5)]!;
}

/** A shipped and invoiced order of two SKUs (3 and 2 units) from EAST. */
export async function shippedInvoicedOrder(rep: APIRequestContext, warehouse: APIRequestContext): Promise<ShippedOrder> {
  const [s1, s2] = await skusWithStock(rep, 2, { min: 40 });
  const customer = await customerForReturns(rep);
  const tag = Date.now().toString(36).toUpperCase();
  const placed = await placeOrder(rep, customer.code, [{ sku: s1!, quantity: 3 }, { sku: s2!, quantity: 2 }], `E2E-RMA-${tag}`);
  const { shipments } = await planAndBatch(warehouse, [placed.number]);
  expect(shipments).toHaveLength(1);
  await pickPackShip(warehouse, shipments[0]!.number, { tracking: `1Z999AA1${Date.now().toString().slice(-10)}` });
  const order = await query<ShippedOrder & { fulfillmentStatus: string }>(rep, "orders.get", { number: placed.number });
  expect(order.fulfillmentStatus).toBe("shipped");
  const invoices = await query<{ number: string | null; status: string }[]>(rep, "invoices.ofOrder", { number: placed.number });
  expect(invoices.filter((i) => i.number && i.status !== "void").length, `${placed.number} is invoiced`).toBeGreaterThan(0);
  return { number: placed.number, customer, lines: order.lines };
}

/** A manager approves a return that waits for one (worth more than the approval value). */
export async function approveAsManager(manager: APIRequestContext, rma: string) {
  return mutate(manager, "returns.decide", { id: rma, approve: true, note: "Approved in the e2e journey" });
}

/** The customer's open balance as the order-entry account panel shows it (minor units), on a fresh /orders/new. */
export async function openBalanceInAccountPanel(page: Page, customer: Customer): Promise<number> {
  await page.goto("/orders/new");
  const field = page.getByRole("combobox", { name: "Customer", exact: true });
  await expect(field).toBeVisible();
  await field.fill(customer.code);
  const option = page.getByRole("listbox", { name: "Matching accounts" }).getByRole("option").filter({ hasText: customer.code }).first();
  await expect(option).toBeVisible();
  await option.click();
  const panel = page.getByRole("complementary", { name: "Account summary" });
  await expect(panel.getByRole("heading", { name: customer.name })).toBeVisible();
  const balance = panel.getByTestId("open-balance").locator("[data-amount]");
  await expect(balance).toBeVisible();
  return Number(await balance.getAttribute("data-amount"));
}
