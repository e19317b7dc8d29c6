import { sql, type SQL } from "drizzle-orm";
import type { DemandClass } from "../customers/constants";
import { stockAllocations, stockHoldbacks } from "./schema";

/**
 * Units of one stock row still held back from `demandClass` (from everyone when it is undefined): each
 * other class's hold-back, less what that class already has reserved there. A hold-back is a ring-fence
 * ("class A can count on 20 units"), so units class A has taken are no longer kept from anyone else.
 */
export function heldBackFrom(productId: SQL | string, warehouseId: SQL | string, demandClass: DemandClass | undefined): SQL<number> {
  return sql<number>`coalesce((
    select sum(greatest(0, h.quantity - coalesce((
      select sum(a.quantity) from ${stockAllocations} a
      where a.product_id = h.product_id and a.warehouse_id = h.warehouse_id and a.demand_class = h.demand_class), 0)))
    from ${stockHoldbacks} h
    where h.product_id = ${productId} and h.warehouse_id = ${warehouseId}
      ${demandClass ? sql`and h.demand_class <> ${demandClass}` : sql``}), 0)`.mapWith(Number);
}
