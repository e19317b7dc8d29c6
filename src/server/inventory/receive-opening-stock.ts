import { sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { insertRows, textArray } from "../db/bulk";
import { AppError } from "../errors";
import { stockLevels, stockMovements } from "./schema";

export type OpeningStockRow = {
  productId: string;
  warehouseId: string;
  /** Units on hand when the books open (0: the level exists, with its settings, but holds nothing). */
  quantity: number;
  /** Where the SKU sits in the warehouse ("A-03-2"); left as it is when not given. */
  bin?: string | null;
  /** Replenishment settings of the level; left as they are when not given. */
  reorderPoint?: number | null;
  reorderQuantity?: number | null;
};

/** What an opening balance says in the ledger unless the caller names its source (a count sheet, an import). */
export const OPENING_STOCK_REFERENCE = "Opening balance";

/**
 * Opening balances in bulk: for each row, what `adjustStock` with reason `initial_stock` would write — the
 * level created when missing and its on hand raised by the quantity, and one `adjustment` movement of that
 * quantity in the ledger (none for 0: the ledger has no zero rows) — but in two statements whatever the
 * number of rows (up to 5,000 movements each), so thousands of levels open at once. Both at the domain clock's time. Stock is only
 * added, so nothing reserved is at risk; waiting backorders are not offered it (opening stock comes before
 * any demand — run `adjustStock` for stock that should fill them).
 */
export async function receiveOpeningStock(
  db: DbOrTx,
  options: { actor: Actor; rows: OpeningStockRow[]; reference?: string },
): Promise<{ levels: number; movements: number }> {
  const { actor, rows } = options;
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    for (const field of ["quantity", "reorderPoint", "reorderQuantity"] as const) {
      const value = row[field];
      if (value != null && (!Number.isSafeInteger(value) || value < 0)) {
        throw AppError.invalidField(`rows.${i}.${field}`, `must be a whole number of at least 0, got ${value}`);
      }
    }
    const key = `${row.productId}:${row.warehouseId}`;
    if (seen.has(key)) throw AppError.invalidField(`rows.${i}`, "the product and warehouse are listed twice");
    seen.add(key);
  });
  if (rows.length === 0) return { levels: 0, movements: 0 };

  const at = clock.now();
  const reference = options.reference ?? OPENING_STOCK_REFERENCE;
  const stocked = rows.filter((row) => row.quantity > 0);

  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into ${stockLevels} (product_id, warehouse_id, on_hand, bin, reorder_point, reorder_quantity, updated_at)
      select r.product_id, r.warehouse_id, r.on_hand, r.bin, r.reorder_point, r.reorder_quantity, ${at.toISOString()}::timestamptz
      from unnest(
        ${textArray(rows.map((r) => r.productId), "uuid")},
        ${textArray(rows.map((r) => r.warehouseId), "uuid")},
        ${textArray(rows.map((r) => r.quantity), "integer")},
        ${textArray(rows.map((r) => r.bin), "text")},
        ${textArray(rows.map((r) => r.reorderPoint), "integer")},
        ${textArray(rows.map((r) => r.reorderQuantity), "integer")}
      ) as r(product_id, warehouse_id, on_hand, bin, reorder_point, reorder_quantity)
      on conflict (product_id, warehouse_id) do update set
        on_hand = ${stockLevels}.on_hand + excluded.on_hand,
        bin = coalesce(excluded.bin, ${stockLevels}.bin),
        reorder_point = coalesce(excluded.reorder_point, ${stockLevels}.reorder_point),
        reorder_quantity = coalesce(excluded.reorder_quantity, ${stockLevels}.reorder_quantity),
        updated_at = excluded.updated_at`);
    if (stocked.length === 0) return;
    await insertRows(
      tx,
      stockMovements,
      stocked.map((row) => ({
        productId: row.productId,
        warehouseId: row.warehouseId,
        kind: "adjustment" as const,
        quantity: row.quantity,
        reason: "initial_stock",
        reference,
        actor: actorLabel(actor),
        createdAt: at,
      })),
    );
  });
  return { levels: rows.length, movements: stocked.length };
}
