import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import { stockLevels, warehouses } from "./schema";
import type { TListStockInput, TStockLevel } from "./schemas";

/** Stock per SKU and warehouse, by SKU then warehouse priority. */
export async function listStock(options: { db: DbOrTx; input: TListStockInput }) {
  const { db, input } = options;
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
  return toPage(
    rows,
    input.limit,
    // Inbound stays empty until purchase orders exist (inventory issue); never invented here.
    (r): TStockLevel => ({ ...r, available: r.onHand - r.reserved, inbound: [] }),
    (r) => [r.sku, r.warehouse],
  );
}
