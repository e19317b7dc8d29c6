import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { executeRows } from "../db/execute";
import { OPEN_TRANSFER_STATUSES } from "../inventory";
import { INBOUND_PO_STATUSES } from "./constants";
import type { ReorderLevel } from "./replenishment";

export type StockPositionRow = ReorderLevel & {
  /** The product's usual vendor (null: none, or archived). */
  vendorId: string | null;
  /** A draft purchase order for this product already delivers to this warehouse. */
  coveredByDraft: boolean;
};

/** Map key of a (product, warehouse) pair. */
export const stockPositionKey = (p: { productId: string; warehouseId: string }) => `${p.productId}:${p.warehouseId}`;

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * Everything a reorder decision needs, for many levels in one statement: the level, its inbound (the
 * unreceived rest of sent and partially received purchase orders, plus transfers in transit to it), its
 * backorders (inventory's demand waiting on it), whether a draft purchase order covers it, and the usual vendor.
 * Only levels in active warehouses, of products that are not archived.
 *
 * `where` filters the levels (columns of `sl`, the stock level, and `pos`, the position); the aggregates
 * are restricted to `productIds` when given, so a page of suggestions reads only its own products.
 */
export async function loadStockPositions(db: DbOrTx, options: { where?: SQL; productIds?: string[] } = {}): Promise<StockPositionRow[]> {
  const { productIds } = options;
  if (productIds && productIds.length === 0) return [];
  const only = (column: SQL) => (productIds ? sql` and ${column} in (${list(productIds)})` : sql``);
  const query = sql`
    with po_inbound as (
      select l.product_id, po.warehouse_id, sum(l.quantity - l.received)::int as quantity
      from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id
      where po.status in (${list(INBOUND_PO_STATUSES)})${only(sql`l.product_id`)}
      group by l.product_id, po.warehouse_id
    ),
    transfer_inbound as (
      select tl.product_id, t.to_warehouse_id as warehouse_id, sum(tl.quantity - tl.received)::int as quantity
      from stock_transfer_lines tl join stock_transfers t on t.id = tl.transfer_id
      where t.status in (${list(OPEN_TRANSFER_STATUSES)})${only(sql`tl.product_id`)}
      group by tl.product_id, t.to_warehouse_id
    ),
    backorders as (
      select b.product_id, b.warehouse_id, sum(b.quantity)::int as quantity
      from stock_backorders b
      where true${only(sql`b.product_id`)}
      group by 1, 2
    ),
    drafts as (
      select distinct l.product_id, po.warehouse_id
      from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id
      where po.status = 'draft'${only(sql`l.product_id`)}
    ),
    positions as (
      select sl.product_id, sl.warehouse_id, sl.on_hand, sl.reserved, sl.reorder_point, sl.reorder_quantity,
        coalesce(pi.quantity, 0) + coalesce(ti.quantity, 0) as inbound,
        coalesce(b.quantity, 0) as backordered,
        d.product_id is not null as covered_by_draft
      from stock_levels sl
      join warehouses w on w.id = sl.warehouse_id and w.is_active and w.archived_at is null
      join products p on p.id = sl.product_id and p.archived_at is null
      left join po_inbound pi on pi.product_id = sl.product_id and pi.warehouse_id = sl.warehouse_id
      left join transfer_inbound ti on ti.product_id = sl.product_id and ti.warehouse_id = sl.warehouse_id
      left join backorders b on b.product_id = sl.product_id and b.warehouse_id = sl.warehouse_id
      left join drafts d on d.product_id = sl.product_id and d.warehouse_id = sl.warehouse_id
      where true${only(sql`sl.product_id`)}
    )
    select sl.product_id as "productId", sl.warehouse_id as "warehouseId", sl.on_hand as "onHand", sl.reserved,
      sl.reorder_point as "reorderPoint", sl.reorder_quantity as "reorderQuantity", sl.inbound, sl.backordered,
      sl.covered_by_draft as "coveredByDraft", v.id as "vendorId"
    from positions sl
    left join product_vendors pv on pv.product_id = sl.product_id
    left join vendors v on v.id = pv.vendor_id and v.archived_at is null
    where ${options.where ?? sql`true`}
  `;
  const rows = await executeRows<StockPositionRow>(db, query);
  return rows.map((r) => ({
    productId: r.productId,
    warehouseId: r.warehouseId,
    onHand: Number(r.onHand),
    reserved: Number(r.reserved),
    inbound: Number(r.inbound),
    backordered: Number(r.backordered),
    reorderPoint: r.reorderPoint === null ? null : Number(r.reorderPoint),
    reorderQuantity: r.reorderQuantity === null ? null : Number(r.reorderQuantity),
    vendorId: r.vendorId,
    coveredByDraft: r.coveredByDraft === true || (r.coveredByDraft as unknown) === "t",
  }));
}

/** The SQL twin of replenishment.ts's rule, over `sl` of loadStockPositions: a reorder point and position ≤ it. */
export const AT_OR_BELOW_REORDER_POINT = sql`sl.reorder_point is not null and sl.on_hand - sl.reserved + sl.inbound - sl.backordered <= sl.reorder_point`;

