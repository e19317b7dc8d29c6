import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { DbOrTx } from "~/server/db";
import { executeRows } from "~/server/db/execute";
import { ON_HAND_KINDS } from "~/server/inventory/constants";

/**
 * Every way the stock books must agree, as rows that disagree (none when they balance):
 * - on hand = Σ on-hand movements of the ledger, per stock row;
 * - reserved = Σ reservations − Σ releases + Σ shipments of the ledger (a shipment takes its units off both on hand
 *   and reserved; one that comes back puts them on both) = Σ allocations, and never above on hand;
 * - each live order's lines: Σ reserved = its allocations, Σ backordered = its backorders, per product.
 */
export async function bookMismatches(db: DbOrTx): Promise<Record<string, unknown>[]> {
  const onHandKinds = sql.join(ON_HAND_KINDS.map((k) => sql`${k}`), sql`, `);
  const stock = await executeRows<Record<string, unknown>>(
    db,
    sql`select 'stock' as book, l.product_id, l.warehouse_id, l.on_hand, l.reserved, m.on_hand as ledger_on_hand, m.reserved as ledger_reserved, a.allocated
    from stock_levels l
    left join (
      select product_id, warehouse_id,
        coalesce(sum(quantity) filter (where kind in (${onHandKinds})), 0) as on_hand,
        coalesce(sum(quantity) filter (where kind = 'reservation'), 0) - coalesce(sum(quantity) filter (where kind = 'release'), 0)
          + coalesce(sum(quantity) filter (where kind = 'shipment'), 0) as reserved
      from stock_movements group by product_id, warehouse_id
    ) m on m.product_id = l.product_id and m.warehouse_id = l.warehouse_id
    left join (select product_id, warehouse_id, sum(quantity) as allocated from stock_allocations group by 1, 2) a
      on a.product_id = l.product_id and a.warehouse_id = l.warehouse_id
    where l.on_hand <> coalesce(m.on_hand, 0) or l.reserved <> coalesce(m.reserved, 0) or l.reserved <> coalesce(a.allocated, 0) or l.reserved > l.on_hand`,
  );
  const orders = await executeRows<Record<string, unknown>>(
    db,
    sql`select 'order' as book, coalesce(r.order_id, a.order_id, b.order_id) as order_id, coalesce(r.product_id, a.product_id, b.product_id) as product_id,
      r.reserved, a.allocated, r.backordered, b.waiting
    from (select l.order_id, l.product_id, sum(l.reserved) as reserved, sum(l.backordered) as backordered
          from order_lines l join orders o on o.id = l.order_id where o.status in ('submitted', 'on_hold', 'open') group by 1, 2) r
    full join (select order_id, product_id, sum(quantity) as allocated from stock_allocations group by 1, 2) a
      on a.order_id = r.order_id and a.product_id = r.product_id
    full join (select order_id, product_id, quantity as waiting from stock_backorders) b
      on b.order_id = coalesce(r.order_id, a.order_id) and b.product_id = coalesce(r.product_id, a.product_id)
    where coalesce(r.reserved, 0) <> coalesce(a.allocated, 0) or coalesce(r.backordered, 0) <> coalesce(b.waiting, 0)`,
  );
  return [...stock, ...orders];
}

/** The books balance (see bookMismatches). */
export async function expectBooksBalance(db: DbOrTx) {
  expect(await bookMismatches(db)).toEqual([]);
}
