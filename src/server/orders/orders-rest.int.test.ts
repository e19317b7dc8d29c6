import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createApiKey } from "~/server/integration";
import { createTestDb, type TestDb } from "~/test/db";
import { seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
let shop = "";
let finance = "";

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  api = await startRestServer(t.db);
  shop = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "shop", role: "manager" } })).key;
  finance = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "books", role: "finance" } })).key;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

const body = { customer: "ACME", channel: "web", customerReference: "WEB-1001", lines: [{ sku: "BOLT-M8", quantity: 2 }] };

describe("REST: orders and quotes (docs/api.md)", () => {
  it("creates an order with an Idempotency-Key, returns the same order on retry and 409s another body", async () => {
    const post = (payload: unknown, key: string) =>
      fetch(`${api.baseUrl}/orders`, {
        method: "POST",
        headers: { authorization: `Bearer ${shop}`, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(payload),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const first = await post(body, "k-1");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: "open", customer: "ACME", subtotal: 3998, discountTotal: 0, taxTotal: 0, total: 3998, currency: "USD", version: 2 });
    expect(first.body.lines[0]).toMatchObject({ sku: "BOLT-M8", quantity: 2, unitPrice: 1999, discount: 0, tax: 0, lineTotal: 3998, reserved: 2, shipped: 0, backordered: 0, warehouse: "EAST" });
    const retry = await post(body, "k-1");
    expect(retry.body.number).toBe(first.body.number);
    const other = await post({ ...body, lines: [{ sku: "NUT-M8", quantity: 1 }] }, "k-1");
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("reads, lists and filters orders", async () => {
    const created = await api.call("POST", "/orders", { key: shop, body: { ...body, customerReference: "WEB-2002", lines: [{ sku: "BOLT-M8", quantity: 3 }] } });
    const read = await api.call("GET", `/orders/${created.body.number}`, { key: finance });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ number: created.body.number, fulfillmentStatus: "unfulfilled", billingStatus: "unbilled", exceptions: [] });
    const list = await api.call("GET", "/orders?customer=ACME&search=WEB-2002", { key: finance });
    expect(list.body.items.map((o: { number: string }) => o.number)).toEqual([created.body.number]);
    expect(list.body.nextCursor).toBeNull();
    expect((await api.call("GET", "/orders/SO-1", { key: finance })).status).toBe(404);
  });

  it("edits with a version (409 when stale), and moves orders through their states", async () => {
    const draft = await api.call("POST", "/orders", { key: shop, body: { ...body, customerReference: "WEB-3003", draft: true } });
    expect(draft.body.status).toBe("draft");
    const number = draft.body.number;

    const edited = await api.call("PATCH", `/orders/${number}`, { key: shop, body: { version: draft.body.version, lines: [{ sku: "NUT-M8", quantity: 4 }] } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ total: 1000, version: draft.body.version + 1 });
    const stale = await api.call("PATCH", `/orders/${number}`, { key: shop, body: { version: draft.body.version, lines: [{ sku: "NUT-M8", quantity: 5 }] } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("STALE_VERSION");

    const submitted = await api.call("POST", `/orders/${number}/submit`, { key: shop });
    expect(submitted.body.status).toBe("open");
    expect((await api.call("POST", `/orders/${number}/submit`, { key: shop })).status).toBe(409);
    expect((await api.call("POST", `/orders/${number}/release-hold`, { key: shop })).status).toBe(409);
    const noReason = await api.call("POST", `/orders/${number}/cancel`, { key: shop, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.fields.reason).toBeDefined();
    expect((await api.call("POST", `/orders/${number}/cancel`, { key: finance, body: { reason: "x" } })).status).toBe(403);
    const canceled = await api.call("POST", `/orders/${number}/cancel`, { key: shop, body: { reason: "test" } });
    expect(canceled.body).toMatchObject({ status: "canceled", canceledReason: "test" });
  });

  it("names bad fields in a 400", async () => {
    const bad = await api.call("POST", "/orders", { key: shop, body: { customer: "ACME", lines: [{ sku: "BOLT-M8", quantity: 0 }, { sku: "BOLT-M8", quantity: 1, unitPrice: 5 }] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields)).toEqual(expect.arrayContaining(["lines.0.quantity", "lines.1.overrideReason"]));
    const empty = await api.call("POST", "/orders", { key: shop, body: { customer: "ACME", lines: [] } });
    expect(empty.body.error.details.fields.lines).toBeDefined();
  });

  it("creates a quote and converts it into an order", async () => {
    const quote = await api.call("POST", "/quotes", { key: shop, body: { customer: "ACME", channel: "email", lines: [{ sku: "WASHER-M8", quantity: 100 }] } });
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({ kind: "quote", status: "draft", total: 9900 });
    const order = await api.call("POST", `/quotes/${quote.body.number}/convert`, { key: shop });
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ kind: "order", status: "open", convertedFrom: quote.body.number });
    expect((await api.call("POST", `/quotes/${quote.body.number}/convert`, { key: shop })).status).toBe(409);
  });
});
