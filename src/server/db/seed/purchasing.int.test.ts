import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, COMPANY_TIME_ZONE, todayIn } from "~/lib/dates";
import { ON_HAND_KINDS } from "~/server/inventory/constants";
import { createTestDb, type TestDb } from "~/test/db";
import type { Db } from "../client";
import { seedMasterData } from "./master-data";
import { seedPurchasing, VENDOR_SPECS } from "./purchasing";

const NOW = new Date("2026-11-21T15:00:00Z");
const TODAY = todayIn(COMPANY_TIME_ZONE, NOW);
let a: TestDb;
let b: TestDb;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDb(), createTestDb()]);
  for (const t of [a, b]) {
    await seedMasterData(t.db, { seed: 7, now: NOW });
    await seedPurchasing(t.db, { seed: 7, now: NOW });
  }
}, 60_000);
afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
});

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

describe("seedPurchasing", () => {
  it("creates the vendors and gives every product a usual vendor", async () => {
    const vendors = await rows<{ code: string; lead_time_days: number }>(a.db, sql`select code, lead_time_days from vendors order by code`);
    expect(vendors).toHaveLength(VENDOR_SPECS.length);
    expect(vendors.every((v) => v.lead_time_days >= 5 && v.lead_time_days <= 30)).toBe(true);
    const [missing] = await rows<{ n: number }>(a.db, sql`select count(*)::int as n from products p where not exists (select 1 from product_vendors pv where pv.product_id = p.id)`);
    expect(missing!.n).toBe(0);
  });

  it("has purchase orders in every status, numbered in creation order, with lines consistent with the status", async () => {
    const pos = await rows<{ number: string; status: string; expected_date: string; quantity: number; received: number; created_at: string }>(
      a.db,
      sql`select po.number, po.status, po.expected_date::text as expected_date, po.created_at::text as created_at,
            sum(l.quantity)::int as quantity, sum(l.received)::int as received
          from purchase_orders po join purchase_order_lines l on l.purchase_order_id = po.id
          group by po.id order by po.number`,
    );
    expect(pos).toHaveLength(40);
    expect(pos[0]!.number).toBe("PO-600001");
    const byStatus = (s: string) => pos.filter((p) => p.status === s);
    for (const status of ["draft", "sent", "partially_received", "received", "closed", "canceled"]) expect(byStatus(status).length).toBeGreaterThan(0);
    expect(pos.map((p) => new Date(p.created_at).getTime())).toEqual([...pos.map((p) => new Date(p.created_at).getTime())].sort((x, y) => x - y));

    for (const p of byStatus("received")) expect(p.received).toBe(p.quantity);
    for (const p of [...byStatus("draft"), ...byStatus("sent"), ...byStatus("canceled")]) expect(p.received).toBe(0);
    for (const p of [...byStatus("partially_received"), ...byStatus("closed")]) {
      expect(p.received).toBeGreaterThan(0);
      expect(p.received).toBeLessThan(p.quantity);
    }
    const inbound = [...byStatus("sent"), ...byStatus("partially_received")];
    expect(inbound.length).toBe(15);
    expect(inbound.every((p) => p.expected_date >= addDays(TODAY, -3) && p.expected_date <= addDays(TODAY, 30))).toBe(true);
    const overdue = inbound.filter((p) => p.expected_date < TODAY);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(overdue.length).toBeLessThanOrEqual(4);
  });

  it("writes receipts through the ledger: on hand = Σ on-hand movements, receipts = received per PO", async () => {
    const kinds = sql.join(ON_HAND_KINDS.map((k) => sql`${k}`), sql`, `);
    const [ledger] = await rows<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from stock_levels s where s.on_hand <> coalesce((select sum(m.quantity) from stock_movements m
        where m.product_id = s.product_id and m.warehouse_id = s.warehouse_id and m.kind in (${kinds})), 0)`,
    );
    expect(ledger!.n).toBe(0);
    const [receipts] = await rows<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from purchase_orders po
        where (select coalesce(sum(received), 0) from purchase_order_lines l where l.purchase_order_id = po.id)
           <> (select coalesce(sum(quantity), 0) from stock_movements m where m.kind = 'receipt' and m.reference = po.number)`,
    );
    expect(receipts!.n).toBe(0);
    const [history] = await rows<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from purchase_orders po
        where po.version <> (select count(*) from audit_events e where e.entity_type = 'purchase_order' and e.entity_id = po.number)`,
    );
    expect(history!.n).toBe(0);
  });

  it("is deterministic for a seed", async () => {
    const snapshot = (db: Db) =>
      rows(db, sql`select po.number, po.status, po.expected_date::text, v.code, l.line_no, l.quantity, l.received, l.unit_cost
        from purchase_orders po join vendors v on v.id = po.vendor_id join purchase_order_lines l on l.purchase_order_id = po.id
        order by po.number, l.line_no`);
    expect(await snapshot(a.db)).toEqual(await snapshot(b.db));
  });
});
