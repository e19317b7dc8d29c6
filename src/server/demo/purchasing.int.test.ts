import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPANY_TIME_ZONE, todayIn } from "~/lib/dates";
import { executeRows } from "~/server/db/execute";
import { PURCHASE_ORDER_STATUSES } from "~/server/purchasing/constants";
import { createTestDb, type TestDb } from "~/test/db";
import { seedDemo } from "./index";
import { VENDOR_SPECS } from "./vendors";

const NOW = new Date("2026-11-21T15:00:00Z");
const TODAY = todayIn(COMPANY_TIME_ZONE, NOW);
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { orders: 250, days: 30, now: NOW, seed: 7 });
}, 180_000);
afterAll(() => t?.cleanup());

const rows = <T>(query: SQL) => executeRows<T>(t.db, query);
async function countOf(query: SQL): Promise<number> {
  const [row] = await rows<{ n: number }>(sql`select count(*)::int as n from (${query}) as q`);
  return row?.n ?? -1;
}

type Po = { number: string; status: string; expected_date: string; created_at: string; sent_at: string | null; quantity: number; received: number };

describe("the demo's purchasing", () => {
  it("has the vendors, and every product has a usual vendor", async () => {
    const vendors = await rows<{ code: string; lead_time_days: number }>(sql`select code, lead_time_days from vendors order by code`);
    expect(vendors.map((v) => v.code)).toEqual(VENDOR_SPECS.map((v) => v.code).sort());
    expect(await countOf(sql`select 1 from products p where not exists (select 1 from product_vendors pv where pv.product_id = p.id)`)).toBe(0);
    expect(await countOf(sql`select 1 from audit_events where entity_type = 'vendor' and action = 'created'`)).toBe(VENDOR_SPECS.length);
  });

  it("has purchase orders in every status, numbered in creation order, their lines consistent with the status", async () => {
    const pos = await rows<Po>(
      sql`select po.number, po.status, po.expected_date::text as expected_date, po.created_at::text as created_at, po.sent_at::text as sent_at,
            sum(l.quantity)::int as quantity, sum(l.received)::int as received
          from purchase_orders po join purchase_order_lines l on l.purchase_order_id = po.id
          group by po.id order by po.number`,
    );
    const byStatus = (s: string) => pos.filter((p) => p.status === s);
    for (const status of PURCHASE_ORDER_STATUSES) expect(byStatus(status).length, status).toBeGreaterThan(0);
    expect(pos[0]!.number).toBe("PO-600001");
    const created = pos.map((p) => new Date(p.created_at).getTime());
    expect(created).toEqual([...created].sort((x, y) => x - y));

    for (const p of byStatus("received")) expect(p.received).toBe(p.quantity);
    for (const p of [...byStatus("draft"), ...byStatus("sent"), ...byStatus("canceled")]) expect(p.received).toBe(0);
    for (const p of [...byStatus("partially_received"), ...byStatus("closed")]) {
      expect(p.received).toBeGreaterThan(0);
      expect(p.received).toBeLessThan(p.quantity);
    }
    for (const p of byStatus("draft")) expect(p.sent_at).toBeNull();
    for (const p of [...byStatus("sent"), ...byStatus("partially_received"), ...byStatus("received"), ...byStatus("closed")]) expect(p.sent_at).not.toBeNull();
    // A couple are overdue: sent, expected before today, not (fully) delivered.
    const overdue = [...byStatus("sent"), ...byStatus("partially_received")].filter((p) => p.expected_date < TODAY);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(byStatus("sent").some((p) => p.expected_date >= TODAY)).toBe(true);
  });

  it("receives through the ledger: receipts equal what each PO received, after it was sent and before now", async () => {
    expect(
      await countOf(sql`select 1 from purchase_orders po
        where (select coalesce(sum(received), 0) from purchase_order_lines l where l.purchase_order_id = po.id)
           <> (select coalesce(sum(quantity), 0) from stock_movements m where m.kind = 'receipt' and m.reference = po.number)`),
    ).toBe(0);
    expect(
      await countOf(sql`select 1 from stock_movements m join purchase_orders po on po.number = m.reference
        where m.kind = 'receipt' and (m.created_at < po.sent_at or m.created_at > ${NOW.toISOString()}::timestamptz)`),
    ).toBe(0);
    // Each change of a purchase order is one audit row (its version counts them).
    expect(
      await countOf(sql`select 1 from purchase_orders po
        where po.version <> (select count(*) from audit_events e where e.entity_type = 'purchase_order' and e.entity_id = po.number)`),
    ).toBe(0);
    // Receipts handed stock to backorders, oldest first.
    expect(await countOf(sql`select 1 from order_events where type = 'backorder_allocated'`)).toBeGreaterThan(0);
  });

  it("drafts come from replenishment runs, and the last run left open suggestions", async () => {
    expect(await countOf(sql`select 1 from reorder_suggestions where purchase_order_id is not null`)).toBeGreaterThan(0);
    expect(await countOf(sql`select 1 from reorder_suggestions where purchase_order_id is null and vendor_id is not null`)).toBeGreaterThan(1);
    expect(await countOf(sql`select 1 from audit_events where entity_type = 'replenishment_run'`)).toBeGreaterThan(1);
  });
});
