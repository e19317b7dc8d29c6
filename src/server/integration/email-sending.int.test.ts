import { and, eq, sql } from "drizzle-orm";
import type { AddressObject, ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReturn } from "~/server/billing/create-return";
import { orderBilling } from "~/server/billing/order-billing";
import { receiveReturn } from "~/server/billing/receive-return";
import { runAt } from "~/server/clock";
import { createCustomer } from "~/server/customers/create-customer";
import { pickShipment } from "~/server/fulfillment/pick-shipment";
import { planShipments } from "~/server/fulfillment/plan-shipments";
import { shipShipment } from "~/server/fulfillment/ship-shipment";
import { executeRows } from "~/server/db/execute";
import { EMAIL_SEND, handleEmailSend, startJobWorker, type JobWorker } from "~/server/jobs";
import { createOrder } from "~/server/orders/create-order";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "~/test/smtp-server";
import { EMAIL_MAX_ATTEMPTS } from "./email-retry";
import { retryOutboxMessage } from "./retry-outbox-message";
import { enqueueMessage } from "./outbox";
import { outboxMessages } from "./schema";

/**
 * Customer e-mails end to end: queued by the real use cases, sent through a real SMTP server started here, and
 * read back as they arrived (subject, recipient, HTML and text parts, the invoice's PDF).
 */

let t: TestDb;
let smtp: TestSmtpServer;
const config = () => ({ smtpUrl: smtp.url, from: "Orderdesk <orders@orderdesk.test>" });

beforeAll(async () => {
  t = await createTestDb();
  smtp = await startTestSmtpServer();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  // Prepaid (invoiced when the order is submitted), with an accounts-payable address for invoices.
  await createCustomer({
    db: t.db,
    actor: actors.admin,
    input: { code: "MAIL", name: "Mail & Co", segment: "industrial", demandClass: "B", currency: "USD", creditLimit: 10_000_000, paymentTermsDays: 30, taxExempt: false, billingAddress: address, email: "buyer@mail.test", billingEmail: "ap@mail.test", invoiceOnOrder: true },
  });
});
afterAll(async () => {
  await smtp?.close();
  await t?.cleanup();
});

let placed = 0;
/** A new order (quantities differ, so none is held as a duplicate of the one before). */
const placeOrder = (customer = "MAIL", reference?: string) =>
  createOrder({ db: t.db, actor: actors.rep, input: { customer, channel: "phone", lines: [{ sku: "BOLT-M8", quantity: 3 + placed++ }], draft: false, customerReference: reference }, billing: orderBilling });
const messagesOf = (order: string) => t.db.select().from(outboxMessages).then((rows) => rows.filter((r) => JSON.stringify(r.payload).includes(`"${order}"`)));
const to = (mail: ParsedMail) => (mail.to as AddressObject).value.map((a) => a.address);
const arrived = (subject: string) => smtp.received.find((m) => m.subject === subject);

describe("e-mail through SMTP", () => {
  it("without SMTP_URL nothing is sent: the messages stay pending, untouched", async () => {
    const order = await placeOrder();
    const queued = await messagesOf(order.number);
    expect(queued.map((m) => m.topic).sort()).toEqual(["email.invoice", "email.order_confirmation"]);
    expect(await handleEmailSend(t.db, { config: null })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    for (const m of await messagesOf(order.number)) expect(m).toMatchObject({ status: "pending", attempts: 0, sentAt: null, lastError: null });
  });

  it("sends the order confirmation and the invoice with its PDF; the invoice goes to the accounts-payable address", async () => {
    const order = await placeOrder("MAIL", "PO-4711");
    const result = await handleEmailSend(t.db, { config: config() });
    // Two from this order and two from the one before (pending since sending was off).
    expect(result).toEqual({ sent: 4, retrying: 0, failed: 0 });

    const confirmation = arrived(`Order confirmation ${order.number}`)!;
    expect(to(confirmation)).toEqual(["buyer@mail.test"]);
    expect(confirmation.from?.text).toContain("orders@orderdesk.test");
    expect(confirmation.text).toContain("4 × BOLT-M8");
    expect(confirmation.text).toContain("PO-4711");
    expect(confirmation.html).toContain(order.number);
    expect(confirmation.html).toContain("Mail &amp; Co");

    const invoiceMessage = (await messagesOf(order.number)).find((m) => m.topic === "email.invoice")!;
    const invoiceNumber = String(invoiceMessage.payload.invoice);
    const invoice = arrived(`Invoice ${invoiceNumber}`)!;
    expect(to(invoice)).toEqual(["ap@mail.test"]);
    expect(invoice.text).toContain(invoiceNumber);
    expect(invoice.html).toContain(invoiceNumber);
    expect(invoice.attachments).toHaveLength(1);
    expect(invoice.attachments[0]).toMatchObject({ filename: `${invoiceNumber}.pdf`, contentType: "application/pdf" });
    expect(invoice.attachments[0]!.content.subarray(0, 5).toString()).toBe("%PDF-");

    for (const m of await messagesOf(order.number)) expect(m).toMatchObject({ status: "sent", attempts: 1, lastError: null, nextAttemptAt: null, sentAt: expect.any(Date) });
    // Nothing is sent twice.
    expect(await handleEmailSend(t.db, { config: config() })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("a shipment's e-mail carries the carrier, the tracking number and its link; a return's says what came back and what was credited", async () => {
    const order = await placeOrder();
    const { shipments } = await planShipments({ db: t.db, actor: actors.warehouse, input: { number: order.number } });
    await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: shipments[0]!.number, lines: [] } });
    await shipShipment({ db: t.db, actor: actors.warehouse, input: { id: shipments[0]!.number, carrier: "UPS", trackingNumber: "1ZTEST123" } });
    await handleEmailSend(t.db, { config: config() });
    const mail = arrived(`Your order ${order.number} has shipped`)!;
    expect(to(mail)).toEqual(["buyer@mail.test"]);
    expect(mail.text).toContain("Tracking number: 1ZTEST123");
    expect(mail.html).toContain('href="https://www.ups.com/track?tracknum=1ZTEST123"');

    // One unit comes back: the customer hears that it arrived and what was credited.
    const rma = await createReturn({ db: t.db, actor: actors.rep, input: { number: order.number, lines: [{ sku: "BOLT-M8", quantity: 1, reason: "damaged", disposition: "restock" }] } });
    await receiveReturn({ db: t.db, actor: actors.warehouse, input: { id: rma.number } });
    await handleEmailSend(t.db, { config: config() });
    const back = arrived(`Return ${rma.number} received`)!;
    expect(to(back)).toEqual(["buyer@mail.test"]);
    expect(back.text).toContain("1 × BOLT-M8");
    expect(back.text).toMatch(/Credit note CN-\d+ for \$[\d.,]+ was issued/);
    expect(back.html).toContain(rma.number);
  });

  it("a server that refuses makes the message retry with backoff, then fail with its answer recorded; an admin's retry sends it", async () => {
    smtp.rejectWith = "Mailbox full";
    const order = await placeOrder();
    const started = new Date();
    expect(await handleEmailSend(t.db, { config: config() })).toEqual({ sent: 0, retrying: 2, failed: 0 });
    let [confirmation] = (await messagesOf(order.number)).filter((m) => m.topic === "email.order_confirmation");
    expect(confirmation).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(confirmation!.lastError).toContain("Mailbox full");
    // Due again a minute later, not before.
    expect(confirmation!.nextAttemptAt!.getTime() - started.getTime()).toBeGreaterThanOrEqual(59_000);
    expect(await handleEmailSend(t.db, { config: config() })).toEqual({ sent: 0, retrying: 0, failed: 0 });

    for (let attempt = 2; attempt <= EMAIL_MAX_ATTEMPTS; attempt++) {
      // Each retry when its backoff has passed (the domain clock moved a day on each time).
      await runAt(new Date(Date.now() + attempt * 86_400_000), () => handleEmailSend(t.db, { config: config() }));
    }
    [confirmation] = (await messagesOf(order.number)).filter((m) => m.topic === "email.order_confirmation");
    expect(confirmation).toMatchObject({ status: "failed", attempts: EMAIL_MAX_ATTEMPTS, nextAttemptAt: null, sentAt: null });
    expect(confirmation!.lastError).toMatch(/550.*Mailbox full/);
    expect(arrived(`Order confirmation ${order.number}`)).toBeUndefined();

    smtp.rejectWith = null;
    const retried = await retryOutboxMessage({ db: t.db, actor: actors.admin, id: confirmation!.id });
    expect(retried).toMatchObject({ status: "pending", attempts: 0, lastError: expect.stringContaining("Mailbox full") });
    await expect(retryOutboxMessage({ db: t.db, actor: actors.admin, id: confirmation!.id })).rejects.toMatchObject({ code: "OUTBOX_NOT_FAILED" });
    await handleEmailSend(t.db, { config: config() });
    expect(arrived(`Order confirmation ${order.number}`)).toBeDefined();
    const [sent] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.id, confirmation!.id)));
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it("a customer without an e-mail address: failed at once, saying so", async () => {
    const order = await placeOrder("ACME");
    await handleEmailSend(t.db, { config: config() });
    const [confirmation] = await messagesOf(order.number);
    expect(confirmation).toMatchObject({ recipient: null, status: "failed", attempts: 1, lastError: "No e-mail address: the customer has none on file" });
  });

  describe("on pg-boss", () => {
    let worker: JobWorker | undefined;
    afterAll(() => worker?.stop());

    it("a transaction that queues a message queues its send job: sent after the commit, without waiting for the sweep", async () => {
      worker = await startJobWorker({ handle: t.handle, databaseUrl: t.url, pollingIntervalSeconds: 0.5, email: config() });
      const order = await placeOrder();
      const subject = `Order confirmation ${order.number}`;
      for (let i = 0; i < 150 && !arrived(subject); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(arrived(subject)).toBeDefined();
      const sendJobs = async () => (await executeRows<{ n: number }>(t.db, sql`select count(*)::int as n from pgboss.job where name = ${EMAIL_SEND.name}`))[0]!.n;
      const jobs = await sendJobs();
      expect(jobs).toBeGreaterThanOrEqual(1);
      // A transaction that rolls back leaves neither its message nor its send job.
      await expect(
        t.db.transaction(async (tx) => {
          await enqueueMessage(tx, { topic: "email.test", recipient: "nobody@mail.test", subject: "Rolled back", body: "Never sent" });
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      expect(await sendJobs()).toBe(jobs);
      expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.subject, "Rolled back"))).toHaveLength(0);
      await worker.stop();
      worker = undefined;
    });
  });
});
