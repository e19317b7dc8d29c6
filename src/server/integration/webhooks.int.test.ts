import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exceptions } from "~/server/exceptions";
import { startJobWorker } from "~/server/jobs";
import { callerAs } from "~/test/caller";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createApiKey } from "./api-keys";
import { createWebhookSubscription } from "./create-webhook-subscription";
import { dispatchWebhooks } from "./dispatch-webhooks";
import { recordWebhookEvent } from "./record-webhook-event";
import { webhookDeliveries, webhookEvents, webhookSubscriptions } from "./schema";
import { WEBHOOK_RETRY_WINDOW_MS } from "./webhook-backoff";

type Received = { headers: http.IncomingHttpHeaders; body: string; json: { id: string; type: string; occurredAt: string; data: Record<string, unknown> } };

/** A receiver on a free local port: records what arrives and answers with `reply()`'s status. */
async function startReceiver(reply: (n: number) => number = () => 204) {
  const received: Received[] = [];
  let calls = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      calls += 1;
      const status = reply(calls);
      if (status < 300) received.push({ headers: req.headers, body, json: JSON.parse(body) as Received["json"] });
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "receiver is down");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, calls: () => calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The check docs/api.md gives receivers, line for line. */
function verify(secret: string, headers: http.IncomingHttpHeaders, rawBody: string) {
  const timestamp = headers["x-orderdesk-timestamp"] as string;
  const expected = "sha256=" + crypto.createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
  const given = String(headers["x-orderdesk-signature"] ?? "");
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

let t: TestDb;
const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
const receiver = async (reply?: (n: number) => number) => {
  const r = await startReceiver(reply);
  receivers.push(r);
  return r;
};

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await t?.cleanup();
});
// Each test subscribes its own receiver; earlier subscriptions are switched off so they do not take its events.
beforeEach(async () => {
  await t.db.update(webhookSubscriptions).set({ isActive: false }).where(eq(webhookSubscriptions.isActive, true));
});

const subscribe = (url: string, events: string[]) => createWebhookSubscription({ db: t.db, actor: actors.admin, input: { url, events: events as never } });
const order = (customer = "ACME", quantity = 2) => callerAs(t.db, "rep").orders.create({ customer, channel: "web", lines: [{ sku: "BOLT-M8", quantity }] });

describe("webhooks: outbox and delivery", () => {
  it("delivers an event after commit with the documented headers and a valid signature", async () => {
    const r = await receiver();
    const { secret, id } = await subscribe(r.url, ["order.created"]);
    const created = await order();
    expect(r.received).toHaveLength(0); // nothing is sent inside the change's transaction
    const result = await dispatchWebhooks({ db: t.db });
    expect(result).toMatchObject({ attempted: 1, delivered: 1 });
    expect(r.received).toHaveLength(1);
    const [hit] = r.received;
    expect(hit!.headers["content-type"]).toBe("application/json");
    expect(hit!.headers["x-orderdesk-event"]).toBe("order.created");
    expect(verify(secret, hit!.headers, hit!.body)).toBe(true);
    expect(verify("whsec_wrong", hit!.headers, hit!.body)).toBe(false);
    expect(hit!.json).toMatchObject({ type: "order.created", data: { number: created.number, customer: "ACME", total: created.total } });
    // The order as GET /orders/{number} answers it (less the plan fields fulfillment adds there).
    const rest = await callerAs(t.db, "rep").orders.get({ number: created.number });
    expect(Object.keys(rest)).toEqual(expect.arrayContaining(Object.keys(hit!.json.data)));
    expect(Object.keys(hit!.json.data)).toEqual(expect.arrayContaining(["number", "status", "customer", "lines", "total", "currency", "version"]));
    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    expect(hit!.headers["x-orderdesk-delivery"]).toBe(delivery!.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, responseStatus: 204, lastError: null });
    // Nothing is due any more.
    expect(await dispatchWebhooks({ db: t.db })).toMatchObject({ attempted: 0 });
  });

  it("retries a receiver that fails twice with backoff, then delivers", async () => {
    const r = await receiver((n) => (n <= 2 ? 500 : 200));
    const { id } = await subscribe(r.url, ["order.created"]);
    await order();
    const start = new Date();
    expect(await dispatchWebhooks({ db: t.db, now: start })).toMatchObject({ attempted: 1, retrying: 1 });
    const [first] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    expect(first).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500, lastError: "HTTP 500: receiver is down" });
    const wait1 = first!.nextAttemptAt!.getTime() - start.getTime();
    expect(wait1).toBeGreaterThanOrEqual(30_000);
    expect(wait1).toBeLessThanOrEqual(33_000);
    // Not due yet: nothing is sent.
    expect(await dispatchWebhooks({ db: t.db, now: new Date(start.getTime() + 10_000) })).toMatchObject({ attempted: 0 });
    expect(await dispatchWebhooks({ db: t.db, now: first!.nextAttemptAt! })).toMatchObject({ attempted: 1, retrying: 1 });
    const [second] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    expect(second!.nextAttemptAt!.getTime() - first!.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(60_000);
    expect(await dispatchWebhooks({ db: t.db, now: second!.nextAttemptAt! })).toMatchObject({ attempted: 1, delivered: 1 });
    const [done] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    expect(done).toMatchObject({ status: "delivered", attempts: 3, responseStatus: 200, lastError: null });
    expect(r.calls()).toBe(3);
    expect(r.received).toHaveLength(1);
  });

  it("writes no event for a change that rolls back, and none when nobody subscribed", async () => {
    const r = await receiver();
    await subscribe(r.url, ["order.created"]);
    const before = (await t.db.select().from(webhookEvents)).length;
    await expect(
      t.db.transaction(async (tx) => {
        await recordWebhookEvent(tx, { type: "order.created", orderingKey: "x", data: { number: "SO-ROLLBACK" } });
        throw new Error("the change fails after its event was written");
      }),
    ).rejects.toThrow("the change fails");
    // An order refused by validation never gets as far as an event either.
    await expect(callerAs(t.db, "rep").orders.create({ customer: "ACME", channel: "web", lines: [{ sku: "NO-SUCH-SKU", quantity: 1 }] })).rejects.toThrow();
    expect((await t.db.select().from(webhookEvents)).length).toBe(before);
    await t.db.update(webhookSubscriptions).set({ isActive: false }).where(eq(webhookSubscriptions.isActive, true));
    await order();
    expect((await t.db.select().from(webhookEvents)).length).toBe(before);
    expect(await dispatchWebhooks({ db: t.db })).toMatchObject({ attempted: 0 });
  });

  it("delivers one order's events in order, a later one waiting while an earlier one is retried", async () => {
    let down = true;
    const r = await receiver(() => (down ? 503 : 200));
    await subscribe(r.url, ["order.created", "order.submitted", "order.on_hold", "order.released", "order.canceled"]);
    // Over the credit limit: created, submitted, on hold; then released and canceled.
    const held = await order("TIGHT", 50);
    expect(held.status).toBe("on_hold");
    const start = new Date();
    expect(await dispatchWebhooks({ db: t.db, now: start })).toMatchObject({ attempted: 1, retrying: 1 });
    await callerAs(t.db, "manager").orders.releaseHold({ number: held.number });
    await callerAs(t.db, "manager").orders.cancel({ number: held.number, reason: "customer changed their mind" });
    // The first one is not due yet and the others wait behind it.
    expect(await dispatchWebhooks({ db: t.db, now: new Date(start.getTime() + 1_000) })).toMatchObject({ attempted: 0 });
    down = false;
    const later = new Date(start.getTime() + 3_600_000);
    expect(await dispatchWebhooks({ db: t.db, now: later })).toMatchObject({ attempted: 5, delivered: 5 });
    expect(r.received.map((h) => h.json.type)).toEqual(["order.created", "order.submitted", "order.on_hold", "order.released", "order.canceled"]);
    expect(r.received.every((h) => h.json.data.number === held.number)).toBe(true);
    expect(r.received.at(-1)!.json.data.status).toBe("canceled");
  });

  it("after 24 h of failures the delivery fails, the subscription is failing and an admin exception opens (once)", async () => {
    const r = await receiver(() => 500);
    const { id } = await subscribe(r.url, ["order.created"]);
    await order();
    await order();
    const start = new Date();
    let now = start;
    for (let i = 0; i < 60; i++) {
      const result = await dispatchWebhooks({ db: t.db, now });
      if (result.failed > 0) break;
      now = new Date(now.getTime() + 3_600_000);
    }
    expect(now.getTime() - start.getTime()).toBeGreaterThanOrEqual(WEBHOOK_RETRY_WINDOW_MS - 3_600_000);
    const deliveries = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    expect(deliveries.map((d) => d.status)).toEqual(["failed", "failed"]);
    expect(deliveries[0]!.attempts).toBeGreaterThan(10); // one try an hour here: the sweep's pace, not the backoff's
    const [subscription] = await t.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    expect(subscription).toMatchObject({ health: "failing" });
    const opened = await t.db.select().from(exceptions).where(and(eq(exceptions.type, "webhook_failing"), eq(exceptions.cause, `webhook:${id}`)));
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ status: "open", team: "admin", severity: "high" });
    expect(opened[0]!.reason).toContain(r.url);
    // The admin sees it in the exception queue.
    const queue = await callerAs(t.db, "admin").exceptions.list({ type: "webhook_failing" });
    expect(JSON.stringify(queue)).toContain(opened[0]!.id);
  });
});

describe("webhooks: the other modules' events", () => {
  it("shipments, invoices, payments, exceptions and low stock each emit their event with the REST shape", async () => {
    const api = await startRestServer(t.db);
    try {
      const { key } = await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "webhooks-test", role: "admin" } });
      const call = async (method: string, path: string, body?: unknown) => {
        const answer = await api.call(method, path, { key, body });
        expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(200);
        return answer.body;
      };
      const r = await receiver();
      const types = ["shipment.shipped", "shipment.delivered", "invoice.issued", "payment.received", "exception.opened", "exception.resolved", "stock.low"];
      await subscribe(r.url, types);
      // Low stock: a reorder point just under what is available; an adjustment takes it across (once).
      const [level] = (await call("GET", "/stock?sku=WASHER-M8")).items as { available: number }[];
      await call("POST", "/stock/reorder-points", { sku: "WASHER-M8", warehouse: "EAST", reorderPoint: level!.available - 5, reorderQuantity: 100 });
      await call("POST", "/stock/adjustments", { sku: "WASHER-M8", warehouse: "EAST", quantity: -10, reason: "damaged" });
      await call("POST", "/stock/adjustments", { sku: "WASHER-M8", warehouse: "EAST", quantity: -1, reason: "damaged" });
      // A credit hold opens an exception; releasing the order resolves it.
      const held = await order("TIGHT", 50);
      await call("POST", `/orders/${held.number}/release-hold`, {});
      // An order shipped, delivered, invoiced and paid.
      const placed = await order("ACME", 1);
      const planned = await call("POST", `/orders/${placed.number}/shipments`, {});
      const shipment = planned.shipments[0].number as string;
      await call("POST", `/shipments/${shipment}/pick`, { lines: [] });
      await call("POST", `/shipments/${shipment}/pack`, { packages: [{ weightGrams: 500 }] });
      await call("POST", `/shipments/${shipment}/ship`, { carrier: "fedex", trackingNumber: "771234567890" });
      await call("POST", `/shipments/${shipment}/deliver`, {});
      const invoices = (await call("GET", `/invoices?order=${placed.number}`)).items as { number: string; total: number }[];
      await call("POST", "/payments", { customer: "ACME", amount: invoices[0]!.total, method: "bank_transfer", reference: "WIRE-1" });

      expect(await dispatchWebhooks({ db: t.db })).toMatchObject({ failed: 0, retrying: 0 });
      const byType = (type: string) => r.received.filter((h) => h.json.type === type).map((h) => h.json.data);
      expect(byType("stock.low")).toEqual([expect.objectContaining({ sku: "WASHER-M8", warehouse: "EAST", available: level!.available - 10, reorderPoint: level!.available - 5 })]);
      expect(byType("exception.opened")).toEqual(expect.arrayContaining([expect.objectContaining({ type: "credit_hold", order: held.number })]));
      expect(byType("exception.resolved")).toEqual(expect.arrayContaining([expect.objectContaining({ type: "credit_hold", order: held.number, status: "resolved" })]));
      expect(byType("shipment.shipped")).toEqual([expect.objectContaining({ number: shipment, status: "shipped", trackingNumber: "771234567890" })]);
      expect(byType("shipment.delivered")).toEqual([expect.objectContaining({ number: shipment, status: "delivered" })]);
      expect(byType("invoice.issued")).toEqual([expect.objectContaining({ number: invoices[0]!.number, status: "issued", total: invoices[0]!.total })]);
      expect(byType("payment.received")).toEqual([expect.objectContaining({ customer: expect.objectContaining({ code: "ACME" }), amount: invoices[0]!.total, reference: "WIRE-1", allocations: [expect.objectContaining({ invoice: invoices[0]!.number })] })]);
      // The shipment's events come in the order's sequence: shipped, then invoiced (same transaction), then delivered.
      const sequence = r.received.map((h) => h.json.type).filter((type) => ["shipment.shipped", "invoice.issued", "shipment.delivered"].includes(type));
      expect(sequence).toEqual(["shipment.shipped", "invoice.issued", "shipment.delivered"]);
    } finally {
      await api.close();
    }
  });
});

describe("webhooks: the REST operations (docs/api.md)", () => {
  it("an admin subscribes, edits, pings, reads the log, resends, rotates the secret and deletes", async () => {
    const api = await startRestServer(t.db);
    try {
      const { key } = await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "webhooks-admin", role: "admin" } });
      const manager = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "webhooks-manager", role: "manager" } })).key;
      const r = await receiver();
      expect((await api.call("POST", "/webhooks", { key, body: { url: "ftp://x", events: [] } })).body.error.details.fields).toMatchObject({ url: expect.any(Array), events: expect.any(Array) });
      expect((await api.call("POST", "/webhooks", { key: manager, body: { url: r.url, events: ["order.created"] } })).status).toBe(403);
      const created = await api.call("POST", "/webhooks", { key, body: { url: r.url, events: ["order.created", "order.created"], description: "ERP" } });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ url: r.url, events: ["order.created"], isActive: true, health: "healthy", version: 1, secret: expect.stringMatching(/^whsec_/) });
      const { id, secret } = created.body as { id: string; secret: string };
      expect(created.body.secretPrefix).toBe(secret.slice(0, 12));
      const listed = await api.call("GET", "/webhooks", { key });
      expect(listed.body.items.find((s: { id: string }) => s.id === id)).not.toHaveProperty("secret");

      const edited = await api.call("PATCH", `/webhooks/${id}`, { key, body: { events: ["order.created", "order.canceled"], version: 1 } });
      expect(edited.body).toMatchObject({ events: ["order.created", "order.canceled"], version: 2 });
      expect((await api.call("PATCH", `/webhooks/${id}`, { key, body: { isActive: false, version: 1 } })).body.error.code).toBe("STALE_VERSION");

      const ping = await api.call("POST", `/webhooks/${id}/ping`, { key, body: {} });
      expect(ping.body).toMatchObject({ eventType: "ping", status: "delivered", attempts: 1, responseStatus: 204 });
      expect(verify(secret, r.received[0]!.headers, r.received[0]!.body)).toBe(true);
      const resent = await api.call("POST", `/webhooks/deliveries/${ping.body.id}/resend`, { key, body: {} });
      expect(resent.body).toMatchObject({ eventType: "ping", status: "delivered", resendOf: ping.body.id, eventId: ping.body.eventId });
      const log = await api.call("GET", `/webhooks/${id}/deliveries?limit=1`, { key });
      expect(log.body.items.map((d: { id: string }) => d.id)).toEqual([resent.body.id]);
      const next = await api.call("GET", `/webhooks/${id}/deliveries?limit=1&cursor=${log.body.nextCursor}`, { key });
      expect(next.body.items.map((d: { id: string }) => d.id)).toEqual([ping.body.id]);
      expect(JSON.parse(next.body.items[0].body)).toMatchObject({ type: "ping", data: { subscriptionId: id } });

      const rotated = await api.call("POST", `/webhooks/${id}/rotate-secret`, { key, body: {} });
      expect(rotated.body.secret).not.toBe(secret);
      await api.call("POST", `/webhooks/${id}/ping`, { key, body: {} });
      expect(verify(rotated.body.secret, r.received[2]!.headers, r.received[2]!.body)).toBe(true);
      expect(verify(secret, r.received[2]!.headers, r.received[2]!.body)).toBe(false);

      expect((await api.call("DELETE", `/webhooks/${id}`, { key })).body).toEqual({ id, deleted: true });
      expect((await api.call("GET", `/webhooks/${id}/deliveries`, { key })).body.items).toEqual([]);
      expect((await api.call("POST", `/webhooks/${id}/ping`, { key, body: {} })).status).toBe(404);
    } finally {
      await api.close();
    }
  });
});

describe("webhooks: on pg-boss, in this database", () => {
  it("the change wakes the delivery queue after commit and the worker sends the event within seconds", async () => {
    const worker = await startJobWorker({ handle: t.handle, databaseUrl: t.url, pollingIntervalSeconds: 60 });
    try {
      const r = await receiver();
      const { secret } = await subscribe(r.url, ["order.submitted"]);
      const created = await order();
      const deadline = Date.now() + 15_000;
      while (r.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(r.received).toHaveLength(1);
      expect(r.received[0]!.json).toMatchObject({ type: "order.submitted", data: { number: created.number } });
      expect(verify(secret, r.received[0]!.headers, r.received[0]!.body)).toBe(true);
      const schedules = await worker.boss.getSchedules();
      expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: "integration.webhooks", cron: "* * * * *" })]));
    } finally {
      await worker.stop();
    }
  }, 30_000);
});
