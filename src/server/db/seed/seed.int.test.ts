import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ON_HAND_KINDS } from "~/server/inventory/constants";
import { FULFILLMENT_STATUSES, ORDER_STATUSES } from "~/server/orders/constants";
import { createTestDb, type TestDb } from "~/test/db";
import type { Db } from "../client";
import { CATEGORY_SPECS } from "./catalog-data";
import { seedDemo, type SeedSummary } from "./index";

const NOW = new Date("2026-11-21T15:00:00Z");
const ORDERS = 300;

let first: TestDb;
let summary: SeedSummary;

beforeAll(async () => {
  first = await createTestDb();
  summary = await seedDemo(first.db, { orders: ORDERS, now: NOW });
}, 60_000);
afterAll(() => first.cleanup());

/** Rows of a raw query on either driver (PGlite returns `{ rows }`, postgres.js an array). */
async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

async function countOf(query: SQL): Promise<number> {
  const [row] = await rows<{ n: number }>(first.db, sql`select count(*)::int as n from (${query}) as q`);
  return row?.n ?? -1;
}

describe("seedDemo", () => {
  it("creates the demo distributor", async () => {
    const [counts] = await rows<Record<string, number>>(
      first.db,
      sql`select
        (select count(*)::int from users) as users,
        (select count(*)::int from warehouses) as warehouses,
        (select count(*)::int from categories) as categories,
        (select count(*)::int from products) as products,
        (select count(*)::int from customers) as customers,
        (select count(*)::int from customer_addresses) as addresses,
        (select count(*)::int from stock_levels) as stock_levels,
        (select count(*)::int from orders where kind = 'order') as orders,
        (select count(*)::int from orders where kind = 'quote') as quotes`,
    );
    expect(counts).toEqual({
      users: 5,
      warehouses: 3,
      categories: CATEGORY_SPECS.length,
      products: 1000,
      customers: 300,
      addresses: 600,
      stock_levels: 3000,
      orders: ORDERS,
      quotes: ORDERS / 20,
    });
    expect(CATEGORY_SPECS.length).toBeGreaterThanOrEqual(40);
    expect(summary).toMatchObject({ users: 5, products: 1000, customers: 300, orders: ORDERS, quotes: ORDERS / 20 });
    // A few best sellers keep stock back for class A customers.
    expect(summary.holdbacks).toBeGreaterThan(0);
  });

  it("has orders in every status and fulfillment status", async () => {
    const statuses = await rows<{ status: string; fulfillment: string }>(
      first.db,
      sql`select distinct status, fulfillment_status as fulfillment from orders where kind = 'order'`,
    );
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(ORDER_STATUSES));
    expect(new Set(statuses.map((s) => s.fulfillment))).toEqual(new Set(FULFILLMENT_STATUSES));
    expect(Object.values(summary.ordersByStatus).reduce((a, b) => a + b, 0)).toBe(ORDERS);
  });

  it("keeps on hand equal to the ledger and reserved equal to the open lines' reservations", async () => {
    const onHandKinds = sql.join(
      ON_HAND_KINDS.map((kind) => sql`${kind}`),
      sql`, `,
    );
    const ledgerMismatches = countOf(sql`
      select 1 from stock_levels s
      where s.on_hand <> coalesce((select sum(m.quantity) from stock_movements m
        where m.product_id = s.product_id and m.warehouse_id = s.warehouse_id and m.kind in (${onHandKinds})), 0)`);
    const reservedMismatches = countOf(sql`
      select 1 from stock_levels s
      where s.reserved > s.on_hand
        or s.reserved <> coalesce((select sum(a.quantity) from stock_allocations a
          where a.product_id = s.product_id and a.warehouse_id = s.warehouse_id), 0)
        or s.reserved <> coalesce((select sum(case m.kind when 'reservation' then m.quantity else -m.quantity end) from stock_movements m
          where m.product_id = s.product_id and m.warehouse_id = s.warehouse_id and m.kind in ('reservation', 'release')), 0)`);
    // Each order's allocations per product add up to what its open lines say they have reserved.
    const allocationMismatches = countOf(sql`
      select 1 from (select l.order_id, l.product_id, sum(l.reserved) as reserved from order_lines l
                     join orders o on o.id = l.order_id where o.status in ('open', 'on_hold') group by 1, 2) r
      full join (select order_id, product_id, sum(quantity) as allocated from stock_allocations group by 1, 2) a
        on a.order_id = r.order_id and a.product_id = r.product_id
      where coalesce(r.reserved, 0) <> coalesce(a.allocated, 0)`);
    expect(await ledgerMismatches).toBe(0);
    expect(await reservedMismatches).toBe(0);
    expect(await allocationMismatches).toBe(0);
    expect(await countOf(sql`select 1 from stock_levels where on_hand = 0`)).toBeGreaterThan(50);
    expect(await countOf(sql`select 1 from stock_levels where reserved > 0`)).toBeGreaterThan(0);
  });

  it("gives every order totals that match its lines", async () => {
    expect(
      await countOf(sql`
        select 1 from orders o join order_lines l on l.order_id = o.id
        group by o.id, o.subtotal, o.discount_total, o.tax_total
        having o.subtotal <> sum(l.quantity * l.unit_price)
          or o.discount_total <> sum(l.discount)
          or o.tax_total <> sum(l.tax)`),
    ).toBe(0);
    expect(await countOf(sql`select 1 from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)`)).toBe(0);
  });

  it("stores text, nulls and JSON as generated", async () => {
    expect(await countOf(sql`select 1 from orders where jsonb_typeof(ship_to) <> 'object'`)).toBe(0);
    expect(await countOf(sql`select 1 from order_events where jsonb_typeof(data) <> 'object'`)).toBe(0);
    expect(await countOf(sql`select 1 from orders where customer_reference is null`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from products where name like '%"%,%'`)).toBeGreaterThan(0);
  });

  it("keeps line quantities consistent with each order's status", async () => {
    const inconsistent = await rows<{ number: string }>(
      first.db,
      sql`select o.number from orders o join order_lines l on l.order_id = o.id
        where l.invoiced > l.shipped
          or (o.status = 'completed' and (l.shipped <> l.quantity or l.invoiced <> l.quantity or l.reserved <> 0))
          or (o.status in ('open', 'on_hold') and l.shipped + l.reserved + l.backordered <> l.quantity)
          or (o.status in ('draft', 'submitted', 'canceled') and (l.shipped <> 0 or l.reserved <> 0))
          or (o.fulfillment_status = 'unfulfilled' and l.shipped <> 0)
          or (o.fulfillment_status in ('shipped', 'delivered') and l.shipped <> l.quantity)`,
    );
    expect(inconsistent).toEqual([]);
    expect(
      await countOf(sql`
        select 1 from orders o join order_lines l on l.order_id = o.id
        where o.fulfillment_status = 'partially_shipped'
        group by o.id having sum(l.shipped) = 0 or sum(l.shipped) = sum(l.quantity)`),
    ).toBe(0);
  });

  it("numbers orders in creation order, each with a creation event, all in the past", async () => {
    expect(
      await countOf(sql`
        select 1 from (
          select row_number() over (order by created_at, number) as by_time,
                 row_number() over (order by number) as by_number
          from orders where kind = 'order') r
        where by_time <> by_number`),
    ).toBe(0);
    expect(
      await countOf(sql`select 1 from orders o where not exists (select 1 from order_events e where e.order_id = o.id and e.type = 'created')`),
    ).toBe(0);
    expect(await countOf(sql`select 1 from order_events where created_at > ${NOW.toISOString()}::timestamptz`)).toBe(0);
    expect(
      await countOf(sql`select 1 from orders where status in ('submitted', 'on_hold', 'open', 'completed') and submitted_at is null`),
    ).toBe(0);
  });

  it("is deterministic: the same seed gives the same documents", async () => {
    const second = await createTestDb();
    try {
      await seedDemo(second.db, { orders: ORDERS, now: NOW });
      const documents = (db: Db) =>
        rows(
          db,
          sql`select o.number, o.status, o.total, o.created_at, c.code
            from orders o join customers c on c.id = o.customer_id order by o.number`,
        );
      const [a, b] = await Promise.all([documents(first.db), documents(second.db)]);
      expect(a).toHaveLength(ORDERS + ORDERS / 20);
      expect(b).toEqual(a);
    } finally {
      await second.cleanup();
    }
  }, 60_000);
  it("opens an exception for every held order, knows who created each order, and explains prices", async () => {
    expect(await countOf(sql`select 1 from orders where status = 'on_hold'`)).toBeGreaterThan(0);
    expect(
      await countOf(sql`select 1 from orders o where o.status = 'on_hold'
        and not exists (select 1 from exceptions e where e.order_id = o.id and e.status = 'open')`),
    ).toBe(0);
    expect(await countOf(sql`select 1 from exceptions e join orders o on o.id = e.order_id where e.status = 'open' and o.status <> 'on_hold'`)).toBe(0);
    expect(await countOf(sql`select 1 from orders where created_by_id is null`)).toBe(0);
    expect(await countOf(sql`select 1 from order_lines where jsonb_array_length(price_explanation) = 0`)).toBe(0);
  });
});
