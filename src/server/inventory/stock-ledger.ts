import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { findProductBySku } from "../catalog";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { AppError } from "../errors";
import { ON_HAND_KINDS, type MovementKind } from "./constants";
import { stockLevels, stockMovements, warehouses } from "./schema";
import type { TLedgerEntry, TLedgerInput } from "./schemas";
import { findWarehouseByCode } from "./warehouses";

const RESERVATION_KINDS: readonly MovementKind[] = ["reservation", "release"];

/**
 * The stock ledger of one SKU, newest first (keyset on created_at, id), optionally for one warehouse and
 * one scope of kinds. Each on-hand movement carries the on hand of its warehouse right after it: on hand
 * equals the sum of the on-hand movements, so the balance after the page's newest row is today's on hand
 * minus what moved since (one aggregate), and older rows follow by subtraction.
 */
export async function listStockLedger(options: { db: DbOrTx; input: TLedgerInput }) {
  const { db, input } = options;
  const product = await findProductBySku(db, input.sku);
  if (!product) throw AppError.notFound("product", input.sku);
  let warehouseId: string | undefined;
  if (input.warehouse) {
    const warehouse = await findWarehouseByCode(db, input.warehouse);
    if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);
    warehouseId = warehouse.id;
  }

  const base: (SQL | undefined)[] = [eq(stockMovements.productId, product.id), warehouseId ? eq(stockMovements.warehouseId, warehouseId) : undefined];
  const kinds = input.scope === "on_hand" ? ON_HAND_KINDS : input.scope === "reservations" ? RESERVATION_KINDS : undefined;
  const conditions = [...base, kinds ? inArray(stockMovements.kind, [...kinds]) : undefined];
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(${stockMovements.createdAt}, ${stockMovements.id}) < (${String(createdAt)}::timestamptz, ${Number(id)})`);
  }
  const rows = await db
    .select({
      id: stockMovements.id,
      // Full precision (microseconds) for the cursor; the DTO shows milliseconds.
      createdAtKey: sql<string>`to_char(${stockMovements.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      warehouseId: stockMovements.warehouseId,
      warehouse: warehouses.code,
      kind: stockMovements.kind,
      quantity: stockMovements.quantity,
      reason: stockMovements.reason,
      reference: stockMovements.reference,
      actor: stockMovements.actor,
    })
    .from(stockMovements)
    .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
    .where(and(...conditions))
    .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
    .limit(input.limit + 1);

  const page = rows.slice(0, input.limit);
  const balances = await balancesAfter(db, product.id, page[0], warehouseId);
  const entries = new Map<number, TLedgerEntry>();
  for (const row of page) {
    const isOnHand = ON_HAND_KINDS.includes(row.kind);
    let balance: number | null = null;
    if (isOnHand) {
      balance = balances.get(row.warehouseId) ?? 0;
      balances.set(row.warehouseId, balance - row.quantity);
    }
    entries.set(row.id, {
      id: row.id,
      createdAt: new Date(row.createdAtKey).toISOString(),
      warehouse: row.warehouse,
      kind: row.kind,
      quantity: row.quantity,
      reason: row.reason,
      reference: row.reference,
      actor: row.actor,
      balance,
    });
  }
  return toPage(
    rows,
    input.limit,
    (row) => entries.get(row.id)!,
    (row) => [row.createdAtKey, row.id],
  );
}

/** On hand per warehouse right after `newest`: today's on hand minus the on-hand movements after it. */
async function balancesAfter(
  db: DbOrTx,
  productId: string,
  newest: { id: number; createdAtKey: string } | undefined,
  warehouseId: string | undefined,
): Promise<Map<string, number>> {
  if (!newest) return new Map();
  const later = sql`coalesce((
    select sum(m.quantity) from stock_movements m
    where m.product_id = ${stockLevels.productId} and m.warehouse_id = ${stockLevels.warehouseId}
      and m.kind::text in (${sql.join(
        ON_HAND_KINDS.map((k) => sql`${k}`),
        sql`, `,
      )})
      and (m.created_at, m.id) > (${newest.createdAtKey}::timestamptz, ${newest.id})
  ), 0)`;
  const rows = await db
    .select({ warehouseId: stockLevels.warehouseId, balance: sql<number>`${stockLevels.onHand} - ${later}`.mapWith(Number) })
    .from(stockLevels)
    .where(and(eq(stockLevels.productId, productId), warehouseId ? eq(stockLevels.warehouseId, warehouseId) : undefined));
  return new Map(rows.map((r) => [r.warehouseId, r.balance]));
}
