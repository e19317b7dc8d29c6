import { COMPANY_TIME_ZONE, todayIn } from "~/lib/dates";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "~/server/catalog/create-product";
import { runAt } from "~/server/clock";
import { createCustomer } from "~/server/customers/create-customer";
import { auditEvents } from "~/server/db/schema";
import { exceptions } from "~/server/exceptions/schema";
import { pickShipment } from "~/server/fulfillment/pick-shipment";
import { planShipments } from "~/server/fulfillment/plan-shipments";
import { shipShipment } from "~/server/fulfillment/ship-shipment";
import { outboxMessages } from "~/server/integration/schema";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { stockLevels, stockMovements } from "~/server/inventory/schema";
import { orderBilling } from "./order-billing";
import { createOrder } from "~/server/orders/create-order";
import { loadOrder, toOrderDto } from "~/server/orders/queries";
import { saveDiscountRule } from "~/server/pricing/discount-rules";
import { setTaxRate } from "~/server/pricing/tax-and-limits";
import { expectBooksBalance } from "~/test/books";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { allocatePayment } from "./allocate-payment";
import { correctPrice } from "./correct-price";
import { createReturn } from "./create-return";
import { decideOrderReturns, decideReturn } from "./decide-return";
import { getReturn } from "./get-return";
import { resolveExceptions } from "~/server/exceptions/resolve-exceptions";
import { orderShipments } from "~/server/fulfillment";
import { exceptionOrders } from "~/server/orders/exception-orders";
import { getCreditNote } from "./get-credit-note";
import { invoiceOrder } from "./invoice-order";
import { journal } from "./journal";
import { getInvoice, invoicesOfOrder, listInvoices } from "./list-invoices";
import { receiveReturn } from "./receive-return";
import { agingReport, customerBalance, customerStatement } from "./receivables";
import { recordPayment } from "./record-payment";
import { refundPayment } from "./refund-credit";
import { reverseAllocation } from "./reverse-allocation";
import { runDunning } from "./run-dunning";
import { invoices } from "./schema";
import { updateBillingSettings, getBillingSettings } from "./settings";
import { voidInvoice } from "./void-invoice";

let t: TestDb;
let customerCounter = 0;
let skuCounter = 0;

beforeAll(async () => {
  t = await createTestDb({ max: 10 });
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db, { quantity: 100_000 });
  // NJ sales tax on standard goods (the fixtures' address), and 7% off the discounted parts: every invoice
  // line has a discount and tax to split.
  await setTaxRate({ db: t.db, actor: actors.admin, input: { country: "US", region: "NJ", taxCategory: "standard", ratePercent: 6.625 } });
});
afterAll(() => t.cleanup());

async function customer(extra: { invoiceOnOrder?: boolean; billFreight?: boolean; paymentTermsDays?: number } = {}) {
  const code = `BILL-${++customerCounter}`;
  await createCustomer({
    db: t.db,
    actor: actors.admin,
    input: { code, name: `Billing customer ${customerCounter}`, segment: "wholesale", demandClass: "B", currency: "USD", creditLimit: 100_000_000, paymentTermsDays: extra.paymentTermsDays ?? 30, taxExempt: false, billingAddress: address, ...extra },
  });
  return code;
}

/** A product at `listPrice` with 7% off (a line discount rule), stocked in EAST. */
async function product(listPrice = 1_999) {
  const sku = `INV-P${++skuCounter}`;
  await createProduct({ db: t.db, actor: actors.admin, input: { sku, name: `Billed part ${skuCounter}`, category: "Fasteners", unit: "each", currency: "USD", listPrice, cost: 500, weightGrams: 100, taxCategory: "standard", leadTimeDays: 14 } });
  await adjustStock({ db: t.db, actor: actors.admin, input: { sku, warehouse: "EAST", quantity: 1_000, reason: "initial_stock" } });
  await saveDiscountRule({ db: t.db, actor: actors.admin, input: { code: `D-${sku}`, name: `7% off ${sku}`, scope: "line", percentOff: 7, currency: "USD", conditions: { sku }, priority: 0, stackable: false } });
  return sku;
}

const order = (customerCode: string, lines: { sku: string; quantity: number }[], reference?: string) =>
  createOrder({ db: t.db, actor: actors.rep, input: { customer: customerCode, channel: "phone", lines, draft: false, customerReference: reference }, billing: orderBilling });

/** Plans, picks and ships units of an order (all that is reserved when `lines` is left out). */
async function ship(number: string, lines?: { sku: string; quantity: number }[], freightCost?: number) {
  const { shipments } = await planShipments({ db: t.db, actor: actors.warehouse, input: { number, lines } });
  for (const s of shipments) {
    await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: s.number, lines: [] } });
    await shipShipment({ db: t.db, actor: actors.warehouse, input: { id: s.number, carrier: "UPS", trackingNumber: `1Z${s.number}`, freightCost } });
  }
  return shipments;
}

const orderNow = async (number: string) => toOrderDto(t.db, await loadOrder(t.db, number));
const numberOf = (invoiceNumber: string | null) => Number(invoiceNumber!.slice(4));

describe("invoices from shipments", () => {
  it("bills each shipment's units; the invoices of partial shipments sum to the order to the cent, tax and discounts per line", async () => {
    const code = await customer();
    const [a, b] = [await product(1_999), await product(333)];
    const placed = await order(code, [
      { sku: a, quantity: 7 },
      { sku: b, quantity: 3 },
    ]);
    expect(placed.discountTotal).toBeGreaterThan(0);
    expect(placed.taxTotal).toBeGreaterThan(0);

    await ship(placed.number, [
      { sku: a, quantity: 2 },
      { sku: b, quantity: 1 },
    ]);
    await ship(placed.number, [{ sku: a, quantity: 4 }]);
    await ship(placed.number);

    const list = await invoicesOfOrder({ db: t.db, number: placed.number });
    expect(list).toHaveLength(3);
    const full = await Promise.all(list.map((i) => getInvoice({ db: t.db, number: i.number! })));
    // Sequential without gaps, issued today, due by the customer's terms.
    expect(full.map((i) => numberOf(i.number))).toEqual([numberOf(full[0]!.number), numberOf(full[0]!.number) + 1, numberOf(full[0]!.number) + 2]);
    for (const i of full) expect(i).toMatchObject({ status: "issued", paymentTermsDays: 30, balance: i.total, overdue: false });
    // Quantities billed per line = shipped; amounts sum to the order exactly.
    const now = await orderNow(placed.number);
    const sum = (f: (i: (typeof full)[number]) => number) => full.reduce((s, i) => s + f(i), 0);
    expect(sum((i) => i.total)).toBe(now.total);
    expect(sum((i) => i.taxTotal)).toBe(now.taxTotal);
    expect(sum((i) => i.discountTotal)).toBe(now.discountTotal);
    expect(sum((i) => i.subtotal)).toBe(now.subtotal);
    for (const line of now.lines) {
      const billed = full.flatMap((i) => i.lines).filter((l) => l.sku === line.sku);
      expect(billed.reduce((s, l) => s + l.quantity, 0)).toBe(line.quantity);
      expect(billed.reduce((s, l) => s + l.tax, 0)).toBe(line.tax);
      expect(billed.reduce((s, l) => s + l.lineTotal, 0)).toBe(line.lineTotal);
      for (const l of billed) expect(l.taxRatePpm).toBe(66_250);
    }
    expect(full[0]!.taxes).toEqual([{ ratePpm: 66_250, taxable: full[0]!.lines.reduce((s, l) => s + l.lineTotal, 0), tax: full[0]!.taxTotal }]);
    // Everything shipped and invoiced: the order is complete, its lines say so.
    expect(now).toMatchObject({ status: "completed", billingStatus: "invoiced", lines: [{ invoiced: 7 }, { invoiced: 3 }] });
    // Never twice: nothing is left to invoice by hand.
    await expect(invoiceOrder({ db: t.db, actor: actors.finance, input: { number: placed.number, draft: false } })).rejects.toMatchObject({ code: "NOTHING_TO_INVOICE" });
    // The customer's copy waits in the outbox with the PDF's address.
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.topic, "email.invoice"));
    expect(mails.some((m) => m.subject === `Invoice ${full[0]!.number}` && (m.payload as { pdf?: string }).pdf === `/invoices/${full[0]!.number}/pdf`)).toBe(true);
  });

  it("bills customers invoiced on order at submission, for the ordered units, and never again when the goods ship", async () => {
    const code = await customer({ invoiceOnOrder: true });
    const sku = await product(1_250);
    const placed = await order(code, [{ sku, quantity: 5 }]);
    const [invoice] = await invoicesOfOrder({ db: t.db, number: placed.number });
    expect(invoice).toMatchObject({ status: "issued", total: placed.total, shipment: null });
    expect((await orderNow(placed.number)).lines[0]).toMatchObject({ invoiced: 5, shipped: 0 });
    await ship(placed.number);
    expect(await invoicesOfOrder({ db: t.db, number: placed.number })).toHaveLength(1);
    expect(await orderNow(placed.number)).toMatchObject({ status: "completed", billingStatus: "invoiced" });
  });

  it("adds the shipment's freight when the customer's terms say prepay and add, and the order's total follows", async () => {
    const withFreight = await customer({ billFreight: true });
    const without = await customer();
    const sku = await product(1_000);
    const a = await order(withFreight, [{ sku, quantity: 2 }]);
    const b = await order(without, [{ sku, quantity: 2 }]);
    await ship(a.number, undefined, 1_250);
    await ship(b.number, undefined, 1_250);
    const [billed] = await invoicesOfOrder({ db: t.db, number: a.number });
    const [free] = await invoicesOfOrder({ db: t.db, number: b.number });
    expect(billed).toMatchObject({ shippingTotal: 1_250, total: a.total + 1_250 });
    expect(free).toMatchObject({ shippingTotal: 0, total: b.total });
    expect(await orderNow(a.number)).toMatchObject({ shippingTotal: 1_250, total: a.total + 1_250 });
  });

  it("numbers invoices without gaps when many shipments ship at once", async () => {
    const code = await customer();
    const sku = await product(500);
    const placed = await Promise.all(Array.from({ length: 8 }, (_, i) => order(code, [{ sku, quantity: i + 1 }])));
    const planned = await Promise.all(placed.map((o) => planShipments({ db: t.db, actor: actors.warehouse, input: { number: o.number } })));
    await Promise.all(planned.map(({ shipments: [s] }) => pickShipment({ db: t.db, actor: actors.warehouse, input: { id: s!.number, lines: [] } })));
    await Promise.all(planned.map(({ shipments: [s] }) => shipShipment({ db: t.db, actor: actors.warehouse, input: { id: s!.number, carrier: "UPS", trackingNumber: `1Z${s!.number}` } })));
    const numbers = (await t.db.select({ number: invoices.number }).from(invoices)).map((r) => numberOf(r.number)).sort((x, y) => x - y);
    expect(numbers.at(-1)! - numbers[0]! + 1).toBe(numbers.length);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe("void and corrections", () => {
  it("voids only an invoice with no money applied, keeps its number, and bills the units again on a new number", async () => {
    const code = await customer();
    const sku = await product(2_000);
    const placed = await order(code, [{ sku, quantity: 3 }]);
    await ship(placed.number);
    const [first] = await invoicesOfOrder({ db: t.db, number: placed.number });
    const payment = await recordPayment({ db: t.db, actor: actors.finance, input: { customer: code, amount: 1_000, method: "cheque", reference: "CHQ-1", autoAllocate: true } });
    await expect(voidInvoice({ db: t.db, actor: actors.finance, input: { number: first!.number!, reason: "wrong address" } })).rejects.toMatchObject({ code: "INVOICE_HAS_PAYMENTS" });

    await reverseAllocation({ db: t.db, actor: actors.finance, input: { id: payment.allocations[0]!.id, reason: "cheque bounced" } });
    const voided = await voidInvoice({ db: t.db, actor: actors.finance, input: { number: first!.number!, reason: "wrong address" } });
    expect(voided).toMatchObject({ number: first!.number, status: "void", voidReason: "wrong address", balance: 0 });
    expect(await orderNow(placed.number)).toMatchObject({ status: "open", billingStatus: "unbilled", lines: [{ invoiced: 0, shipped: 3 }] });
    await expect(voidInvoice({ db: t.db, actor: actors.finance, input: { number: first!.number!, reason: "again" } })).rejects.toMatchObject({ code: "INVOICE_VOID" });

    const again = await invoiceOrder({ db: t.db, actor: actors.finance, input: { number: placed.number, draft: false } });
    expect(numberOf(again.number)).toBeGreaterThan(numberOf(first!.number));
    expect(again).toMatchObject({ status: "issued", total: first!.total });
    expect(await orderNow(placed.number)).toMatchObject({ status: "completed", billingStatus: "invoiced" });
  });

  it("issues a draft with its number only when it is issued", async () => {
    const code = await customer({ invoiceOnOrder: false });
    const sku = await product(800);
    const placed = await order(code, [{ sku, quantity: 2 }]);
    await ship(placed.number);
    const [auto] = await invoicesOfOrder({ db: t.db, number: placed.number });
    await voidInvoice({ db: t.db, actor: actors.finance, input: { number: auto!.number!, reason: "re-bill as a draft" } });
    const draft = await invoiceOrder({ db: t.db, actor: actors.finance, input: { number: placed.number, draft: true } });
    expect(draft).toMatchObject({ status: "draft", number: null, issueDate: null });
    const { issueInvoice } = await import("./issue-invoice");
    const issued = await issueInvoice({ db: t.db, actor: actors.finance, id: draft.id });
    expect(issued).toMatchObject({ status: "issued", total: draft.total });
    expect(issued.number).toMatch(/^INV-\d+$/);
  });

  it("credits a price correction per line with tax at the line's proportion, never more than the line", async () => {
    const code = await customer();
    const sku = await product(10_000);
    const placed = await order(code, [{ sku, quantity: 1 }]);
    await ship(placed.number);
    const [inv] = await invoicesOfOrder({ db: t.db, number: placed.number });
    const full = await getInvoice({ db: t.db, number: inv!.number! });
    await expect(correctPrice({ db: t.db, actor: actors.finance, input: { invoice: inv!.number!, reason: "agreed price", lines: [{ lineNo: 1, amount: full.lines[0]!.lineTotal + 1 }] } })).rejects.toMatchObject({
      details: { fields: { "lines.0.amount": [expect.stringContaining("left to credit")] } },
    });
    const note = await correctPrice({ db: t.db, actor: actors.finance, input: { invoice: inv!.number!, reason: "agreed price", lines: [{ lineNo: 1, amount: 1_000 }] } });
    expect(note).toMatchObject({ kind: "price_correction", subtotal: 1_000, taxTotal: 66, total: 1_066, amountApplied: 1_066, remaining: 0, invoice: inv!.number });
    expect(await getInvoice({ db: t.db, number: inv!.number! })).toMatchObject({ status: "partially_paid", balance: full.total - 1_066, creditNotes: [{ number: note.number }] });
  });
});

describe("payments and allocation", () => {
  async function twoInvoices() {
    const code = await customer();
    const sku = await product(5_000);
    const first = await runAt(new Date(Date.now() - 3 * 86_400_000), async () => {
      const o = await order(code, [{ sku, quantity: 1 }]);
      await ship(o.number);
      return (await invoicesOfOrder({ db: t.db, number: o.number }))[0]!;
    });
    const o2 = await order(code, [{ sku, quantity: 2 }]);
    await ship(o2.number);
    const second = (await invoicesOfOrder({ db: t.db, number: o2.number }))[0]!;
    return { code, first, second };
  }

  it("applies a payment to the oldest invoices first, partly to the next, and keeps an over-payment as credit", async () => {
    const { code, first, second } = await twoInvoices();
    const payment = await recordPayment({ db: t.db, actor: actors.finance, input: { customer: code, amount: first.total + 100, method: "bank_transfer", reference: "BT-1", autoAllocate: true } });
    expect(payment.allocations.map((a) => [a.invoice, a.amount])).toEqual([
      [first.number, first.total],
      [second.number, 100],
    ]);
    expect(payment).toMatchObject({ amountAllocated: first.total + 100, unallocated: 0 });
    expect(await getInvoice({ db: t.db, number: first.number! })).toMatchObject({ status: "paid", balance: 0 });
    expect(await getInvoice({ db: t.db, number: second.number! })).toMatchObject({ status: "partially_paid", balance: second.total - 100 });
    expect(await orderNow(first.order)).toMatchObject({ billingStatus: "paid" });

    const over = await recordPayment({ db: t.db, actor: actors.finance, input: { customer: code, amount: second.total, method: "card", autoAllocate: true } });
    expect(over).toMatchObject({ amountAllocated: second.total - 100, unallocated: 100 });
    expect(await customerBalance(t.db, (await t.db.select().from(invoices).where(eq(invoices.id, second.id)))[0]!.customerId)).toMatchObject({ openBalance: 0, credit: 100 });
    // The credit is refunded (recorded), never more than is left.
    await expect(refundPayment({ db: t.db, actor: actors.finance, input: { id: over.id, amount: 101, method: "bank_transfer" } })).rejects.toMatchObject({ details: { fields: { amount: [expect.any(String)] } } });
    const refunded = await refundPayment({ db: t.db, actor: actors.finance, input: { id: over.id, amount: 100, method: "bank_transfer", reference: "RF-1" } });
    expect(refunded).toMatchObject({ unallocated: 0, amountRefunded: 100, refunds: [{ amount: 100, reference: "RF-1" }] });
  });

  it("allocates by hand, refuses more than an invoice owes naming the field, and takes an allocation back (audited)", async () => {
    const { code, first, second } = await twoInvoices();
    await expect(
      recordPayment({ db: t.db, actor: actors.finance, input: { customer: code, amount: 10_000_000, method: "cheque", allocations: [{ invoice: second.number!, amount: second.total + 1 }], autoAllocate: true } }),
    ).rejects.toMatchObject({ details: { fields: { "allocations.0.amount": [expect.stringContaining("owes only")] } } });
    await expect(
      recordPayment({ db: t.db, actor: actors.finance, input: { customer: code, amount: 10, method: "cheque", allocations: [{ invoice: second.number!, amount: 20 }], autoAllocate: true } }),
    ).rejects.toMatchObject({ details: { fields: { allocations: [expect.stringContaining("available")] } } });

    const payment = await recordPayment({
      db: t.db,
      actor: actors.finance,
      input: { customer: code, amount: second.total + 500, method: "cheque", reference: "CHQ-77", allocations: [{ invoice: second.number!, amount: second.total }], autoAllocate: true },
    });
    expect(payment).toMatchObject({ unallocated: 500, allocations: [{ invoice: second.number, amount: second.total }] });
    expect(await getInvoice({ db: t.db, number: second.number! })).toMatchObject({ status: "paid" });
    expect(await getInvoice({ db: t.db, number: first.number! })).toMatchObject({ status: "issued" });

    const reversed = await reverseAllocation({ db: t.db, actor: actors.finance, input: { id: payment.allocations[0]!.id, reason: "applied to the wrong invoice" } });
    expect(reversed).toMatchObject({ invoice: second.number, amount: second.total });
    expect(await getInvoice({ db: t.db, number: second.number! })).toMatchObject({ status: "issued", balance: second.total, allocations: [{ reversed: { reason: "applied to the wrong invoice", by: "Fran Finance" } }] });
    await expect(reverseAllocation({ db: t.db, actor: actors.finance, input: { id: payment.allocations[0]!.id, reason: "again" } })).rejects.toMatchObject({ code: "ALLOCATION_REVERSED" });
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "allocation"), eq(auditEvents.entityId, payment.allocations[0]!.id)));
    expect(audit).toMatchObject([{ action: "reversed", actor: "Fran Finance" }]);

    // The money is the customer's again: applied later, oldest first.
    const applied = await allocatePayment({ db: t.db, actor: actors.finance, input: { id: payment.id } });
    expect(applied.allocations.filter((a) => !a.reversed).map((a) => a.invoice)).toEqual([first.number, second.number]);
    expect(applied.unallocated).toBe(Math.max(0, second.total + 500 - first.total - second.total));
  });
});

describe("returns and credit notes", () => {
  it("never returns more than shipped minus returned, also under two requests at once", async () => {
    const code = await customer();
    const sku = await product(1_500);
    const placed = await order(code, [{ sku, quantity: 5 }]);
    await ship(placed.number);
    const ask = () => createReturn({ db: t.db, actor: actors.rep, input: { number: placed.number, lines: [{ sku, quantity: 4, reason: "damaged", disposition: "restock" }] } });
    const results = await Promise.allSettled([ask(), ask()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ details: { fields: { "lines.0.quantity": [expect.stringContaining("only 1 unit")] } } });
    await expect(createReturn({ db: t.db, actor: actors.rep, input: { number: placed.number, lines: [{ sku, quantity: 1, reason: "no_such_reason", disposition: "scrap" }] } })).rejects.toMatchObject({
      details: { fields: { "lines.0.reason": [expect.any(String)] } },
    });
  });

  it("restocks through the ledger and credits exactly the returned share incl. tax; two returns credit the whole line", async () => {
    const code = await customer();
    const sku = await product(1_999);
    const placed = await order(code, [{ sku, quantity: 3 }]);
    await ship(placed.number);
    const [inv] = await invoicesOfOrder({ db: t.db, number: placed.number });
    const onHand = async () => (await t.db.select({ onHand: stockLevels.onHand }).from(stockLevels).where(sql`${stockLevels.productId} = (select id from products where sku = ${sku})`))[0]!.onHand;
    const before = await onHand();

    const first = await createReturn({ db: t.db, actor: actors.rep, input: { number: placed.number, lines: [{ sku, quantity: 1, reason: "damaged", disposition: "restock" }] } });
    expect(first).toMatchObject({ status: "approved", lines: [{ sku, quantity: 1, warehouse: "EAST", disposition: "restock" }] });
    const received = await receiveReturn({ db: t.db, actor: actors.warehouse, input: { id: first.number } });
    expect(received.status).toBe("received");
    await expect(receiveReturn({ db: t.db, actor: actors.warehouse, input: { id: first.number } })).rejects.toMatchObject({ code: "RETURN_CLOSED" });
    expect(await onHand()).toBe(before + 1);
    const [movement] = await t.db.select().from(stockMovements).where(and(eq(stockMovements.kind, "return"), eq(stockMovements.reference, first.number)));
    expect(movement).toMatchObject({ quantity: 1 });
    await expectBooksBalance(t.db);

    const second = await createReturn({ db: t.db, actor: actors.rep, input: { number: placed.number, lines: [{ sku, quantity: 2, reason: "defective", disposition: "scrap" }] } });
    await receiveReturn({ db: t.db, actor: actors.warehouse, input: { id: second.number } });
    expect(await onHand()).toBe(before + 1); // scrapped: recorded, not stocked

    const notes = await Promise.all([first, second].map(async (r) => getCreditNote({ db: t.db, number: (await (await import("./get-return")).getReturn({ db: t.db, id: r.id })).creditNote!.number })));
    const full = await getInvoice({ db: t.db, number: inv!.number! });
    // One unit, then two: together exactly what the line was invoiced for, tax included.
    expect(notes.reduce((s, n) => s + n.subtotal, 0)).toBe(full.lines[0]!.lineTotal);
    expect(notes.reduce((s, n) => s + n.taxTotal, 0)).toBe(full.lines[0]!.tax);
    expect(notes[0]!.lines[0]).toMatchObject({ sku, quantity: 1, taxRatePpm: 66_250 });
    // Applied to the order's open invoice: nothing is owed any more.
    expect(full).toMatchObject({ status: "paid", balance: 0 });
    expect(await orderNow(placed.number)).toMatchObject({ lines: [{ returned: 3 }] });
    await expect(createReturn({ db: t.db, actor: actors.rep, input: { number: placed.number, lines: [{ sku, quantity: 1, reason: "damaged", disposition: "scrap" }] } })).rejects.toMatchObject({
      details: { fields: { "lines.0.quantity": [expect.any(String)] } },
    });
  });

  it("waits for a manager above the approval value, as a return_requested exception", async () => {
    const settings = await getBillingSettings({ db: t.db });
    const code = await customer();
    const sku = await product(settings.returnApprovalAbove); // one unit with tax is above the value
    const placed = await order(code, [{ sku, quantity: 2 }]);
    await ship(placed.number);
    const rma = await createReturn({ db: t.db, actor: actors.rep, input: { number: placed.number, lines: [{ sku, quantity: 2, reason: "not_needed", disposition: "restock" }] } });
    expect(rma.status).toBe("requested");
    await expect(receiveReturn({ db: t.db, actor: actors.warehouse, input: { id: rma.number } })).rejects.toMatchObject({ code: "RETURN_NOT_APPROVED" });
    const open = await t.db.select().from(exceptions).where(and(eq(exceptions.type, "return_requested"), eq(exceptions.status, "open")));
    expect(open.some((e) => e.reason.includes(rma.number) && e.team === "manager")).toBe(true);
    await expect(decideReturn({ db: t.db, actor: actors.manager, input: { id: rma.number, approve: false } })).rejects.toMatchObject({ details: { fields: { note: [expect.any(String)] } } });
    const approved = await decideReturn({ db: t.db, actor: actors.manager, input: { id: rma.number, approve: true, note: "Good customer" } });
    expect(approved).toMatchObject({ status: "approved", decidedBy: "Morgan Manager" });
    const [closed] = await t.db.select().from(exceptions).where(and(eq(exceptions.type, "return_requested"), sql`${exceptions.reason} like ${`%${rma.number}%`}`));
    expect(closed).toMatchObject({ status: "resolved", resolution: "authorized" });

    // The same decision from the exception queue: resolving "Reject the return" rejects the order's waiting RMA.
    const placed2 = await order(code, [{ sku, quantity: 3 }], "PO-second");
    await ship(placed2.number);
    const rma2 = await createReturn({ db: t.db, actor: actors.rep, input: { number: placed2.number, lines: [{ sku, quantity: 2, reason: "not_needed", disposition: "restock" }] } });
    const [ex] = await t.db.select().from(exceptions).where(and(eq(exceptions.type, "return_requested"), eq(exceptions.status, "open"), sql`${exceptions.reason} like ${`%${rma2.number}%`}`));
    const hook = { ...exceptionOrders(orderShipments), decideReturns: decideOrderReturns };
    await expect(resolveExceptions({ db: t.db, actor: actors.rep, input: { ids: [ex!.id], action: "declined" }, orders: hook })).rejects.toMatchObject({ kind: "forbidden" });
    await resolveExceptions({ db: t.db, actor: actors.manager, input: { ids: [ex!.id], action: "declined", note: "Custom-cut, not returnable" }, orders: hook });
    expect(await getReturn({ db: t.db, id: rma2.number })).toMatchObject({ status: "rejected", decisionNote: "Custom-cut, not returnable" });
  });
});

describe("receivables", () => {
  it("ages open items into buckets on a fixed date, with credit and a statement that agrees", async () => {
    const code = await customer({ paymentTermsDays: 10 });
    const sku = await product(1_000);
    const DAY = 86_400_000;
    const base = Date.parse("2026-03-01T15:00:00Z");
    // Invoiced 0, 25, 55, 85 and 120 days before the as-of date, all due 10 days after issue.
    const ages = [0, 25, 55, 85, 120];
    const billed = [];
    for (const age of ages) {
      billed.push(
        await runAt(new Date(base - age * DAY), async () => {
          const o = await order(code, [{ sku, quantity: 1 }], `PO-AGE-${age}`);
          await ship(o.number);
          return (await invoicesOfOrder({ db: t.db, number: o.number }))[0]!;
        }),
      );
    }
    await runAt(new Date(base), () => recordPayment({ db: t.db, actor: actors.finance, input: { customer: code, amount: 777, method: "cheque", autoAllocate: false } }));
    const aging = await agingReport({ db: t.db, input: { asOf: "2026-03-01", customer: code } });
    const each = billed[0]!.total;
    // Days past due: −10 (current), 15, 45, 75, 110.
    expect(aging.customers).toEqual([{ customer: { code, name: expect.any(String) }, buckets: { current: each, "1-30": each, "31-60": each, "61-90": each, "90+": each }, total: 5 * each, credit: 777, oldestDueDate: expect.any(String) }]);
    expect(aging.credit).toBe(777);
    // A day before the newest invoice existed, it is not there.
    expect((await agingReport({ db: t.db, input: { asOf: "2026-02-28", customer: code } })).total).toBe(4 * each);
    const statement = await customerStatement({ db: t.db, input: { customer: code, asOf: "2026-03-01" } });
    expect(statement).toMatchObject({ totalDue: 5 * each, totalCredit: 777, balance: 5 * each - 777, buckets: aging.customers[0]!.buckets });
    expect(statement.openInvoices.map((i) => i.bucket)).toEqual(["90+", "61-90", "31-60", "1-30", "current"]);
  });

  it("the dunning run marks orders overdue, opens one payment_overdue exception per order, sends each reminder stage once, and a payment closes it", async () => {
    await updateBillingSettings({ db: t.db, actor: actors.admin, input: { ...(await getBillingSettings({ db: t.db })), dunningDays: [3, 15, 30], version: undefined } });
    const code = await customer({ paymentTermsDays: 10 });
    const sku = await product(2_000);
    const issuedAt = Date.now() - 30 * 86_400_000;
    const inv = await runAt(new Date(issuedAt), async () => {
      const o = await order(code, [{ sku, quantity: 1 }]);
      await ship(o.number);
      return (await invoicesOfOrder({ db: t.db, number: o.number }))[0]!;
    });
    // 16 days past due: the first two stages are due; one run sends only the latest, once.
    await runAt(new Date(issuedAt + 26 * 86_400_000), () => runDunning(t.db));
    await runAt(new Date(issuedAt + 26 * 86_400_000), () => runDunning(t.db));
    const reminders = () => t.db.select().from(outboxMessages).where(and(eq(outboxMessages.topic, "email.payment_reminder"), sql`${outboxMessages.payload}->>'invoice' = ${inv.number}`));
    expect(await reminders()).toHaveLength(1);
    expect(await orderNow(inv.order)).toMatchObject({ billingStatus: "overdue" });
    const overdue = () => t.db.select().from(exceptions).where(and(eq(exceptions.type, "payment_overdue"), sql`${exceptions.orderId} = (select id from orders where number = ${inv.order})`));
    expect(await overdue()).toMatchObject([{ status: "open", team: "finance" }]);
    expect((await listInvoices({ db: t.db, input: { customer: code, status: "overdue", limit: 10 } })).items.map((i) => i.number)).toEqual([inv.number]);

    await recordPayment({ db: t.db, actor: actors.finance, input: { customer: code, amount: inv.total, method: "bank_transfer", autoAllocate: true } });
    expect(await overdue()).toMatchObject([{ status: "resolved", resolution: "paid" }]);
    expect(await orderNow(inv.order)).toMatchObject({ billingStatus: "paid" });
  });

  it("counts unpaid invoices in the credit check, and holds new orders while an invoice is overdue beyond the limit", async () => {
    const code = `CREDIT-${++customerCounter}`;
    await createCustomer({
      db: t.db,
      actor: actors.admin,
      input: { code, name: "Credit watched", segment: "retail", demandClass: "B", currency: "USD", creditLimit: 30_000, paymentTermsDays: 10, taxExempt: false, billingAddress: address },
    });
    const sku = await product(10_000);
    const DAY = 86_400_000;
    const shippedLongAgo = Date.now() - 40 * DAY;
    const first = await runAt(new Date(shippedLongAgo), async () => {
      const o = await order(code, [{ sku, quantity: 2 }]);
      await ship(o.number);
      return (await invoicesOfOrder({ db: t.db, number: o.number }))[0]!;
    });
    // ≈ $199 unpaid + ≈ $99 more is within $300; another ≈ $99 is not: the invoice counts as exposure.
    expect((await order(code, [{ sku, quantity: 1 }])).status).toBe("open");
    expect((await order(code, [{ sku, quantity: 1 }], "PO-over")).status).toBe("on_hold");

    // 30 days past due, limit 20: the daily run sets the overdue hold; a new small order waits.
    await updateBillingSettings({ db: t.db, actor: actors.admin, input: { ...(await getBillingSettings({ db: t.db })), holdOverdueDays: 20, version: undefined } });
    await runDunning(t.db);
    const held = await order(code, [{ sku, quantity: 1 }], "PO-small");
    expect(held.status).toBe("on_hold");
    const [hold] = await t.db.select().from(exceptions).where(and(eq(exceptions.type, "credit_hold"), sql`${exceptions.orderId} = (select id from orders where number = ${held.number})`));
    // 30 days, or 29 when "40 days ago" fell on the day before in New York (a DST change near midnight).
    const overdue = Math.round((Date.parse(todayIn(COMPANY_TIME_ZONE)) - Date.parse(first.dueDate!)) / DAY);
    expect(overdue).toBeGreaterThanOrEqual(29);
    expect(hold!.reason).toContain(`${first.number} is ${overdue} days overdue`);

    // Paid: the hold is gone for the next order.
    await recordPayment({ db: t.db, actor: actors.finance, input: { customer: code, amount: first.total, method: "bank_transfer", allocations: [{ invoice: first.number!, amount: first.total }], autoAllocate: true } });
    const [after] = await t.db.select({ overdueHold: sql<string | null>`overdue_hold`, unpaid: sql<number>`unpaid_invoices`.mapWith(Number) }).from(sql`customers`).where(sql`code = ${code}`);
    expect(after).toMatchObject({ overdueHold: null, unpaid: 0 });
  });

  it("journals every document balanced, and the period balances", async () => {
    const result = await journal({ db: t.db, input: { from: "2000-01-01", to: "2100-12-31" } });
    expect(result.entries.length).toBeGreaterThan(20);
    expect(result.totals.debit).toBe(result.totals.credit);
    const byDocument = new Map<string, number>();
    for (const e of result.entries) byDocument.set(`${e.document}|${e.date}|${e.description}`, (byDocument.get(`${e.document}|${e.date}|${e.description}`) ?? 0) + e.debit - e.credit);
    for (const [document, net] of byDocument) expect([document, net]).toEqual([document, 0]);
    // Receivables in the journal = what the invoices still say is owed.
    const ar = result.byAccount.find((a) => a.account === "receivables")!;
    const [owed] = await t.db.select({ owed: sql<number>`sum(total - amount_paid)`.mapWith(Number) }).from(invoices).where(sql`status in ('issued', 'partially_paid', 'paid')`);
    expect(ar.debit - ar.credit).toBe(owed!.owed);
    expect(result.byAccount.find((a) => a.account === "receivables")!.accountCode).toBe("1200");
  });
});

describe("billing terms", () => {
  it("finance switches a customer to invoice on order; the next order is billed at submission (audited)", async () => {
    const { setBillingTerms } = await import("~/server/customers/set-billing-terms");
    const code = await customer();
    const sku = await product(700);
    const changed = await setBillingTerms({ db: t.db, actor: actors.finance, input: { code, invoiceOnOrder: true, paymentTermsDays: 15 } });
    expect(changed).toMatchObject({ invoiceOnOrder: true, billFreight: false, paymentTermsDays: 15 });
    const placed = await order(code, [{ sku, quantity: 4 }]);
    expect(await invoicesOfOrder({ db: t.db, number: placed.number })).toMatchObject([{ status: "issued", paymentTermsDays: 15, total: placed.total }]);
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "customer"), eq(auditEvents.entityId, code), eq(auditEvents.action, "billing_terms_changed")));
    expect(audit).toMatchObject([{ before: { invoiceOnOrder: false, paymentTermsDays: 30 }, after: { invoiceOnOrder: true, paymentTermsDays: 15 } }]);
  });
});
