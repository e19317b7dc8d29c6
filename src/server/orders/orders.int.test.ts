import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { and, asc, eq } from "drizzle-orm";
import { orderLines, orders } from "./schema";
import { products } from "~/server/catalog/schema";
import { createProduct } from "~/server/catalog/create-product";
import { createCustomer } from "~/server/customers/create-customer";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { stockLevels, stockMovements, warehouses } from "~/server/inventory/schema";
import { actors, address, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { cancelOrder } from "./cancel-order";
import { convertQuote } from "./convert-quote";
import { createOrder, createQuote } from "./create-order";
import { duplicateOrder } from "./duplicate-order";
import { findRecentDuplicates } from "./find-duplicates";
import { listOrders } from "./list-orders";
import { orderTimeline } from "./order-timeline";
import { releaseHold } from "./release-hold";
import { ZListOrdersInput } from "./schemas";
import { submitOrder } from "./submit-order";
import { keptLine } from "./manual-price";
import { updateOrder } from "./update-order";
import { openOrdersTotal } from "./queries";
import { orderShipments } from "~/server/fulfillment";
import { getShipment } from "~/server/fulfillment/get-shipment";
import { planShipments } from "~/server/fulfillment/plan-shipments";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  // Plenty of everything in one warehouse, so orders reserve in full unless a test says otherwise.
  await stockFixtures(t.db);
});
afterAll(() => t.cleanup());

const lines = [
  { sku: "BOLT-M8", quantity: 10 },
  { sku: "NUT-M8", quantity: 40 },
];
let placed = 0;
/** A new order of `lines`; each after the first asks one more NUT-M8, so the duplicate-order rule leaves them alone. */
const newOrder = (overrides: Record<string, unknown> = {}) =>
  createOrder({
    db: t.db,
    actor: actors.rep,
    input: { customer: "ACME", channel: "phone", lines: lines.map((l) => (l.sku === "NUT-M8" ? { ...l, quantity: l.quantity + placed++ } : l)), draft: false, ...overrides },
  });

describe("creating orders", () => {
  it("submits at once, prices at list, defaults the ship-to and records the timeline", async () => {
    const order = await newOrder({ customerReference: "PO-1" });
    expect(order).toMatchObject({
      kind: "order",
      status: "open",
      customer: "ACME",
      subtotal: 10 * 1999 + 40 * 250,
      discountTotal: 0,
      taxTotal: 0,
      total: 29990,
      shipTo: { city: "Newark", country: "US" },
      version: 2,
    });
    expect(order.number).toMatch(/^SO-\d+$/);
    expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      ["BOLT-M8", 10, 1999, 19990],
      ["NUT-M8", 40, 250, 10000],
    ]);
    expect(order.lines[0]!.priceExplanation[0]).toMatchObject({ step: "list_price" });
    const timeline = await orderTimeline({ db: t.db, number: order.number });
    expect(timeline.map((e) => e.type)).toEqual(["created", "submitted", "opened"]);
    expect(timeline[0]!.actor).toBe("Riley Rep");
  });

  it("keeps a draft as a draft, and submits it later", async () => {
    const draft = await newOrder({ draft: true });
    expect(draft.status).toBe("draft");
    const submitted = await submitOrder({ db: t.db, actor: actors.rep, number: draft.number });
    expect(submitted.status).toBe("open");
  });

  it("names the field of every bad line and leaves nothing half-written", async () => {
    const before = await listOrders({ db: t.db, input: ZListOrdersInput.parse({ limit: 500 }) });
    await expect(newOrder({ lines: [{ sku: "BOLT-M8", quantity: 1 }, { sku: "NOPE-1", quantity: 2 }] })).rejects.toMatchObject({
      kind: "invalid",
      details: { fields: { "lines.1.sku": [expect.stringContaining("NOPE-1")] } },
    });
    await expect(newOrder({ customer: "NOBODY" })).rejects.toMatchObject({ kind: "invalid", details: { fields: { customer: expect.any(Array) } } });
    const after = await listOrders({ db: t.db, input: ZListOrdersInput.parse({ limit: 500 }) });
    expect(after.items.length).toBe(before.items.length);
  });

  it("places an order past the credit limit on hold with a credit-hold exception; a manager releases it", async () => {
    const held = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "TIGHT", channel: "email", lines: [{ sku: "BOLT-M8", quantity: 3 }], draft: false } });
    expect(held.status).toBe("on_hold");
    expect(held.exceptions).toEqual([expect.objectContaining({ type: "credit_hold", status: "open", reason: expect.stringMatching(/Credit limit \$50\.00 exceeded by \$9\.97/) })]);

    await expect(releaseHold({ db: t.db, actor: actors.rep, input: { number: held.number } })).rejects.toMatchObject({ kind: "forbidden" });
    const released = await releaseHold({ db: t.db, actor: actors.manager, input: { number: held.number, note: "customer paid by phone" } });
    expect(released.status).toBe("open");
    expect(released.exceptions[0]).toMatchObject({ status: "resolved" });
    const timeline = await orderTimeline({ db: t.db, number: held.number });
    expect(timeline.at(-1)).toMatchObject({ type: "hold_released", actor: "Morgan Manager", data: { note: "customer paid by phone" } });
  });
});

describe("the state machine through the use cases", () => {
  it("refuses illegal transitions with a conflict", async () => {
    const order = await newOrder();
    await expect(submitOrder({ db: t.db, actor: actors.rep, number: order.number })).rejects.toMatchObject({ kind: "conflict", code: "ILLEGAL_TRANSITION" });
    await expect(releaseHold({ db: t.db, actor: actors.manager, input: { number: order.number } })).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    const canceled = await cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: order.number, reason: "customer changed mind" } });
    expect(canceled).toMatchObject({ status: "canceled", canceledReason: "customer changed mind" });
    await expect(cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: order.number, reason: "again" } })).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    await expect(updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: order.number, version: canceled.version, lines } })).rejects.toMatchObject({
      code: "ORDER_NOT_EDITABLE",
    });
  });

  it("cancels drafts and held orders too, closing their exceptions", async () => {
    const draft = await newOrder({ draft: true });
    expect((await cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: draft.number, reason: "duplicate" } })).status).toBe("canceled");
    const held = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "TIGHT", channel: "email", lines: [{ sku: "BOLT-M8", quantity: 5 }], draft: false } });
    const canceled = await cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: held.number, reason: "over budget" } });
    expect(canceled.exceptions.every((e) => e.status === "resolved")).toBe(true);
  });
});

describe("edits", () => {
  it("re-prices, bumps the version and records before/after totals", async () => {
    const order = await newOrder();
    const edited = await updateOrder({ shipments: orderShipments,
      db: t.db,
      actor: actors.rep,
      input: { number: order.number, version: order.version, lines: [{ sku: "BOLT-M8", quantity: 1 }], customerReference: "PO-EDIT" },
    });
    expect(edited).toMatchObject({ total: 1999, version: order.version + 1, customerReference: "PO-EDIT" });
    const event = (await orderTimeline({ db: t.db, number: order.number })).find((e) => e.type === "edited")!;
    expect(event.data).toMatchObject({ before: { total: order.total, customerReference: null }, after: { total: 1999, customerReference: "PO-EDIT" } });
  });

  it("keeps a manual price through a ship-to edit and a quantity edit (the line's unitPrice is the engine's; manualPrice is kept)", async () => {
    const order = await createOrder({ db: t.db, actor: actors.manager, input: { customer: "ACME", channel: "phone", lines: [{ sku: "BOLT-M8", quantity: 3, unitPrice: 1800, overrideReason: "loyal" }], draft: false } });
    expect(order.lines[0]).toMatchObject({ unitPrice: 1999, manualPrice: 1800, lineTotal: 5400 });
    const moved = await updateOrder({ shipments: orderShipments, db: t.db, actor: actors.manager, input: { number: order.number, version: order.version, shipTo: { ...address, line1: "2 Main St" } } });
    expect(moved.lines[0]).toMatchObject({ manualPrice: 1800, lineTotal: 5400, overrideReason: "loyal" });
    const more = await updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: order.number, version: moved.version, lines: [keptLine({ ...moved.lines[0]!, quantity: 4 })] } });
    expect(more.lines[0]).toMatchObject({ manualPrice: 1800, lineTotal: 7200 });
    expect(more.status).toBe("open");
  });

  it("refuses a stale version with a clear conflict and changes nothing", async () => {
    const order = await newOrder();
    await updateOrder({ shipments: orderShipments, db: t.db, actor: actors.manager, input: { number: order.number, version: order.version, lines: [{ sku: "NUT-M8", quantity: 1 }] } });
    await expect(
      updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: order.number, version: order.version, lines: [{ sku: "BOLT-M8", quantity: 99 }] } }),
    ).rejects.toMatchObject({ kind: "conflict", code: "STALE_VERSION", message: expect.stringMatching(/changed by Morgan Manager/) });
  });

  it("puts an order on hold when an edit takes it past the credit limit, and reopens it when an edit brings it back", async () => {
    await createCustomer({
      db: t.db,
      actor: actors.admin,
      input: { code: "SMALL", name: "Small Shop", segment: "retail", demandClass: "C", currency: "USD", creditLimit: 5_000, paymentTermsDays: 15, taxExempt: false, billingAddress: address },
    });
    const order = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "SMALL", channel: "phone", lines: [{ sku: "WASHER-M8", quantity: 1 }], draft: false } });
    expect(order.status).toBe("open");
    const bigger = await updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: order.number, version: order.version, lines: [{ sku: "BOLT-M8", quantity: 10 }] } });
    expect(bigger.status).toBe("on_hold");
    const smaller = await updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: order.number, version: bigger.version, lines: [{ sku: "WASHER-M8", quantity: 2 }] } });
    expect(smaller.status).toBe("open");
    await cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: order.number, reason: "test cleanup" } });
  });
});

describe("order lines keep their identity across edits", () => {
  const linesOf = async (number: string) => {
    const [row] = await t.db.select({ id: orders.id }).from(orders).where(eq(orders.number, number));
    return t.db.select().from(orderLines).where(eq(orderLines.orderId, row!.id)).orderBy(asc(orderLines.lineNo));
  };

  it("updates changed lines, inserts new ones after the last line and deletes only removed ones", async () => {
    const order = await newOrder({ lines: [{ sku: "BOLT-M8", quantity: 10 }, { sku: "NUT-M8", quantity: 40 }, { sku: "WASHER-M8", quantity: 5 }] });
    const [bolt, nut, washer] = await linesOf(order.number);
    const edited = await updateOrder({ shipments: orderShipments,
      db: t.db,
      actor: actors.rep,
      input: { number: order.number, version: order.version, lines: [{ sku: "BOLT-M8", quantity: 10 }, { sku: "NUT-M8", quantity: 12 }] },
    });
    const after = await linesOf(order.number);
    expect(after.map((l) => [l.id, l.lineNo, l.quantity])).toEqual([
      [bolt!.id, 1, 10],
      [nut!.id, 2, 12],
    ]);
    expect(after.some((l) => l.id === washer!.id)).toBe(false);
    // The untouched line was not rewritten at all.
    expect(after[0]!.updatedAt.getTime()).toBe(bolt!.updatedAt.getTime());

    // A line added back later is a new line (new id), numbered after the order's current lines.
    const again = await updateOrder({ shipments: orderShipments,
      db: t.db,
      actor: actors.rep,
      input: { number: order.number, version: edited.version, lines: [{ sku: "BOLT-M8", quantity: 10 }, { sku: "NUT-M8", quantity: 12 }, { sku: "WASHER-M8", quantity: 1 }] },
    });
    expect(again.lines.map((l) => [l.lineNo, l.sku, l.quantity])).toEqual([
      [1, "BOLT-M8", 10],
      [2, "NUT-M8", 12],
      [3, "WASHER-M8", 1],
    ]);
    const final = await linesOf(order.number);
    expect(final.map((l) => l.id).slice(0, 2)).toEqual([bolt!.id, nut!.id]);
    expect(final[2]!.id).not.toBe(washer!.id);
  });

  it("refuses to remove a line or go below what was shipped or invoiced, naming the line", async () => {
    const order = await newOrder({ lines: [{ sku: "BOLT-M8", quantity: 10 }, { sku: "NUT-M8", quantity: 40 }] });
    const [bolt, nut] = await linesOf(order.number);
    // Stands in for fulfillment and billing until they exist: 4 bolts shipped, 6 nuts invoiced.
    await t.db.update(orderLines).set({ shipped: 4 }).where(eq(orderLines.id, bolt!.id));
    await t.db.update(orderLines).set({ invoiced: 6 }).where(eq(orderLines.id, nut!.id));

    const edit = (lines: { sku: string; quantity: number }[]) => updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: order.number, version: order.version, lines } });
    await expect(edit([{ sku: "BOLT-M8", quantity: 3 }, { sku: "NUT-M8", quantity: 40 }])).rejects.toMatchObject({
      details: { fields: { "lines.0.quantity": [expect.stringMatching(/line 1 \(BOLT-M8\) has 4 shipped/)] } },
    });
    await expect(edit([{ sku: "BOLT-M8", quantity: 10 }, { sku: "NUT-M8", quantity: 5 }])).rejects.toMatchObject({
      details: { fields: { "lines.1.quantity": [expect.stringMatching(/6 invoiced/)] } },
    });
    await expect(edit([{ sku: "BOLT-M8", quantity: 10 }])).rejects.toMatchObject({ code: "LINE_SHIPPED", message: expect.stringMatching(/Line 2 has invoiced 6/) });
    // Nothing was half-written.
    expect((await linesOf(order.number)).map((l) => [l.id, l.quantity])).toEqual([
      [bolt!.id, 10],
      [nut!.id, 40],
    ]);
    const ok = await edit([{ sku: "BOLT-M8", quantity: 4 }, { sku: "NUT-M8", quantity: 6 }]);
    expect(ok.lines.map((l) => [l.quantity, l.shipped, l.invoiced])).toEqual([
      [4, 4, 0],
      [6, 0, 6],
    ]);
  });
});

describe("holds a manager released", () => {
  it("stay released through a notes-only edit and through edits that do not raise the total; a higher total asks again", async () => {
    const held = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "TIGHT", channel: "email", lines: [{ sku: "BOLT-M8", quantity: 3 }], draft: false } });
    expect(held.status).toBe("on_hold");
    const released = await releaseHold({ db: t.db, actor: actors.manager, input: { number: held.number, note: "approved by finance" } });
    expect(released.status).toBe("open");

    const noted = await updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: held.number, version: released.version, notes: "Call before delivery" } });
    expect(noted.status).toBe("open");
    expect(noted.exceptions.filter((e) => e.type === "credit_hold").map((e) => e.status)).toEqual(["resolved"]);

    // An API client that sends the whole order back (same lines, ship-to and channel) changes
    // nothing holds, prices or the warehouse look at: the shipment planned meanwhile stays planned.
    const { shipments } = await planShipments({ db: t.db, actor: actors.warehouse, input: { number: held.number } });
    const resent = await updateOrder({
      shipments: orderShipments,
      db: t.db,
      actor: actors.rep,
      input: { number: held.number, version: noted.version, channel: "email", shipTo: noted.shipTo, lines: [{ sku: "BOLT-M8", quantity: 3 }], notes: "Call first" },
    });
    expect(resent.status).toBe("open");
    expect(resent.exceptions.filter((e) => e.type === "credit_hold").map((e) => e.status)).toEqual(["resolved"]);
    expect(resent.lines.map((l) => [l.lineNo, l.unitPrice])).toEqual(noted.lines.map((l) => [l.lineNo, l.unitPrice]));
    expect((await getShipment({ db: t.db, id: shipments[0]!.number })).status).toBe("planned");

    const smaller = await updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: held.number, version: resent.version, lines: [{ sku: "BOLT-M8", quantity: 2 }] } });
    expect(smaller.status).toBe("open");

    const bigger = await updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: held.number, version: smaller.version, lines: [{ sku: "BOLT-M8", quantity: 4 }] } });
    expect(bigger.status).toBe("on_hold");
    expect(bigger.exceptions.filter((e) => e.type === "credit_hold").map((e) => e.status)).toEqual(["open"]) // the same exception reopens: one per type and order;
    await cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: held.number, reason: "test cleanup" } });
  });
});

describe("reserved stock follows edits and cancellation", () => {
  it("keeps an unchanged line's reservation, releases what a shorter line no longer needs, and all of it on cancel", async () => {
    await createProduct({ db: t.db, actor: actors.admin, input: { sku: "RARE-M8", name: "Rare part", category: "Fasteners", unit: "box", currency: "USD", listPrice: 500, cost: 200, weightGrams: 10, taxCategory: "standard", leadTimeDays: 14 } });
    await adjustStock({ db: t.db, actor: actors.admin, input: { sku: "RARE-M8", warehouse: "EAST", quantity: 50, reason: "initial_stock" } });
    const order = await newOrder({ lines: [{ sku: "BOLT-M8", quantity: 10 }, { sku: "RARE-M8", quantity: 40 }] });
    expect(order.lines.map((l) => [l.sku, l.reserved, l.backordered, l.warehouse])).toEqual([
      ["BOLT-M8", 10, 0, "EAST"],
      ["RARE-M8", 40, 0, "EAST"],
    ]);
    const [east] = await t.db.select().from(warehouses).where(eq(warehouses.code, "EAST"));
    const reservedOf = async (sku: string) => {
      const [row] = await t.db
        .select({ reserved: stockLevels.reserved })
        .from(stockLevels)
        .innerJoin(products, eq(products.id, stockLevels.productId))
        .where(and(eq(products.sku, sku), eq(stockLevels.warehouseId, east!.id)));
      return row!.reserved;
    };

    const edited = await updateOrder({ shipments: orderShipments,
      db: t.db,
      actor: actors.rep,
      input: { number: order.number, version: order.version, lines: [{ sku: "BOLT-M8", quantity: 10 }, { sku: "RARE-M8", quantity: 25 }] },
    });
    expect(edited.lines.map((l) => [l.sku, l.reserved, l.warehouse])).toEqual([
      ["BOLT-M8", 10, "EAST"],
      ["RARE-M8", 25, "EAST"],
    ]);
    expect(await reservedOf("RARE-M8")).toBe(25);

    // A longer line re-reserves what is there and backorders the rest; the order says so.
    const longer = await updateOrder({ shipments: orderShipments,
      db: t.db,
      actor: actors.rep,
      input: { number: order.number, version: edited.version, lines: [{ sku: "BOLT-M8", quantity: 10 }, { sku: "RARE-M8", quantity: 60 }] },
    });
    expect(longer.lines.map((l) => [l.sku, l.reserved, l.backordered])).toEqual([
      ["BOLT-M8", 10, 0],
      ["RARE-M8", 50, 10],
    ]);
    expect(longer.exceptions.map((e) => e.type)).toContain("stockout");
    expect(await reservedOf("RARE-M8")).toBe(50);

    const canceled = await cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: order.number, reason: "no longer needed" } });
    expect(canceled.lines.every((l) => l.reserved === 0)).toBe(true);
    expect(await reservedOf("RARE-M8")).toBe(0);
    const releases = await t.db.select().from(stockMovements).where(and(eq(stockMovements.kind, "release"), eq(stockMovements.reference, order.number)));
    expect(releases.map((m) => m.quantity).sort((a, b) => a - b)).toEqual([10, 15, 50]);
  });
});

describe("idempotent create", () => {
  it("returns the first order for a retry with the same key and body, and 409s another body", async () => {
    const input = { customer: "ACME", channel: "edi" as const, lines, draft: false };
    const first = await createOrder({ db: t.db, actor: actors.manager, input, idempotencyKey: "retry-1" });
    const again = await createOrder({ db: t.db, actor: actors.manager, input: { ...input, lines: [...lines] }, idempotencyKey: "retry-1" });
    expect(again.number).toBe(first.number);
    await expect(
      createOrder({ db: t.db, actor: actors.manager, input: { ...input, lines: [{ sku: "NUT-M8", quantity: 1 }] }, idempotencyKey: "retry-1" }),
    ).rejects.toMatchObject({ kind: "conflict", code: "IDEMPOTENCY_KEY_REUSED" });
    // Keys are per client: another caller's same key is a new order.
    const other = await createOrder({ db: t.db, actor: actors.rep, input, idempotencyKey: "retry-1" });
    expect(other.number).not.toBe(first.number);
  });

  it("answers concurrent retries with one order", async () => {
    const input = { customer: "ACME", channel: "edi" as const, lines, draft: false };
    const results = await Promise.all(Array.from({ length: 5 }, () => createOrder({ db: t.db, actor: actors.admin, input, idempotencyKey: "race-1" })));
    expect(new Set(results.map((r) => r.number)).size).toBe(1);
  });
});

describe("quotes", () => {
  it("creates a quote with its own number and validity, converts it once into a re-priced order", async () => {
    const quote = await createQuote({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "email", lines: [...lines, { sku: "WASHER-M8", quantity: 7 }] } });
    expect(quote).toMatchObject({ kind: "quote", status: "draft" });
    expect(quote.number).toMatch(/^QT-/);
    expect(quote.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(submitOrder({ db: t.db, actor: actors.rep, number: quote.number })).rejects.toMatchObject({ code: "QUOTE_NOT_SUBMITTABLE" });

    const order = await convertQuote({ db: t.db, actor: actors.rep, number: quote.number });
    expect(order).toMatchObject({ kind: "order", status: "open", total: quote.total, convertedFrom: quote.number });
    await expect(convertQuote({ db: t.db, actor: actors.rep, number: quote.number })).rejects.toMatchObject({ code: "QUOTE_CONVERTED" });
  });

  it("refuses an expired quote", async () => {
    const quote = await createQuote({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "email", lines, validUntil: "2026-01-31" } });
    await expect(convertQuote({ db: t.db, actor: actors.rep, number: quote.number, today: "2026-02-01" })).rejects.toMatchObject({
      kind: "business_rule",
      code: "QUOTE_EXPIRED",
    });
  });
});

describe("helpers of order entry and the list", () => {
  it("counts what open orders still bill: an unbilled one's lines with tax, a partly invoiced one's units not invoiced", async () => {
    await createCustomer({
      db: t.db,
      actor: actors.admin,
      input: { code: "EXPOSED", name: "Exposed Ltd", segment: "retail", demandClass: "C", currency: "USD", creditLimit: 10_000_000, paymentTermsDays: 15, taxExempt: false, billingAddress: address },
    });
    const place = (quantity: number) => createOrder({ db: t.db, actor: actors.rep, input: { customer: "EXPOSED", channel: "phone", lines: [{ sku: "BOLT-M8", quantity }, { sku: "NUT-M8", quantity: 3 }], draft: false } });
    const unbilled = await place(4);
    const partly = await place(10);
    const canceled = await place(2);
    await cancelOrder({ db: t.db, actor: actors.rep, input: { number: canceled.number, reason: "customer changed their mind" }, shipments: orderShipments });
    // Billing's part, as record-billing writes it: 4 of the 10 bolts invoiced.
    const [row] = await t.db.select({ id: orders.id, customerId: orders.customerId }).from(orders).where(eq(orders.number, partly.number));
    const bolt = partly.lines.find((l) => l.sku === "BOLT-M8")!;
    await t.db.update(orderLines).set({ invoiced: 4 }).where(and(eq(orderLines.orderId, row!.id), eq(orderLines.lineNo, bolt.lineNo)));
    await t.db.update(orders).set({ billingStatus: "partially_invoiced" }).where(eq(orders.id, row!.id));

    const value = (l: { lineTotal: number; tax: number }) => l.lineTotal + l.tax;
    const nut = partly.lines.find((l) => l.sku === "NUT-M8")!;
    const expected = unbilled.total - unbilled.shippingTotal + Math.round((value(bolt) * 6) / 10) + value(nut);
    expect(await openOrdersTotal(t.db, row!.customerId)).toBe(expected);
    expect(await openOrdersTotal(t.db, row!.customerId, row!.id)).toBe(unbilled.total - unbilled.shippingTotal);
  });

  it("finds an identical order entered in the last 10 minutes", async () => {
    const asked = [{ sku: "WASHER-M8", quantity: 3 }, { sku: "BOLT-M8", quantity: 3 }];
    const order = await newOrder({ customerReference: "DUP", lines: asked });
    const dups = await findRecentDuplicates(t.db, { customer: "ACME", lines: [...asked].reverse() });
    expect(dups.map((d) => d.number)).toContain(order.number);
    expect(await findRecentDuplicates(t.db, { customer: "ACME", lines: [{ sku: "BOLT-M8", quantity: 11 }] })).toEqual([]);
  });

  it("duplicates an order into a new draft", async () => {
    const order = await newOrder();
    const copy = await duplicateOrder({ db: t.db, actor: actors.rep, number: order.number });
    expect(copy).toMatchObject({ status: "draft", customer: "ACME", total: order.total });
    expect(copy.number).not.toBe(order.number);
  });

  it("filters, searches by PO, customer name and SKU, and sorts with keyset pages", async () => {
    const byPo = await listOrders({ db: t.db, input: ZListOrdersInput.parse({ search: "PO-EDIT" }) });
    expect(byPo.items.length).toBe(1);
    const byName = await listOrders({ db: t.db, input: ZListOrdersInput.parse({ search: "tight budget" }) });
    expect(byName.items.every((o) => o.customer.code === "TIGHT")).toBe(true);
    const bySku = await listOrders({ db: t.db, input: ZListOrdersInput.parse({ search: "WASHER", limit: 500 }) });
    expect(bySku.items.length).toBeGreaterThan(0);
    const held = await listOrders({ db: t.db, input: ZListOrdersInput.parse({ status: "canceled" }) });
    expect(held.items.every((o) => o.status === "canceled")).toBe(true);

    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOrders({ db: t.db, input: ZListOrdersInput.parse({ sort: "total", direction: "asc", limit: 3, cursor }) });
      all.push(...page.items.map((o) => `${o.total}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const totals = all.map(Number);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    const everything = await listOrders({ db: t.db, input: ZListOrdersInput.parse({ limit: 500 }) });
    expect(all.length).toBe(everything.items.length);

    const mine = await listOrders({ db: t.db, input: ZListOrdersInput.parse({ createdBy: "me", limit: 500 }), actorId: actors.manager.id });
    expect(mine.items.length).toBeGreaterThan(0);
  });
});
