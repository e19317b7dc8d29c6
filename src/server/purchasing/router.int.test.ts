import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/lib/dates";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { getOpenApiDocument } from "~/server/api/rest";
import { createApiKey } from "~/server/integration";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";
import { createWarehouse } from "~/server/inventory/warehouses";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
const keys = { manager: "", warehouse: "", rep: "", finance: "" };

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "EAST", name: "East", address, priority: 10 } });
  api = await startRestServer(t.db);
  for (const role of ["manager", "warehouse", "rep", "finance"] as const) {
    keys[role] = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: `${role}-key`, role } })).key;
  }
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

describe("REST: vendors and purchase orders", () => {
  it("creates and edits vendors, assigns SKUs; only purchasing managers may", async () => {
    const vendor = { code: "FASTCO", name: "Fastener Co", contactName: "Pat", email: "orders@fastco.test", phone: "+1 555 0100", leadTimeDays: 9 };
    expect((await api.call("POST", "/vendors", { key: keys.warehouse, body: vendor })).status).toBe(403);
    const created = await api.call("POST", "/vendors", { key: keys.manager, body: vendor });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ...vendor, isArchived: false, productCount: 0, openPurchaseOrders: 0 });
    expect((await api.call("POST", "/vendors", { key: keys.manager, body: vendor })).status).toBe(409);

    const badEmail = await api.call("POST", "/vendors", { key: keys.manager, body: { ...vendor, code: "OTHER", email: "not-mail" } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.details.fields.email).toBeDefined();

    const patched = await api.call("PATCH", "/vendors/FASTCO", { key: keys.manager, body: { leadTimeDays: 5 } });
    expect(patched.body).toMatchObject({ code: "FASTCO", leadTimeDays: 5, name: "Fastener Co" });

    const assigned = await api.call("POST", "/vendors/FASTCO/products", { key: keys.manager, body: { skus: ["BOLT-M8", { sku: "NUT-M8", vendorSku: "FC-88" }] } });
    expect(assigned.status).toBe(200);
    expect(assigned.body.products.map((p: { sku: string; vendorSku: string | null }) => [p.sku, p.vendorSku])).toEqual([["BOLT-M8", null], ["NUT-M8", "FC-88"]]);
    const unknown = await api.call("POST", "/vendors/FASTCO/products", { key: keys.manager, body: { skus: ["NOPE"] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.fields["skus.0"]).toBeDefined();

    const list = await api.call("GET", "/vendors?search=fast", { key: keys.warehouse });
    expect(list.body).toMatchObject({ items: [{ code: "FASTCO", productCount: 2 }], nextCursor: null });
    expect((await api.call("GET", "/vendors", { key: keys.rep })).status).toBe(403);
    expect((await api.call("GET", "/vendors/NOBODY", { key: keys.manager })).status).toBe(404);
  });

  it("drafts, edits with a version, sends; warehouse receives (rep 403); over-receipt is a 400 naming lines.N.quantity", async () => {
    const created = await api.call("POST", "/purchase-orders", {
      key: keys.manager,
      body: { vendor: "FASTCO", warehouse: "EAST", lines: [{ sku: "BOLT-M8", quantity: 20 }, { sku: "NUT-M8", quantity: 10, unitCost: 100 }] },
    });
    expect(created.status).toBe(200);
    const number: string = created.body.number;
    expect(created.body).toMatchObject({ status: "draft", expectedDate: addDays(todayIn(), 5), total: 20 * 1000 + 10 * 100, version: 1 });
    expect((await api.call("POST", "/purchase-orders", { key: keys.warehouse, body: { vendor: "FASTCO", warehouse: "EAST", lines: [{ sku: "BOLT-M8", quantity: 1 }] } })).status).toBe(403);
    const badSku = await api.call("POST", "/purchase-orders", { key: keys.manager, body: { vendor: "FASTCO", warehouse: "EAST", lines: [{ sku: "BOLT-M8", quantity: 1 }, { sku: "NOPE", quantity: 1 }] } });
    expect(badSku.status).toBe(400);
    expect(badSku.body.error.details.fields["lines.1.sku"]).toBeDefined();

    const patched = await api.call("PATCH", `/purchase-orders/${number}`, { key: keys.manager, body: { version: 1, notes: "Dock 3" } });
    expect(patched.body).toMatchObject({ notes: "Dock 3", version: 2 });
    const stale = await api.call("PATCH", `/purchase-orders/${number}`, { key: keys.manager, body: { version: 1, notes: "Dock 4" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("STALE_VERSION");

    expect((await api.call("POST", `/purchase-orders/${number}/receive`, { key: keys.warehouse, body: { lines: [{ sku: "BOLT-M8", quantity: 1 }] } })).status).toBe(409);
    expect((await api.call("POST", `/purchase-orders/${number}/send`, { key: keys.warehouse })).status).toBe(403);
    const sent = await api.call("POST", `/purchase-orders/${number}/send`, { key: keys.manager });
    expect(sent.body.status).toBe("sent");

    const byRep = await api.call("POST", `/purchase-orders/${number}/receive`, { key: keys.rep, body: { lines: [{ sku: "BOLT-M8", quantity: 5 }] } });
    expect(byRep.status).toBe(403);
    const over = await api.call("POST", `/purchase-orders/${number}/receive`, { key: keys.warehouse, body: { lines: [{ sku: "BOLT-M8", quantity: 21 }] } });
    expect(over.status).toBe(400);
    expect(over.body.error.details.fields["lines.0.quantity"]).toEqual([expect.stringContaining("at most 20")]);
    const zero = await api.call("POST", `/purchase-orders/${number}/receive`, { key: keys.warehouse, body: { lines: [{ sku: "BOLT-M8", quantity: 0 }] } });
    expect(zero.status).toBe(400);
    expect(zero.body.error.details.fields["lines.0.quantity"]).toBeDefined();

    const partial = await api.call("POST", `/purchase-orders/${number}/receive`, { key: keys.warehouse, body: { lines: [{ sku: "BOLT-M8", quantity: 5 }] } });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ purchaseOrder: { status: "partially_received", received: 5 }, received: [{ sku: "BOLT-M8", quantity: 5, warehouse: "EAST", onHand: 5 }], allocated: [] });
    const stock = await api.call("GET", "/stock?sku=BOLT-M8&warehouse=EAST", { key: keys.warehouse });
    expect(stock.body.items[0]).toMatchObject({ onHand: 5 });

    const full = await api.call("POST", `/purchase-orders/${number}/receive`, { key: keys.warehouse, body: { lines: [{ sku: "BOLT-M8", quantity: 15 }, { sku: "NUT-M8", quantity: 10 }] } });
    expect(full.body.purchaseOrder).toMatchObject({ status: "received", received: 30 });

    const read = await api.call("GET", `/purchase-orders/${number.toLowerCase()}`, { key: keys.warehouse });
    expect(read.body.lines.map((l: { sku: string; received: number; remaining: number }) => [l.sku, l.received, l.remaining])).toEqual([["BOLT-M8", 20, 0], ["NUT-M8", 10, 0]]);
    const history = await api.call("GET", `/purchase-orders/${number}/history`, { key: keys.manager });
    expect(history.body.map((h: { action: string; actor: string }) => h.action)).toEqual(["created", "updated", "sent", "received", "received"]);
    expect(history.body[3].actor).toBe("API key warehouse-key");
  });

  it("lists with filters, closes with a reason and cancels", async () => {
    const make = async (lines: { sku: string; quantity: number }[]) =>
      (await api.call("POST", "/purchase-orders", { key: keys.manager, body: { vendor: "FASTCO", warehouse: "EAST", lines } })).body.number as string;
    const a = await make([{ sku: "WASHER-M8", quantity: 100 }]);
    const b = await make([{ sku: "WASHER-M8", quantity: 50 }]);
    await api.call("POST", `/purchase-orders/${a}/send`, { key: keys.manager });
    await api.call("POST", `/purchase-orders/${a}/receive`, { key: keys.warehouse, body: { lines: [{ sku: "WASHER-M8", quantity: 40 }] } });

    const noReason = await api.call("POST", `/purchase-orders/${a}/close`, { key: keys.manager, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.fields.reason).toBeDefined();
    expect((await api.call("POST", `/purchase-orders/${a}/close`, { key: keys.warehouse, body: { reason: "x" } })).status).toBe(403);
    expect((await api.call("POST", `/purchase-orders/${a}/cancel`, { key: keys.manager })).status).toBe(409);
    const closed = await api.call("POST", `/purchase-orders/${a}/close`, { key: keys.manager, body: { reason: "Rest back-ordered at vendor" } });
    expect(closed.body).toMatchObject({ status: "closed", closeReason: "Rest back-ordered at vendor", lines: [{ quantity: 100, received: 40, remaining: 0 }] });
    const canceled = await api.call("POST", `/purchase-orders/${b}/cancel`, { key: keys.manager, body: { reason: "Duplicate" } });
    expect(canceled.body.status).toBe("canceled");

    const washers = await api.call("GET", "/purchase-orders?sku=WASHER-M8", { key: keys.warehouse });
    expect(washers.body.items.map((p: { number: string }) => p.number)).toEqual([b, a]);
    const closedOnly = await api.call("GET", "/purchase-orders?status=closed&vendor=FASTCO&warehouse=EAST", { key: keys.warehouse });
    expect(closedOnly.body.items.map((p: { number: string }) => p.number)).toEqual([a]);
    const paged = await api.call("GET", "/purchase-orders?limit=1", { key: keys.warehouse });
    expect(paged.body.items).toHaveLength(1);
    const next = await api.call("GET", `/purchase-orders?limit=1&cursor=${paged.body.nextCursor}`, { key: keys.warehouse });
    expect(next.body.items[0].number).not.toBe(paged.body.items[0].number);
    expect((await api.call("GET", "/purchase-orders?status=lost", { key: keys.warehouse })).status).toBe(400);
    expect((await api.call("GET", "/purchase-orders", { key: keys.finance })).status).toBe(403);
  });

  it("documents the purchasing paths in the OpenAPI document", () => {
    const paths = Object.keys(getOpenApiDocument().paths ?? {});
    for (const path of [
      "/vendors",
      "/vendors/{code}",
      "/vendors/{code}/products",
      "/purchase-orders",
      "/purchase-orders/{number}",
      "/purchase-orders/{number}/send",
      "/purchase-orders/{number}/receive",
      "/purchase-orders/{number}/close",
      "/purchase-orders/{number}/cancel",
    ]) {
      expect(paths).toContain(path);
    }
  });
});
