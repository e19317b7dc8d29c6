import { isNotNull, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "~/server/catalog/create-product";
import { handleReplenishmentNightly } from "~/server/jobs";
import { createOrder } from "~/server/orders/create-order";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createApiKey } from "~/server/integration";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { setReorderPoint as setInventoryReorderPoint } from "~/server/inventory/reorder-points";
import { cancelTransfer, createTransfer } from "~/server/inventory/transfers";
import { createWarehouse } from "~/server/inventory/warehouses";
import { assignVendorProducts } from "./assign-vendor-products";
import { cancelPurchaseOrder } from "./cancel-purchase-order";
import { createVendor } from "./create-vendor";
import { draftPurchaseOrders } from "./draft-purchase-orders";
import { getPurchaseOrder } from "./get-purchase-order";
import { getReplenishmentOverview } from "./get-replenishment-overview";
import { listReorderSuggestions } from "./list-reorder-suggestions";
import { lastReplenishmentRun, runReplenishment } from "./run-replenishment";
import { reorderSuggestions } from "./schema";
import { ZListSuggestionsInput, type TReorderSuggestion } from "./schemas";
import { sendPurchaseOrder } from "./send-purchase-order";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "EAST", name: "East", address, priority: 10 } });
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "WEST", name: "West", address, priority: 20 } });
  await createVendor({ db: t.db, actor: actors.manager, input: { code: "FASTCO", name: "Fastener Co", leadTimeDays: 7 } });
  await createVendor({ db: t.db, actor: actors.manager, input: { code: "NUTCO", name: "Nut Company", leadTimeDays: 10 } });
  await assignVendorProducts({ db: t.db, actor: actors.manager, input: { code: "FASTCO", skus: ["BOLT-M8"] } });
  await assignVendorProducts({ db: t.db, actor: actors.manager, input: { code: "NUTCO", skus: ["NUT-M8"] } });
  // WASHER-M8 has no usual vendor.
});
afterAll(() => t?.cleanup());

const stock = (sku: string, warehouse: string, quantity: number) =>
  adjustStock({ db: t.db, actor: actors.warehouse, input: { sku, warehouse, quantity, reason: "initial_stock" } });

/**
 * Inventory's setter (creates the level when the SKU has none there). A point without a quantity means no lot
 * size: the API asks for a quantity with a point (ZSetReorderPointInput), the use case itself keeps the null.
 */
const setReorderPoint = (sku: string, warehouse: string, reorderPoint: number | null, reorderQuantity: number | null) =>
  setInventoryReorderPoint({ db: t.db, actor: actors.admin, input: { sku, warehouse, reorderPoint, reorderQuantity } });

const list = async (input: Record<string, unknown> = {}) =>
  (await listReorderSuggestions({ db: t.db, input: ZListSuggestionsInput.parse({ limit: 500, ...input }) })).items;
const find = (items: TReorderSuggestion[], sku: string, warehouse: string) => items.find((s) => s.sku === sku && s.warehouse === warehouse);

describe("replenishment", () => {
  it("a replenishment suggestion becomes a PO", async () => {
    await stock("BOLT-M8", "EAST", 5);
    await setReorderPoint("BOLT-M8", "EAST", 10, 24);

    const run = await runReplenishment(t.db, actors.manager);
    expect(run).toMatchObject({ trigger: "manual", actor: "Morgan Manager", suggestions: 1, withoutVendor: 0, coveredByDrafts: 0 });
    const [suggestion] = await list();
    expect(suggestion).toMatchObject({
      sku: "BOLT-M8",
      warehouse: "EAST",
      vendor: { code: "FASTCO", name: "Fastener Co" },
      onHand: 5,
      reserved: 0,
      inbound: 0,
      backordered: 0,
      position: 5,
      computedPosition: 5,
      reorderPoint: 10,
      reorderQuantity: 24,
      quantity: 24,
      unitCost: 1000, // BOLT-M8 cost: half its 19.99 list price, rounded
      estimatedCost: 24_000,
      purchaseOrder: null,
    });

    const drafted = await draftPurchaseOrders({ db: t.db, actor: actors.manager, input: {} });
    expect(drafted.drafted).toBe(1);
    expect(drafted.purchaseOrders).toEqual([{ number: expect.stringMatching(/^PO-\d+$/), vendor: "FASTCO", warehouse: "EAST", lines: 1, quantity: 24 }]);
    const po = await getPurchaseOrder({ db: t.db, number: drafted.purchaseOrders[0]!.number });
    expect(po).toMatchObject({ status: "draft", vendor: { code: "FASTCO" }, warehouse: { code: "EAST" } });
    expect(po.lines.map((l) => [l.sku, l.quantity, l.unitCost])).toEqual([["BOLT-M8", 24, 1000]]);

    // The suggestion now references its purchase order and is history, not open.
    expect(await list()).toEqual([]);
    const [history] = await list({ status: "drafted" });
    expect(history).toMatchObject({ id: suggestion!.id, sku: "BOLT-M8", purchaseOrder: { number: po.number, status: "draft" } });

    // While the PO is a draft, the level is not suggested again (drafts are not inbound yet)…
    const again = await runReplenishment(t.db, actors.manager);
    expect(again).toMatchObject({ suggestions: 0, coveredByDrafts: 1 });
    expect(await list()).toEqual([]);
    expect(await list({ status: "drafted" })).toHaveLength(1);

    // …once sent, it is inbound and lifts the position above the point: still nothing to suggest.
    await sendPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: po.number } });
    expect(await runReplenishment(t.db, actors.manager)).toMatchObject({ suggestions: 0, coveredByDrafts: 0 });
  });

  it("suggests again when the drafted PO is canceled", async () => {
    await stock("BOLT-M8", "WEST", 3);
    await setReorderPoint("BOLT-M8", "WEST", 5, null);
    await runReplenishment(t.db, actors.manager);
    const open = find(await list(), "BOLT-M8", "WEST");
    expect(open).toMatchObject({ quantity: 3, vendor: { code: "FASTCO" } }); // no lot size: 5 + 1 − 3
    const { purchaseOrders } = await draftPurchaseOrders({ db: t.db, actor: actors.manager, input: { suggestionIds: [open!.id] } });
    expect((await runReplenishment(t.db, actors.manager)).coveredByDrafts).toBe(1);

    await cancelPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: purchaseOrders[0]!.number, reason: "vendor out of stock" } });
    await runReplenishment(t.db, actors.manager);
    expect(find(await list(), "BOLT-M8", "WEST")).toMatchObject({ quantity: 3, purchaseOrder: null });
    await setReorderPoint("BOLT-M8", "WEST", null, null);
  });

  it("counts backorders of open orders and transfers in transit into the position", async () => {
    await stock("NUT-M8", "EAST", 50);
    await setReorderPoint("NUT-M8", "EAST", 10, 25);
    await runReplenishment(t.db, actors.manager);
    expect(find(await list(), "NUT-M8", "EAST")).toBeUndefined();

    // ACME orders 80: 50 reserved in EAST (the only stock), 30 backordered there.
    const order = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", lines: [{ sku: "NUT-M8", quantity: 80 }], draft: false } });
    expect(order.lines[0]).toMatchObject({ reserved: 50, backordered: 30, warehouse: "EAST" });
    await runReplenishment(t.db, actors.manager);
    // position 50 − 50 + 0 − 30 = −30; rising above 10 takes 41 → 2 lots of 25.
    expect(find(await list(), "NUT-M8", "EAST")).toMatchObject({ onHand: 50, reserved: 50, inbound: 0, backordered: 30, position: -30, computedPosition: -30, quantity: 50 });

    // 45 in transit from WEST to EAST: position 15 > 10, nothing to buy.
    await stock("NUT-M8", "WEST", 45);
    const transfer = await createTransfer({ db: t.db, actor: actors.warehouse, input: { sku: "NUT-M8", from: "WEST", to: "EAST", quantity: 45 } });
    const lifted = await runReplenishment(t.db, actors.manager);
    expect(find(await list(), "NUT-M8", "EAST")).toBeUndefined();
    expect(lifted.suggestions).toBe((await list()).length);

    // Canceled: the transfer is no longer inbound.
    await cancelTransfer({ db: t.db, actor: actors.warehouse, input: { number: transfer.number } });
    await runReplenishment(t.db, actors.manager);
    expect(find(await list(), "NUT-M8", "EAST")).toMatchObject({ inbound: 0, position: -30, quantity: 50 });
  });

  it("keeps products without a usual vendor visible, refuses to draft them by name and skips them in 'draft all'", async () => {
    await stock("WASHER-M8", "EAST", 1);
    await setReorderPoint("WASHER-M8", "EAST", 20, 100);
    const run = await runReplenishment(t.db, actors.manager);
    expect(run.withoutVendor).toBe(1);
    const washer = find(await list(), "WASHER-M8", "EAST");
    expect(washer).toMatchObject({ vendor: null, quantity: 100 });
    expect(await list({ vendor: "none" })).toEqual([washer]);

    await expect(draftPurchaseOrders({ db: t.db, actor: actors.manager, input: { suggestionIds: [washer!.id] } })).rejects.toMatchObject({
      kind: "business_rule",
      code: "NO_USUAL_VENDOR",
      message: expect.stringContaining("WASHER-M8"),
    });

    const overview = await getReplenishmentOverview({ db: t.db });
    expect(overview.vendors.at(-1)).toMatchObject({ vendor: null, suggestions: 1, purchaseOrders: 0 });
    expect(overview.lastRun).toMatchObject({ trigger: "manual", suggestions: run.suggestions });

    const all = await draftPurchaseOrders({ db: t.db, actor: actors.manager, input: {} });
    expect(all.skippedWithoutVendor).toEqual([{ sku: "WASHER-M8", warehouse: "EAST" }]);
    expect(all.purchaseOrders.map((p) => `${p.vendor}@${p.warehouse}`)).toEqual(["NUTCO@EAST"]);
    expect(await list()).toEqual([washer]);

    await expect(draftPurchaseOrders({ db: t.db, actor: actors.manager, input: {} })).rejects.toMatchObject({ code: "NOTHING_TO_DRAFT" });
  });

  it("replaces open suggestions on every run, and refuses to draft replaced ones", async () => {
    const before = await list();
    await runReplenishment(t.db, actors.manager);
    const after = await list();
    expect(after.map((s) => `${s.sku}@${s.warehouse}`)).toEqual(before.map((s) => `${s.sku}@${s.warehouse}`));
    const open = await t.db.select().from(reorderSuggestions).where(isNull(reorderSuggestions.purchaseOrderId));
    expect(open).toHaveLength(after.length);
    await expect(draftPurchaseOrders({ db: t.db, actor: actors.manager, input: { suggestionIds: before.map((s) => s.id) } })).rejects.toMatchObject({
      kind: "conflict",
      code: "SUGGESTIONS_CHANGED",
    });
    // Drafted suggestions stay as history, with their PO.
    const drafted = await t.db.select().from(reorderSuggestions).where(isNotNull(reorderSuggestions.purchaseOrderId));
    expect(drafted.length).toBeGreaterThanOrEqual(3);
  });

  it("the nightly job handler computes the suggestions and records itself", async () => {
    await t.db.delete(reorderSuggestions).where(isNull(reorderSuggestions.purchaseOrderId));
    const result = await handleReplenishmentNightly(t.db);
    expect(result).toMatchObject({ trigger: "nightly", actor: "nightly job" });
    expect(result.suggestions).toBeGreaterThan(0);
    expect(await list()).toHaveLength(result.suggestions);
    expect(await lastReplenishmentRun(t.db)).toEqual(result);
  });
});

describe("a usual vendor assigned after the run", () => {
  it("counts at once: the suggestion shows it and drafts to it without recalculating", async () => {
    await createProduct({
      db: t.db,
      actor: actors.admin,
      input: { sku: "PIN-M8", name: "PIN-M8 part", category: "Fasteners", unit: "box", currency: "USD", listPrice: 400, cost: 200, weightGrams: 10, taxCategory: "standard", leadTimeDays: 14 },
    });
    await setReorderPoint("PIN-M8", "EAST", 5, 10);
    await runReplenishment(t.db, actors.manager);
    const before = find(await list(), "PIN-M8", "EAST");
    expect(before).toMatchObject({ vendor: null, quantity: 10, estimatedCost: 2_000 });

    await assignVendorProducts({ db: t.db, actor: actors.manager, input: { code: "NUTCO", skus: ["PIN-M8"] } });
    expect(find(await list({ vendor: "NUTCO" }), "PIN-M8", "EAST")).toMatchObject({ id: before!.id, vendor: { code: "NUTCO" } });
    const drafted = await draftPurchaseOrders({ db: t.db, actor: actors.manager, input: { suggestionIds: [before!.id] } });
    expect(drafted.purchaseOrders).toEqual([expect.objectContaining({ vendor: "NUTCO", warehouse: "EAST", quantity: 10 })]);
    expect(find(await list({ status: "drafted", vendor: "NUTCO" }), "PIN-M8", "EAST")).toMatchObject({ purchaseOrder: { number: drafted.purchaseOrders[0]!.number } });
  });
});

describe("the drafted history", () => {
  it("lists the newest purchase order first and pages through every drafted suggestion once", async () => {
    const all = await list({ status: "drafted" });
    expect(all.length).toBeGreaterThanOrEqual(3);
    const numbers = all.map((s) => Number(s.purchaseOrder!.number.replace(/\D/g, "")));
    expect(numbers).toEqual([...numbers].sort((x, y) => y - x));

    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listReorderSuggestions({ db: t.db, input: ZListSuggestionsInput.parse({ status: "drafted", limit: 1, cursor }) });
      paged.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all.map((s) => s.id));
  });
});

describe("REST: /replenishment", () => {
  let api: Awaited<ReturnType<typeof startRestServer>>;
  beforeAll(async () => {
    api = await startRestServer(t.db);
  });
  afterAll(() => api?.close());

  it("runs, lists and drafts over HTTP; the warehouse may look but not run", async () => {
    const manager = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "buyer", role: "manager" } })).key;
    const warehouse = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "wms", role: "warehouse" } })).key;
    await stock("BOLT-M8", "WEST", 1);
    await setReorderPoint("BOLT-M8", "WEST", 4, 10);

    expect((await api.call("POST", "/replenishment/run", { key: warehouse })).status).toBe(403);
    const run = await api.call("POST", "/replenishment/run", { key: manager });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ trigger: "manual", actor: "API key buyer" });

    const listed = await api.call("GET", "/replenishment/suggestions?vendor=FASTCO&warehouse=WEST&limit=10", { key: warehouse });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ sku: "BOLT-M8", warehouse: "WEST", quantity: 10, vendor: { code: "FASTCO", name: "Fastener Co" } })]);

    const bad = await api.call("POST", "/replenishment/draft-purchase-orders", { key: manager, body: { suggestionIds: ["not-an-id"] } });
    expect(bad.status).toBe(400);
    const washer = (await api.call("GET", "/replenishment/suggestions?vendor=none", { key: manager })).body.items[0];
    const refused = await api.call("POST", "/replenishment/draft-purchase-orders", { key: manager, body: { suggestionIds: [washer.id] } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "NO_USUAL_VENDOR", message: expect.stringContaining("WASHER-M8") });

    const drafted = await api.call("POST", "/replenishment/draft-purchase-orders", { key: manager, body: { suggestionIds: [listed.body.items[0].id] } });
    expect(drafted.status).toBe(200);
    expect(drafted.body).toMatchObject({ drafted: 1, purchaseOrders: [{ vendor: "FASTCO", warehouse: "WEST", lines: 1, quantity: 10 }] });
  });
});
