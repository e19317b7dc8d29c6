import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "~/server/catalog/create-product";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { createOrder } from "./create-order";
import { countOrders, listOrders } from "./list-orders";
import { ORDER_SORTS, ZListOrdersInput } from "./schemas";

let t: TestDb;
let hingeOrder: string;
beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await createProduct({
    db: t.db,
    actor: actors.admin,
    input: { sku: "HNG-77", name: "Stainless Piano Hinge", category: "Fasteners", unit: "each", currency: "USD", listPrice: 1234, cost: 600, weightGrams: 100, taxCategory: "standard", leadTimeDays: 14 },
  });
  await stockFixtures(t.db);
  const plan: { customer: string; qty: number; draft: boolean; sku?: string }[] = [
    { customer: "ACME", qty: 3, draft: false },
    { customer: "TIGHT", qty: 1, draft: true },
    { customer: "ACME", qty: 3, draft: true },
    { customer: "TIGHT", qty: 2, draft: false },
    { customer: "ACME", qty: 9, draft: false, sku: "HNG-77" },
    { customer: "TIGHT", qty: 1, draft: true },
    { customer: "ACME", qty: 5, draft: false },
  ];
  let n = 0;
  for (const p of plan) {
    const order = await createOrder({
      db: t.db,
      actor: actors.rep,
      input: { customer: p.customer, channel: "phone", customerReference: `PO-L${n++}`, lines: [{ sku: p.sku ?? "NUT-M8", quantity: p.qty }], draft: p.draft },
    });
    if (p.sku) hingeOrder = order.number;
  }
}, 60_000);
afterAll(() => t.cleanup());

const list = (input: Record<string, unknown>) => listOrders({ db: t.db, input: ZListOrdersInput.parse(input) });
const count = (input: Record<string, unknown>) => countOrders({ db: t.db, input: ZListOrdersInput.parse(input) });

/** Every page forward from the first, then every page back from the last: both must give the whole list. */
async function walk(input: Record<string, unknown>) {
  const forward: string[][] = [];
  let page = await list({ ...input, limit: 2 });
  expect(page.prevCursor).toBeNull();
  forward.push(page.items.map((o) => o.number));
  while (page.nextCursor) {
    page = await list({ ...input, limit: 2, cursor: page.nextCursor });
    expect(page.prevCursor).not.toBeNull();
    forward.push(page.items.map((o) => o.number));
  }
  const backward: string[][] = [forward.at(-1)!];
  while (page.prevCursor) {
    page = await list({ ...input, limit: 2, before: page.prevCursor });
    expect(page.nextCursor).not.toBeNull();
    backward.unshift(page.items.map((o) => o.number));
  }
  return { forward, backward };
}

describe("the order list", () => {
  it("pages forward and back in every sort and direction, matching one big page", async () => {
    for (const sort of ORDER_SORTS) {
      for (const direction of ["asc", "desc"] as const) {
        const all = (await list({ sort, direction, limit: 500 })).items;
        const { forward, backward } = await walk({ sort, direction });
        expect(forward.flat(), `${sort} ${direction}`).toEqual(all.map((o) => o.number));
        // Going back lands on the same pages (the first page may be the only short one).
        expect(backward.flat(), `${sort} ${direction} back`).toEqual(all.map((o) => o.number));
        expect(backward).toEqual(forward);
      }
    }
  });

  it("sorts by each column with a unique tiebreak", async () => {
    const byCustomer = (await list({ sort: "customer", direction: "asc", limit: 500 })).items.map((o) => o.customer.name);
    expect(byCustomer).toEqual([...byCustomer].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(new Set(byCustomer)).toEqual(new Set(["Acme Industrial", "Tight Budget LLC"]));
    const byStatus = (await list({ sort: "status", direction: "asc", limit: 500 })).items.map((o) => o.status);
    expect(byStatus.indexOf("draft")).toBe(0);
    expect(byStatus.lastIndexOf("draft")).toBeLessThan(byStatus.indexOf("open"));
    const byTotal = (await list({ sort: "total", direction: "desc", limit: 500 })).items.map((o) => o.total);
    expect(byTotal).toEqual([...byTotal].sort((a, b) => b - a));
  });

  it("pages a search (merged from its branches) forward and back in the customer and status sorts", async () => {
    for (const sort of ["customer", "status", "total"] as const) {
      const all = (await list({ search: "acme", sort, direction: "asc", limit: 500 })).items;
      expect(all.length).toBe(4);
      const { forward, backward } = await walk({ search: "acme", sort, direction: "asc" });
      expect(forward.flat()).toEqual(all.map((o) => o.number));
      expect(backward).toEqual(forward);
    }
  });

  it("finds orders by product name (any part of it, any case) as well as by SKU", async () => {
    const byName = await list({ search: "piano hin" });
    expect(byName.items.map((o) => o.number)).toEqual([hingeOrder]);
    const bySku = await list({ search: "HNG-7" });
    expect(bySku.items.map((o) => o.number)).toEqual([hingeOrder]);
    expect(await count({ search: "piano hin" })).toEqual({ count: 1, capped: false });
  });

  it("counts what the filters and the search match", async () => {
    const all = (await list({ limit: 500 })).items;
    expect(await count({})).toEqual({ count: all.length, capped: false });
    const drafts = all.filter((o) => o.status === "draft").length;
    expect(drafts).toBeGreaterThanOrEqual(3);
    expect(await count({ status: "draft" })).toEqual({ count: drafts, capped: false });
    expect(await count({ customer: "TIGHT" })).toEqual({ count: all.filter((o) => o.customer.code === "TIGHT").length, capped: false });
    // The search's branches overlap (number, PO, customer, SKU): the union counts each order once.
    expect(await count({ search: "tight" })).toEqual({ count: (await list({ search: "tight", limit: 500 })).items.length, capped: false });
    expect(await count({ search: "zzz-nothing" })).toEqual({ count: 0, capped: false });
  });
});
