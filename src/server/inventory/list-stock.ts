import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import { inboundKey, loadInbound } from "./inbound";
import { stockLevels, warehouses } from "./schema";
import type { TListStockInput, TStockLevel } from "./schemas";
import type { SupplySource } from "./supply";

/** Stock per SKU and warehouse, by SKU then warehouse code, with what is inbound to each level (supply and transfers). */
export async function listStock(options: { db: DbOrTx; input: TListStockInput; supply: SupplySource }) {
  const { db, input, supply } = options;
  const conditions: (SQL | undefined)[] = [];
  if (input.sku) conditions.push(eq(products.sku, input.sku));
  if (input.warehouse) conditions.push(eq(warehouses.code, input.warehouse));
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    conditions.push(or(ilike(products.sku, pattern), ilike(products.name, pattern)));
  }
  if (input.cursor) {
    const [sku, warehouse] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(${products.sku}, ${warehouses.code}) > (${String(sku)}, ${String(warehouse)})`);
  }
  const rows = await db
    .select({
      productId: stockLevels.productId,
      warehouseId: stockLevels.warehouseId,
      sku: products.sku,
      productName: products.name,
      warehouse: warehouses.code,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
    })
    .from(stockLevels)
    .innerJoin(products, eq(products.id, stockLevels.productId))
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(and(...conditions))
    .orderBy(asc(products.sku), asc(warehouses.code))
    .limit(input.limit + 1);
  const inbound = await loadInbound(db, rows.slice(0, input.limit).map((r) => r.productId), supply);
  return toPage(
    rows,
    input.limit,
    ({ productId, warehouseId, ...r }): TStockLevel => ({
      ...r,
      available: r.onHand - r.reserved,
      inbound: inbound.get(inboundKey(productId, warehouseId)) ?? [],
    }),
    (r) => [r.sku, r.warehouse],
  );
}
