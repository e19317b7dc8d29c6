import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { auditEvents } from "~/server/db/schema";
import { createApiKey } from "~/server/integration";
import { createOrder } from "~/server/orders/create-order";
import { archiveReferenceValue } from "~/server/settings/archive-reference-value";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";
import { createProduct } from "./create-product";
import { getProduct } from "./get-product";
import { listProducts } from "./list-products";
import { setProductArchived } from "./set-product-archived";
import { updateProduct } from "./update-product";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
const keys = { rep: "", manager: "" };

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  api = await startRestServer(t.db);
  for (const role of ["rep", "manager"] as const) keys[role] = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: `${role} key`, role } })).key;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

const newProduct = (sku: string, listPrice = 1_000) =>
  createProduct({ db: t.db, actor: actors.admin, input: { sku, name: `${sku} part`, category: "Fasteners", unit: "box", currency: "USD", listPrice, cost: 400, weightGrams: 100, taxCategory: "standard", leadTimeDays: 14 } });
const auditOf = (sku: string, action: string) => t.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "product"), eq(auditEvents.entityId, sku), eq(auditEvents.action, action)));

describe("editing a product", () => {
  it("changes what is given, keeps the rest, audits what changed; orders entered before keep their price", async () => {
    const created = await newProduct("EDIT-P1");
    const order = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", lines: [{ sku: "BOLT-M8", quantity: 1 }], draft: true } });
    const edited = await updateProduct({
      db: t.db,
      actor: actors.manager,
      input: { sku: "EDIT-P1", version: created.version, name: "Edit part, zinc", listPrice: 1_250, category: "Anchors & Plugs", unit: "CS", packSize: 6 },
    });
    expect(edited).toMatchObject({ sku: "EDIT-P1", name: "Edit part, zinc", listPrice: 1_250, cost: 400, category: "Anchors & Plugs", unit: "case", packSize: 6, version: created.version + 1 });
    expect(await getProduct({ db: t.db, sku: "EDIT-P1" })).toEqual(edited);
    const [audit] = await auditOf("EDIT-P1", "updated");
    expect(audit).toMatchObject({
      actor: actors.manager.name,
      before: { name: "EDIT-P1 part", listPrice: 1_000, category: "Fasteners", unit: "box", packSize: 1 },
      after: { name: "Edit part, zinc", listPrice: 1_250, category: "Anchors & Plugs", unit: "case", packSize: 6 },
    });
    // A new order is priced from the new list price; one entered before is not repriced by the edit.
    const priced = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", lines: [{ sku: "EDIT-P1", quantity: 6 }], draft: true } });
    expect(priced.lines[0]!.unitPrice).toBe(1_250);
    expect(order.total).toBeGreaterThan(0);

    // An edit that changes nothing writes nothing.
    const same = await updateProduct({ db: t.db, actor: actors.manager, input: { sku: "EDIT-P1", name: "Edit part, zinc" } });
    expect(same.version).toBe(edited.version);
    expect(await auditOf("EDIT-P1", "updated")).toHaveLength(1);
  });

  it("refuses a stale version, bad numbers, an archived unit and a rep, naming the field", async () => {
    const created = await newProduct("EDIT-P2");
    await updateProduct({ db: t.db, actor: actors.manager, input: { sku: "EDIT-P2", version: created.version, cost: 450 } });
    const stale = await api.call("PATCH", "/products/EDIT-P2", { key: keys.manager, body: { version: created.version, cost: 500 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "STALE_VERSION", details: { currentVersion: created.version + 1, yourVersion: created.version } });
    const negative = await api.call("PATCH", "/products/EDIT-P2", { key: keys.manager, body: { listPrice: -1 } });
    expect(negative.status).toBe(400);
    expect(negative.body.error.details.fields.listPrice).toEqual(["List price cannot be negative"]);
    const currency = await api.call("PATCH", "/products/EDIT-P2", { key: keys.manager, body: { currency: "EUR" } });
    expect(currency.status).toBe(400);
    expect((await api.call("PATCH", "/products/EDIT-P2", { key: keys.rep, body: { cost: 1 } })).status).toBe(403);
    expect((await api.call("PATCH", "/products/NOPE", { key: keys.manager, body: { cost: 1 } })).status).toBe(404);

    await archiveReferenceValue({ db: t.db, actor: actors.admin, input: { kind: "units", code: "pallet" }, archived: true });
    const unit = await api.call("PATCH", "/products/EDIT-P2", { key: keys.manager, body: { unit: "pallet" } });
    expect(unit.status).toBe(400);
    expect(unit.body.error.details.fields.unit).toEqual([expect.stringMatching(/archived/)]);
    expect((await getProduct({ db: t.db, sku: "EDIT-P2" })).cost).toBe(450);
  });
});

describe("archiving a product", () => {
  it("an archived product leaves the list and new orders refuse it; restored, it is back", async () => {
    await newProduct("GONE-P1");
    const archived = await api.call("PUT", "/products/GONE-P1/archived", { key: keys.manager, body: { archived: true } });
    expect(archived.body.isArchived).toBe(true);
    const skus = async (status: "active" | "archived") => (await listProducts({ db: t.db, input: { limit: 500, status } })).items.map((p) => p.sku);
    expect(await skus("active")).not.toContain("GONE-P1");
    expect(await skus("archived")).toContain("GONE-P1");
    await expect(createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", lines: [{ sku: "GONE-P1", quantity: 1 }], draft: true } })).rejects.toMatchObject({
      details: { fields: { "lines.0.sku": [expect.stringMatching(/archived/)] } },
    });
    await setProductArchived({ db: t.db, actor: actors.manager, input: { sku: "GONE-P1", archived: false } });
    expect(await skus("active")).toContain("GONE-P1");
    expect((await auditOf("GONE-P1", "archived")).length + (await auditOf("GONE-P1", "restored")).length).toBe(2);
  });
});
