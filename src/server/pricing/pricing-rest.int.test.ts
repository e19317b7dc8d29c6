import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createApiKey } from "~/server/integration";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";
import { whatWouldChange } from "./what-would-change";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
let admin = "";
let rep = "";
let manager = "";

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  api = await startRestServer(t.db);
  admin = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "pricing admin", role: "admin" } })).key;
  rep = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "rep", role: "rep" } })).key;
  manager = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "manager", role: "manager" } })).key;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

const order = (key: string, lines: unknown[], extra: Record<string, unknown> = {}) =>
  api.call("POST", "/orders", { key, body: { customer: "ACME", channel: "phone", lines, ...extra } });

describe("REST: pricing rules price the next orders", () => {
  it("prices with a customer price list tier, a stackable category discount, and NJ tax", async () => {
    const list = await api.call("POST", "/price-lists", {
      key: admin,
      body: {
        code: "ACME-2026",
        name: "Acme contract",
        customer: "ACME",
        priority: 10,
        items: [
          { sku: "BOLT-M8", minQuantity: 1, unitPrice: 1800 },
          { sku: "BOLT-M8", minQuantity: 100, unitPrice: 1500 },
        ],
      },
    });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ code: "ACME-2026", customer: "ACME", items: expect.arrayContaining([expect.objectContaining({ sku: "BOLT-M8", minQuantity: 100, unitPrice: 1500 })]) });

    const rule = await api.call("POST", "/discount-rules", {
      key: admin,
      body: { code: "FAST10", name: "Fasteners promo", percentOff: 10, conditions: { category: "Fasteners", minQuantity: 100 }, priority: 5, stackable: true },
    });
    expect(rule.status).toBe(200);
    expect(rule.body.summary).toBe("10% off category Fasteners when quantity ≥ 100 (stacks)");

    const tax = await api.call("POST", "/tax-rates", { key: admin, body: { country: "US", region: "NJ", taxCategory: "standard", ratePercent: 6.625 } });
    expect(tax.status).toBe(200);

    const priced = await order(rep, [{ sku: "BOLT-M8", quantity: 100 }, { sku: "NUT-M8", quantity: 10 }]);
    expect(priced.status).toBe(200);
    const [bolt, nut] = priced.body.lines;
    expect(bolt).toMatchObject({ unitPrice: 1500, discount: 15000, lineTotal: 135000, tax: 8944 });
    expect(bolt.priceExplanation.map((s: { step: string }) => s.step)).toEqual(["list_price", "price_list", "discount", "tax", "rounding"]);
    expect(nut).toMatchObject({ unitPrice: 250, discount: 0, lineTotal: 2500, tax: 166 });
    expect(priced.body).toMatchObject({ subtotal: 152500, discountTotal: 15000, taxTotal: 9110, total: 146610 });
  });

  it("warns of two exclusive rules that collide, and breaks the tie by the lower price", async () => {
    await api.call("POST", "/discount-rules", { key: admin, body: { code: "NUTS-A", name: "A", percentOff: 5, conditions: { sku: "NUT-M8" } } });
    const second = await api.call("POST", "/discount-rules", { key: admin, body: { code: "NUTS-B", name: "B", amountOff: 50, conditions: { sku: "NUT-M8" } } });
    expect(second.body.warnings).toEqual([expect.stringMatching(/Conflicts with NUTS-A/)]);
    const priced = await order(rep, [{ sku: "NUT-M8", quantity: 2 }]);
    expect(priced.body.lines[0]).toMatchObject({ lineTotal: 400 });
    expect(priced.body.lines[0].priceExplanation.find((s: { step: string }) => s.step === "discount").description).toMatch(/tie with NUTS-A/);
  });

  it("holds an order whose manual price goes beyond the rep's limit, in the manager's approval queue", async () => {
    const withinLimit = await order(rep, [{ sku: "WASHER-M8", quantity: 10, unitPrice: 95, overrideReason: "price match" }]);
    expect(withinLimit.body.status).toBe("open");
    const beyond = await order(rep, [{ sku: "WASHER-M8", quantity: 11, unitPrice: 60, overrideReason: "big customer" }]);
    expect(beyond.body.status).toBe("on_hold");
    expect(beyond.body.exceptions).toEqual([expect.objectContaining({ type: "price_approval", status: "open" })]);
    const queue = await api.call("GET", "/exceptions?type=price_approval", { key: manager });
    expect(queue.body.items.map((e: { order: string }) => e.order)).toContain(beyond.body.number);
    const released = await api.call("POST", `/orders/${beyond.body.number}/release-hold`, { key: manager, body: { note: "approved" } });
    expect(released.body.status).toBe("open");
  });

  it("refuses bad rules with the field named, and non-admins", async () => {
    const both = await api.call("POST", "/discount-rules", { key: admin, body: { code: "BAD", name: "Bad", percentOff: 10, amountOff: 100 } });
    expect(both.status).toBe(400);
    expect(both.body.error.details.fields.percentOff).toBeDefined();
    const unknownSku = await api.call("POST", "/price-lists", { key: admin, body: { code: "X", name: "X", items: [{ sku: "NOPE-1", unitPrice: 1 }] } });
    expect(unknownSku.status).toBe(400);
    expect(unknownSku.body.error.details.fields["items.0.sku"]).toBeDefined();
    const dates = await api.call("POST", "/discount-rules", { key: admin, body: { code: "D", name: "D", percentOff: 1, validFrom: "2026-05-01", validTo: "2026-04-01" } });
    expect(dates.body.error.details.fields.validTo).toBeDefined();
    expect((await api.call("POST", "/tax-rates", { key: manager, body: { country: "US", taxCategory: "standard", ratePercent: 5 } })).status).toBe(403);
    expect((await api.call("POST", "/price-lists", { key: admin, body: { code: "ACME-2026", name: "again" } })).status).toBe(409);
  });

  it("shows which recent orders a draft rule would change", async () => {
    const result = await whatWouldChange({
      db: t.db,
      actor: actors.admin,
      rule: { code: "WASH50", name: "Washers", scope: "line", percentOff: 50, currency: "USD", conditions: { sku: "WASHER-M8" }, priority: 100, stackable: false },
    });
    expect(result.checked).toBeGreaterThan(0);
    expect(result.changed.length).toBeGreaterThan(0);
    expect(result.changed.every((c) => c.after < c.before)).toBe(true);
  });
});
