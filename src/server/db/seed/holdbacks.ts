import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute";

/**
 * Demand-class allocation in the demo: the six best-selling SKUs keep a quarter of their free stock in
 * their first warehouse for class A customers (others see those units as unavailable). Deterministic:
 * it reads what the seeded orders left behind.
 */
export async function seedHoldbacks(db: Db): Promise<{ holdbacks: number }> {
  const rows = await executeRows(db, sql`
    insert into stock_holdbacks (product_id, warehouse_id, demand_class, quantity, updated_by)
    select l.product_id, l.warehouse_id, 'A', (l.on_hand - l.reserved) / 4, 'Ada Admin'
    from stock_levels l
    join warehouses w on w.id = l.warehouse_id
    join (select product_id, sum(quantity) as sold from order_lines group by product_id order by sold desc, product_id limit 6) best
      on best.product_id = l.product_id
    where w.priority = (select min(priority) from warehouses) and (l.on_hand - l.reserved) >= 8
    returning 1`);
  return { holdbacks: rows.length };
}
