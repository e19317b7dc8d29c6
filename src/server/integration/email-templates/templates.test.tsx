import { describe, expect, it } from "vitest";
import { invoiceEmail, orderConfirmationEmail, paymentReminderEmail, returnReceivedEmail, shipmentEmail } from "./messages";
import { renderEmailHtml } from "./render";

/** Each e-mail's text alternative and HTML carry the facts the customer needs; the HTML escapes what it shows. */

const html = (topic: string, m: { subject: string; body: string; payload: object }) => renderEmailHtml({ topic, subject: m.subject, body: m.body, payload: m.payload as Record<string, unknown> });

describe("customer e-mail templates", () => {
  it("order confirmation: number, reference, lines, total, expected delivery", () => {
    const m = orderConfirmationEmail({
      customerName: "Acme <Industrial>",
      order: "SO-100001",
      customerReference: "PO-77",
      currency: "USD",
      total: 123_456,
      promisedDate: "2026-12-10",
      lines: [{ sku: "BOLT-M8", quantity: 12 }],
      onHold: false,
    });
    expect(m.subject).toBe("Order confirmation SO-100001");
    for (const fact of ["Dear Acme <Industrial>,", "SO-100001", "PO-77", "12 × BOLT-M8", "$1,234.56", "Dec 10, 2026"]) expect(m.body).toContain(fact);
    const page = html("email.order_confirmation", m);
    expect(page).toMatch(/^<!doctype html><html lang="en">/);
    for (const fact of ["SO-100001", "PO-77", "BOLT-M8", "$1,234.56", "Dec 10, 2026", "Acme &lt;Industrial&gt;"]) expect(page).toContain(fact);
    expect(page).not.toContain("<Industrial>");
  });

  it("an order on hold promises no date", () => {
    const m = orderConfirmationEmail({ customerName: "Acme", order: "SO-1", customerReference: null, currency: "USD", total: 100, promisedDate: "2026-12-10", lines: [], onHold: true });
    expect(m.body).toContain("review");
    expect(m.body).not.toContain("Dec 10, 2026");
    expect(html("email.order_confirmation", m)).not.toContain("Dec 10, 2026");
  });

  it("shipment: carrier, tracking number and link, what left", () => {
    const m = shipmentEmail({
      customerName: "Acme",
      order: "SO-100001",
      customerReference: null,
      shipment: "SH-700001",
      carrierName: "UPS",
      service: "Ground",
      trackingNumber: "1Z999",
      trackingUrl: "https://track.example/1Z999",
      lines: [{ sku: "BOLT-M8", units: 3 }],
    });
    for (const fact of ["SO-100001", "UPS Ground", "Tracking number: 1Z999", "https://track.example/1Z999", "3 × BOLT-M8", "3 items"]) expect(m.body).toContain(fact);
    const page = html("email.shipment_confirmation", m);
    for (const fact of ["SH-700001", "1Z999", 'href="https://track.example/1Z999"', "BOLT-M8"]) expect(page).toContain(fact);
  });

  it("invoice: number, amount, due date", () => {
    const m = invoiceEmail({ customerName: "Acme", invoice: "INV-200001", order: "SO-100001", customerReference: "PO-77", currency: "USD", total: 55_575, dueDate: "2026-12-21" });
    expect(m.subject).toBe("Invoice INV-200001");
    for (const fact of ["INV-200001", "SO-100001", "$555.75", "Dec 21, 2026", "PO-77", "attached"]) expect(m.body).toContain(fact);
    for (const fact of ["INV-200001", "$555.75", "Dec 21, 2026"]) expect(html("email.invoice", m)).toContain(fact);
  });

  it("payment reminder: days overdue, open balance, how to pay; the last one says final", () => {
    const data = { customerName: "Acme", invoice: "INV-200001", order: "SO-100001", customerReference: null, currency: "USD", total: 55_575, balance: 35_575, dueDate: "2026-11-01", daysOverdue: 33, final: false, remittance: "Pay to account 004417702." };
    const m = paymentReminderEmail(data);
    expect(m.subject).toBe("Reminder: invoice INV-200001 is 33 days overdue");
    for (const fact of ["INV-200001", "$555.75", "$355.75", "Nov 1, 2026", "Pay to account 004417702."]) expect(m.body).toContain(fact);
    for (const fact of ["$355.75", "33 days ago", "Pay to account 004417702."]) expect(html("email.payment_reminder", m)).toContain(fact);
    expect(paymentReminderEmail({ ...data, final: true }).subject).toMatch(/^Final reminder/);
  });

  it("return received: RMA, what came back, the credit", () => {
    const m = returnReceivedEmail({
      customerName: "Acme",
      return: "RMA-300001",
      order: "SO-100001",
      lines: [
        { sku: "BOLT-M8", quantity: 2, disposition: "restock" },
        { sku: "NUT-M8", quantity: 1, disposition: "scrap" },
      ],
      creditNote: "CN-400001",
      currency: "USD",
      credit: 1_066,
    });
    expect(m.subject).toBe("Return RMA-300001 received");
    for (const fact of ["RMA-300001", "SO-100001", "3 items", "2 × BOLT-M8", "1 × NUT-M8 (not restocked)", "CN-400001", "$10.66"]) expect(m.body).toContain(fact);
    for (const fact of ["RMA-300001", "NUT-M8", "not restocked", "CN-400001", "$10.66"]) expect(html("email.return_received", m)).toContain(fact);
  });

  it("any other topic: its text in the same frame", () => {
    const page = html("email.delivery", { subject: "Delivered", body: "Dear Acme,\n\nShipment SH-1 was delivered.", payload: { order: "SO-1" } });
    expect(page).toContain("Shipment SH-1 was delivered.");
    expect(page).toContain("<title>Delivered</title>");
  });
});
