import { and, asc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { categories, products } from "../catalog";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import { AppError } from "../errors";
import * as clock from "../clock";
import { OPEN_TRANSFER_STATUSES } from "./constants";
import { DEMAND_WINDOW_DAYS, demandWindowStart, wholeDaysOfSupplyOf } from "./days-of-supply";
import { warehouses } from "./schema";
import type { TStockGridCell, TStockGridInput, TStockGridOptions, TStockGridRow } from "./schemas";
import { stockStatusOf, type StockStatusFilter } from "./stock-status";
import { isUuid } from "~/lib/uuid";


/**
 * Net units the level `sl` shipped since `since` (the ledger's `shipment` movements: out negative, back
 * positive), or NULL when that is not above 0 — no demand. One index range scan per level
 * (stock_movements_product_idx: product, warehouse, created_at).
 */
export function shippedSince(since: Date): SQL {
  return sql`(select -sum(m.quantity) from stock_movements m
    where m.product_id = sl.product_id and m.warehouse_id = sl.warehouse_id and m.kind = 'shipment'
      and m.created_at >= ${since.toISOString()}::timestamptz
    having -sum(m.quantity) > 0)`;
}

/**
 * The SQL twin of isLowOnSupply (days-of-supply.ts): demand in the window and available × window ≤ days ×
 * shipped, in whole numbers. No demand compares with NULL: never low.
 */
export function supplyPredicate(days: number, since: Date): SQL {
  return sql`greatest(sl.on_hand - sl.reserved, 0)::bigint * ${DEMAND_WINDOW_DAYS} <= ${days}::bigint * ${shippedSince(since)}`;
}

/**
 * The SQL twin of matchesStatusFilter (stock-status.ts), over the columns of the stock level aliased
 * `sl`. Keep both in step: stock-grid.int.test.ts compares them.
 */
export function statusPredicate(filter: StockStatusFilter, supply: { days: number; since: Date }): SQL {
  switch (filter) {
    case "out":
      return sql`sl.on_hand - sl.reserved <= 0`;
    case "low":
      return supplyPredicate(supply.days, supply.since);
    case "overstock":
      return sql`sl.reorder_point is not null and sl.reorder_quantity is not null and sl.on_hand - sl.reserved > sl.reorder_point and sl.on_hand > sl.reorder_point + 2 * sl.reorder_quantity`;
    case "reorder":
      return sql`sl.reorder_point is not null and sl.on_hand - sl.reserved <= sl.reorder_point`;
  }
}

/**
 * The SQL twin of `!isNeverStocked` (stock-status.ts) over the level `sl`: something on hand or reserved,
 * a movement in the ledger, or a transfer still bringing the SKU there.
 */
export const stockedLevel = sql`(sl.on_hand <> 0 or sl.reserved <> 0
  or exists (select 1 from stock_movements m where m.product_id = sl.product_id and m.warehouse_id = sl.warehouse_id)
  or exists (select 1 from stock_transfer_lines tl join stock_transfers t on t.id = tl.transfer_id
             where tl.product_id = sl.product_id and t.to_warehouse_id = sl.warehouse_id
               and t.status in (${sql.join(OPEN_TRANSFER_STATUSES.map((s) => sql`${s}`), sql`, `)}) and tl.received < tl.quantity))`;

/**
 * Levels in warehouses that count: active, not archived (and the one asked for, if any); unless all are
 * asked for, only warehouses that have stocked the SKU.
 */
function warehouseScope(warehouse: string | undefined, allWarehouses = false): SQL {
  return sql`w.is_active and w.archived_at is null${warehouse ? sql` and w.code = ${warehouse}` : sql``}${allWarehouses ? sql`` : sql` and ${stockedLevel}`}`;
}

type CellRow = {
  warehouse: string;
  onHand: number;
  reserved: number;
  reorderPoint: number | null;
  reorderQuantity: number | null;
  heldBack: number;
  stocked: boolean;
  shipped: number;
};

/**
 * The inventory grid: one row per SKU (keyset by SKU), with a cell per warehouse and totals. One
 * statement per page: the SKU page is chosen on products (status filters as EXISTS over the SKU's
 * levels), and each row's cells are a correlated json_agg over its levels and hold-backs. A row matches
 * a status filter when any of its (filtered) warehouses does.
 */
export async function listStockGrid(options: { db: DbOrTx; input: TStockGridInput }) {
  const { db, input } = options;
  const scope = warehouseScope(input.warehouse, input.allWarehouses);
  const supply = { days: input.days, since: demandWindowStart(clock.now()) };
  const conditions: (SQL | undefined)[] = [isNull(products.archivedAt)];
  if (input.category) {
    conditions.push(isUuid(input.category) ? eq(categories.id, input.category) : eq(categories.code, input.category));
  }
  if (input.search) {
    const text = escapeLike(input.search);
    conditions.push(or(ilike(products.sku, `${text}%`), ilike(products.name, `%${text}%`)));
  }
  if (input.status) {
    conditions.push(sql`exists (
      select 1 from stock_levels sl join warehouses w on w.id = sl.warehouse_id
      where sl.product_id = ${products.id} and ${scope} and ${statusPredicate(input.status, supply)})`);
  }
  // An unknown warehouse empties the page (then assertFiltersExist names the field): no extra round trip.
  if (input.warehouse) conditions.push(sql`exists (select 1 from warehouses w where ${warehouseScope(input.warehouse, true)})`);
  if (input.cursor) {
    const [sku] = decodeCursor(input.cursor, 1);
    conditions.push(sql`${products.sku} > ${String(sku)}`);
  }

  const cells = sql<CellRow[] | string>`(
    select coalesce(json_agg(json_build_object(
        'warehouse', w.code,
        'onHand', sl.on_hand,
        'reserved', sl.reserved,
        'reorderPoint', sl.reorder_point,
        'reorderQuantity', sl.reorder_quantity,
        'stocked', ${stockedLevel},
        'shipped', coalesce(${shippedSince(supply.since)}, 0),
        'heldBack', coalesce((select sum(h.quantity) from stock_holdbacks h
                              where h.product_id = sl.product_id and h.warehouse_id = sl.warehouse_id), 0)
      ) order by w.priority, w.code), '[]'::json)
    from stock_levels sl join warehouses w on w.id = sl.warehouse_id
    where sl.product_id = ${products.id} and ${scope})`;

  const rows = await db
    .select({ sku: products.sku, name: products.name, category: categories.code, categoryName: categories.name, cells })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(...conditions))
    .orderBy(asc(products.sku))
    .limit(input.limit + 1);

  if (rows.length === 0) await assertFiltersExist(db, input);
  return toPage(rows, input.limit, toGridRow, (r) => [r.sku]);
}

function toGridRow(row: { sku: string; name: string; category: string; categoryName: string; cells: CellRow[] | string }): TStockGridRow {
  const raw = typeof row.cells === "string" ? (JSON.parse(row.cells) as CellRow[]) : row.cells;
  const cells: TStockGridCell[] = raw.map((c) => {
    const level = {
      onHand: Number(c.onHand),
      reserved: Number(c.reserved),
      reorderPoint: c.reorderPoint === null ? null : Number(c.reorderPoint),
      reorderQuantity: c.reorderQuantity === null ? null : Number(c.reorderQuantity),
    };
    const shipped = Number(c.shipped);
    return {
      warehouse: c.warehouse,
      ...level,
      available: level.onHand - level.reserved,
      heldBack: Number(c.heldBack),
      status: stockStatusOf(level),
      shipped30d: shipped,
      daysOfSupply: wholeDaysOfSupplyOf({ ...level, shipped }),
      neverStocked: !c.stocked,
    };
  });
  const totals = cells.reduce(
    (sum, c) => ({
      onHand: sum.onHand + c.onHand,
      reserved: sum.reserved + c.reserved,
      available: sum.available + c.available,
      heldBack: sum.heldBack + c.heldBack,
    }),
    { onHand: 0, reserved: 0, available: 0, heldBack: 0 },
  );
  return { sku: row.sku, name: row.name, category: row.category, categoryName: row.categoryName, cells, totals };
}

/** An empty page is fine, unless a filter names a warehouse or category that does not exist. */
async function assertFiltersExist(db: DbOrTx, input: TStockGridInput) {
  if (input.warehouse) {
    const [found] = await db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.code, input.warehouse)).limit(1);
    if (!found) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);
  }
  if (input.category) {
    const category = input.category;
    const [found] = await db
      .select({ id: categories.id })
      .from(categories)
      .where(isUuid(category) ? eq(categories.id, category) : eq(categories.code, category))
      .limit(1);
    if (!found) throw AppError.invalidField("category", `no category with code or id "${category}"`);
  }
}

/** What the grid's filters offer: active warehouses (its columns) and categories. */
export async function stockGridOptions(options: { db: DbOrTx }): Promise<TStockGridOptions> {
  const { db } = options;
  const [warehouseRows, categoryRows] = await Promise.all([
    db
      .select({ code: warehouses.code, name: warehouses.name })
      .from(warehouses)
      .where(and(eq(warehouses.isActive, true), isNull(warehouses.archivedAt)))
      .orderBy(asc(warehouses.priority), asc(warehouses.code)),
    db
      .select({ id: categories.id, code: categories.code, name: categories.name })
      .from(categories)
      .where(isNull(categories.archivedAt))
      .orderBy(asc(categories.name)),
  ]);
  return { warehouses: warehouseRows, categories: categoryRows };
}
