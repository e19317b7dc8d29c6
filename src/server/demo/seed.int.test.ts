import { journal } from "~/server/billing/journal";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, COMPANY_TIME_ZONE, todayIn } from "~/lib/dates";
import type { Db } from "~/server/db/client";
import { executeRows } from "~/server/db/execute";
import { expectBooksBalance } from "~/test/books";
import { createTestDb, type TestDb } from "~/test/db";
import { CATEGORY_SPECS } from "./catalog-data";
import { seedDemo, type SeedSummary } from "./index";

const NOW = new Date("2026-11-21T15:00:00Z");
const TODAY = todayIn(COMPANY_TIME_ZONE, NOW);
/** A small demo, dense enough (as many orders a day as the default) to show every part of the story. */
const ORDERS = 250;
const DAYS = 30;

let t: TestDb;
let summary: SeedSummary;

beforeAll(async () => {
  t = await createTestDb();
  summary = await seedDemo(t.db, { orders: ORDERS, days: DAYS, now: NOW });
}, 420_000);
afterAll(() => t?.cleanup());

const rows = <T>(query: SQL, db: Db = t.db) => executeRows<T>(db, query);
async function countOf(query: SQL, db: Db = t.db): Promise<number> {
  const [row] = await rows<{ n: number }>(sql`select count(*)::int as n from (${query}) as q`, db);
  return row?.n ?? -1;
}

describe("seedDemo", () => {
  it("creates the demo distributor's master data, with the opening stock in the ledger", async () => {
    const [counts] = await rows<Record<string, number>>(
      sql`select
        (select count(*)::int from users) as users,
        (select count(*)::int from warehouses) as warehouses,
        (select count(*)::int from categories) as categories,
        (select count(*)::int from products) as products,
        (select count(*)::int from customers) as customers,
        (select count(*)::int from customer_addresses) as addresses,
        (select count(*)::int from stock_levels) as stock_levels,
        (select count(*)::int from stock_levels where reorder_point is null or reorder_quantity is null) as without_reorder_point,
        (select count(*)::int from vendors) as vendors`,
    );
    expect(counts).toEqual({
      users: 5,
      warehouses: 3,
      categories: CATEGORY_SPECS.length,
      products: 1000,
      customers: 300,
      addresses: 600,
      stock_levels: 3000,
      without_reorder_point: 0,
      vendors: 8,
    });
    // One initial_stock adjustment per stocked level, before anything else happened to it.
    expect(summary.stockMovements).toBeGreaterThan(2500);
    expect(await countOf(sql`select 1 from stock_movements where reason = 'initial_stock' and kind = 'adjustment'`)).toBe(summary.stockMovements);
    expect(
      await countOf(sql`select 1 from stock_movements m where m.reason = 'initial_stock'
        and exists (select 1 from stock_movements e where e.product_id = m.product_id and e.warehouse_id = m.warehouse_id and e.created_at < m.created_at)`),
    ).toBe(0);
    // Tight credit limits exist, so credit holds happen on their own.
    expect(await countOf(sql`select 1 from customers where credit_limit <= 600000`)).toBeGreaterThan(10);
  });

  it("has orders in every status the use cases reach today, shipped and billed ones too", async () => {
    const statuses = await rows<{ kind: string; status: string; n: number }>(sql`select kind, status, count(*)::int as n from orders group by 1, 2`);
    const orderStatuses = new Set(statuses.filter((s) => s.kind === "order").map((s) => s.status));
    for (const status of ["draft", "open", "on_hold", "canceled"]) expect(orderStatuses, status).toContain(status);
    expect(await countOf(sql`select 1 from orders where kind = 'order'`)).toBeGreaterThanOrEqual(ORDERS);
    for (const status of ["unbilled", "partially_invoiced", "invoiced", "paid", "overdue"]) {
      expect(await countOf(sql`select 1 from orders where kind = 'order' and billing_status = ${status}`), status).toBeGreaterThan(0);
    }
    // A completed order shipped and billed everything (or was closed after a partial shipment).
    expect(await countOf(sql`select 1 from orders where kind = 'order' and status = 'completed' and fulfillment_status = 'unfulfilled'`)).toBe(0);
    // Completed quotes are converted ones, each linked to the order it became.
    expect(await countOf(sql`select 1 from orders where status = 'completed' and kind = 'quote' and converted_to_id is null`)).toBe(0);
    expect(await countOf(sql`select 1 from orders q join orders o on o.id = q.converted_to_id where o.converted_from_id = q.id`)).toBeGreaterThan(0);
    // Edited, duplicated and API orders are part of the story.
    expect(await countOf(sql`select 1 from order_events where type = 'edited'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from order_events where type = 'hold_released'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from orders where channel = 'web' and created_by = 'API key Web shop'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from orders where status = 'canceled' and canceled_reason is null`)).toBe(0);
  });

  it("makes its billing history through the use cases, and every document agrees with the others", async () => {
    for (const status of ["issued", "partially_paid", "paid", "void"]) {
      expect(await countOf(sql`select 1 from invoices where status = ${status}`), status).toBeGreaterThan(0);
    }
    expect(await countOf(sql`select 1 from invoices where status in ('issued', 'partially_paid') and due_date < ${TODAY}::date`)).toBeGreaterThan(0);
    // Invoiced units = units on the invoices that stand; money paid = allocations that stand.
    expect(
      await countOf(sql`select 1 from order_lines l where l.invoiced <> coalesce((select sum(il.quantity) from invoice_lines il join invoices i on i.id = il.invoice_id
        where il.order_line_id = l.id and i.status <> 'void'), 0)`),
    ).toBe(0);
    expect(await countOf(sql`select 1 from invoices i where i.amount_paid <> coalesce((select sum(amount) from allocations a where a.invoice_id = i.id and a.reversed_at is null), 0)`)).toBe(0);
    expect(await countOf(sql`select 1 from payments p where p.amount_allocated <> coalesce((select sum(amount) from allocations a where a.payment_id = p.id and a.reversed_at is null), 0)`)).toBe(0);
    // Fully invoiced orders: their standing invoices sum to the order exactly.
    expect(
      await countOf(sql`select 1 from orders o where o.billing_status in ('invoiced', 'paid')
        and o.total <> (select sum(total) from invoices i where i.order_id = o.id and i.status <> 'void')`),
    ).toBe(0);
    expect(await countOf(sql`select 1 from customers c where c.unpaid_invoices <> coalesce((select sum(total - amount_paid) from invoices i where i.customer_id = c.id and i.status in ('issued', 'partially_paid')), 0)`)).toBe(0);
    // Returns received restocked through the ledger and credited; overdue invoices are in finance's queue.
    expect(await countOf(sql`select 1 from returns where status = 'received' and credit_note_id is not null`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from stock_movements where kind = 'return'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from exceptions where type = 'payment_overdue'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from payments`)).toBeGreaterThan(50);
    const books = await journal({ db: t.db, input: { from: "2000-01-01", to: "2100-01-01" } });
    expect(books.totals.debit).toBe(books.totals.credit);
  });

  it("balances the books: on hand and reserved agree with the ledger, allocations and backorders", async () => {
    await expectBooksBalance(t.db);
    expect(await countOf(sql`select 1 from stock_levels where reserved > 0`)).toBeGreaterThan(100);
    expect(await countOf(sql`select 1 from stock_levels where on_hand - reserved <= reorder_point`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from stock_levels where on_hand - reserved <= 0`)).toBeGreaterThan(0);
  });

  it("prices its history with the admin's pricing set-up: state sales tax, price lists, discount rules", async () => {
    expect(summary.pricing).toMatchObject({ taxRates: 102, priceLists: 4, discountRules: 5 });
    expect(summary.pricing.contractAccounts).toHaveLength(2);
    expect(await countOf(sql`select 1 from override_limits`)).toBe(5);
    const orders = sql`select o.* from orders o where o.kind = 'order'`;
    // Taxable accounts pay their ship-to state's tax; lines under a valid exemption certificate none.
    expect(await countOf(sql`select 1 from (${orders}) o where o.tax_total > 0`)).toBeGreaterThan(ORDERS / 4);
    const steps = sql`select l.id, l.tax, e->>'step' as step, e->>'description' as description
      from (${orders}) o join order_lines l on l.order_id = o.id, jsonb_array_elements(l.price_explanation) e`;
    expect(summary.taxExemptions.certificates).toBeGreaterThan(10);
    expect(summary.taxExemptions.expired).toHaveLength(2);
    expect(summary.taxExemptions.expiringSoon).toHaveLength(1);
    expect(await countOf(sql`select 1 from (${steps}) s where s.step = 'tax' and s.description like 'Tax exempt: certificate %'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from (${steps}) s where s.step = 'tax' and s.description like 'Tax exempt%' and s.tax <> 0`)).toBe(0);
    expect(await countOf(sql`select 1 from (${steps}) s where s.step = 'tax' and s.description like 'No tax rate%'`)).toBe(0);
    expect(await countOf(sql`select 1 from (${steps}) s where s.step = 'tax' and s.description like 'Tax %' and s.description not like 'Tax exempt%'`)).toBeGreaterThan(ORDERS);
    // Lines priced from each price list and each discount rule that was valid during the history (a contract
    // list of either key account: in this small demo one of the two may not have ordered its contract items).
    for (const code of ["WHOLESALE", "CONTRACTOR", "CONTRACT-%", "PROMO-GLOVES", "PROMO-POWER-TOOLS", "LOYALTY-INDUSTRIAL", "VOLUME-BOLTS", "ORDER-5000"]) {
      expect(await countOf(sql`select 1 from (${steps}) s where s.step in ('price_list', 'discount', 'order_discount') and s.description like ${`%(${code})%`}`), code).toBeGreaterThan(0);
    }
    // The loyalty rebate stacks: some lines carry it and an exclusive rule after it.
    expect(
      await countOf(sql`select id from (${steps}) s where s.step = 'discount' group by id
        having bool_or(s.description like '%(LOYALTY-INDUSTRIAL)%') and bool_or(s.description like '%exclusive%')`),
    ).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from orders where discount_total > 0`)).toBeGreaterThan(ORDERS / 10);
  });

  it("gives every order totals that match its lines", async () => {
    expect(
      await countOf(sql`
        select 1 from orders o join order_lines l on l.order_id = o.id
        group by o.id, o.subtotal, o.discount_total, o.tax_total, o.shipping_total, o.total
        having o.subtotal <> sum(l.quantity * l.unit_price) or o.discount_total <> sum(l.discount) or o.tax_total <> sum(l.tax)
          or o.total <> o.subtotal - o.discount_total + o.tax_total + o.shipping_total`),
    ).toBe(0);
    expect(await countOf(sql`select 1 from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)`)).toBe(0);
  });

  it("dates everything in the past, after the document it belongs to", async () => {
    const now = NOW.toISOString();
    // Every row written under the backdated clock, its creation and last change included.
    const columns = await rows<{ t: string; c: string }>(
      sql`select table_name as t, column_name as c from information_schema.columns
          where table_schema = 'public' and data_type like 'timestamp%' and table_name not in ('carriers', 'policies', 'policy_versions', 'customer_segments', 'tax_categories', 'units', 'unit_aliases') -- reference data the migrations insert
            and column_name in ('created_at', 'updated_at', 'submitted_at', 'canceled_at', 'sent_at', 'closed_at', 'received_at', 'resolved_at', 'queued_at', 'computed_at')`,
    );
    expect(columns.length).toBeGreaterThan(20);
    for (const { t: table, c: column } of columns) {
      expect(await countOf(sql`select 1 from ${sql.identifier(table)} where ${sql.identifier(column)} > ${now}::timestamptz`), `${table}.${column}`).toBe(0);
    }
    expect(await countOf(sql`select 1 from order_events e join orders o on o.id = e.order_id where e.created_at < o.created_at`)).toBe(0);
    expect(await countOf(sql`select 1 from exceptions e join orders o on o.id = e.order_id where e.created_at < o.created_at`)).toBe(0);
    expect(await countOf(sql`select 1 from stock_allocations a join orders o on o.id = a.order_id where a.created_at < o.created_at`)).toBe(0);
    expect(await countOf(sql`select 1 from stock_movements m join orders o on o.number = m.reference where m.created_at < o.created_at`)).toBe(0);
    expect(await countOf(sql`select 1 from orders where status in ('on_hold', 'open') and submitted_at is null`)).toBe(0);
    // Numbers follow creation.
    expect(
      await countOf(sql`select 1 from (select row_number() over (order by created_at, number) as by_time, row_number() over (order by number) as by_number
        from orders where kind = 'order') r where by_time <> by_number`),
    ).toBe(0);
    expect(await countOf(sql`select number from orders group by number having count(*) > 1`)).toBe(0);
  });

  it("has quotes still valid, expired and converted, each with its validity date", async () => {
    expect(await countOf(sql`select 1 from orders where kind = 'quote' and valid_until is null`)).toBe(0);
    expect(await countOf(sql`select 1 from orders where kind = 'quote' and status = 'draft' and valid_until >= ${TODAY}`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from orders where kind = 'quote' and status = 'draft' and valid_until < ${TODAY}`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from orders where kind = 'quote' and status = 'completed'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from orders where kind = 'quote' and valid_until < ${addDays(TODAY, -DAYS)}`)).toBe(0);
  });

  it("has backorders with their stockout exceptions, credit holds and price approvals with theirs", async () => {
    expect(await countOf(sql`select 1 from stock_backorders`)).toBeGreaterThan(0);
    // Every order waiting for stock has its open stockout, and every open stockout waits for stock.
    const waiting = sql`select distinct order_id from stock_backorders`;
    const active = sql`e.status in ('open', 'in_progress')`;
    expect(await countOf(sql`select 1 from (${waiting}) w where not exists (select 1 from exceptions e where e.order_id = w.order_id and e.type = 'stockout' and ${active})`)).toBe(0);
    expect(await countOf(sql`select 1 from exceptions e where e.type = 'stockout' and ${active} and e.order_id not in (${waiting})`)).toBe(0);
    // Filled backorders resolved their stockouts.
    expect(await countOf(sql`select 1 from exceptions where type = 'stockout' and status = 'resolved'`)).toBeGreaterThan(0);

    for (const type of ["credit_hold", "price_approval"]) {
      expect(await countOf(sql`select 1 from exceptions where type = ${type}`), type).toBeGreaterThan(0);
    }
    expect(await countOf(sql`select 1 from order_lines where override_reason is not null`)).toBeGreaterThan(0);
    // Held orders have an active blocking exception; active blocking exceptions belong to held orders.
    const blocking = sql`e.type in ('credit_hold', 'price_approval', 'address_hold', 'compliance_hold', 'suspicious_quantity', 'duplicate_order')`;
    expect(await countOf(sql`select 1 from orders o where o.status = 'on_hold' and not exists (select 1 from exceptions e where e.order_id = o.id and ${active} and ${blocking})`)).toBe(0);
    expect(await countOf(sql`select 1 from exceptions e join orders o on o.id = e.order_id where ${active} and ${blocking} and o.status <> 'on_hold'`)).toBe(0);
    // The teams worked their queues through the use cases: taken, noted, resolved by finance, managers and reps.
    for (const type of ["assigned", "commented", "resolved", "breached"]) {
      expect(await countOf(sql`select 1 from exception_events where type = ${type}`), type).toBeGreaterThan(0);
    }
    expect(await countOf(sql`select 1 from exceptions where type = 'credit_hold' and resolution = 'release' and resolved_by = 'Fran Finance'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select distinct resolved_by from exceptions where resolved_by is not null`)).toBeGreaterThanOrEqual(3);
    expect(await countOf(sql`select 1 from exceptions where type = 'address_hold' and resolution = 'cause_gone'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from restricted_items`)).toBe(3);
    expect(await countOf(sql`select 1 from exceptions where breached_at is not null`)).toBeGreaterThan(0);
  });

  it("has the warehouse's history: shipments in every status, shipped through the ledger, orders following them", async () => {
    const shipmentStatuses = new Set((await rows<{ status: string }>(sql`select distinct status::text as status from shipments`)).map((r) => r.status));
    for (const status of ["planned", "picking", "shipped", "delivered", "canceled"]) expect(shipmentStatuses, status).toContain(status);
    const fulfillment = new Set((await rows<{ s: string }>(sql`select distinct fulfillment_status::text as s from orders where kind = 'order'`)).map((r) => r.s));
    for (const status of ["unfulfilled", "partially_shipped", "shipped", "delivered"]) expect(fulfillment, status).toContain(status);
    // What left the building is a shipment movement of the same units, and the order lines say so.
    expect(
      await countOf(sql`select 1 from (select o.id, sum(l.shipped) as shipped from orders o join order_lines l on l.order_id = o.id group by o.id) s
        full join (select o.id, -sum(m.quantity) as moved from stock_movements m join orders o on o.number = m.reference
                   where m.kind = 'shipment' group by o.id) m on m.id = s.id
        where coalesce(s.shipped, 0) <> coalesce(m.moved, 0)`),
    ).toBe(0);
    expect(await countOf(sql`select 1 from shipments where status in ('shipped', 'delivered') and (tracking_number is null or carrier_code is null)`)).toBe(0);
    expect(await countOf(sql`select 1 from pick_lists`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from stock_levels where bin is null`)).toBe(0);
  });

  it("has transfers, counts, hold-backs and replenishment suggestions, all through the ledger", async () => {
    expect(await countOf(sql`select 1 from stock_transfers where status = 'received'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from stock_movements where kind = 'adjustment' and reason = 'cycle_count'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from stock_holdbacks where demand_class = 'A'`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from reorder_suggestions where purchase_order_id is null`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from audit_events where entity_type = 'stock_holdback'`)).toBe(await countOf(sql`select 1 from stock_holdbacks`));
  });

  it("is deterministic: the same seed and now give the same history", async () => {
    const [a, b] = await Promise.all([createTestDb(), createTestDb()]);
    try {
      const small = { orders: 40, days: 10, now: NOW };
      await seedDemo(a.db, small);
      await seedDemo(b.db, small);
      const snapshot = async (db: Db) => ({
        orders: await rows(
          sql`select o.number, o.kind, o.status, o.total, o.created_at, o.valid_until, c.code,
                (select string_agg(p.sku || 'x' || l.quantity || '/' || l.reserved || '/' || l.backordered, ',' order by l.line_no)
                 from order_lines l join products p on p.id = l.product_id where l.order_id = o.id) as lines
              from orders o join customers c on c.id = o.customer_id order by o.number`,
          db,
        ),
        events: await rows(sql`select o.number, e.type, e.actor, e.created_at from order_events e join orders o on o.id = e.order_id order by e.created_at, o.number, e.id`, db),
        purchaseOrders: await rows(sql`select number, status, expected_date::text, version, created_at from purchase_orders order by number`, db),
        shipments: await rows(sql`select number, status, carrier_code, tracking_number, freight_cost, updated_at from shipments order by number`, db),
        movements: await rows(
          sql`select p.sku, w.code, m.kind, m.quantity, m.reference, m.created_at from stock_movements m
              join products p on p.id = m.product_id join warehouses w on w.id = m.warehouse_id order by m.id`,
          db,
        ),
      });
      const [first, second] = await Promise.all([snapshot(a.db), snapshot(b.db)]);
      expect(first.orders.length).toBeGreaterThan(40);
      expect(first.purchaseOrders.length).toBeGreaterThan(0);
      expect(second).toEqual(first);
    } finally {
      await Promise.all([a.cleanup(), b.cleanup()]);
    }
  }, 420_000);
});
