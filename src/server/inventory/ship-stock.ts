import { and, eq, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { executeRows } from "../db/execute";
import { recordAllocations, type StockDemand } from "./reserve-stock";
import { stockAllocations, stockLevels, stockMovements } from "./schema";

type StockLine = { productId: string; warehouseId: string; quantity: number };

/**
 * Goods leave: reserved units of a demand go out of the warehouse. One guarded statement per line takes
 * them off on hand and reserved at once (never more than the demand holds there), writes the ledger's
 * `shipment` movement (negative) and consumes the allocation. Throws when the demand holds fewer units there
 * than it ships — fulfillment only plans what is reserved, so that is a bug, and the transaction rolls back.
 */
export async function shipFromStock(tx: DbOrTx, input: { demand: Pick<StockDemand, "orderId" | "reference">; lines: StockLine[]; actor: Actor; reason: string }) {
  for (const line of sortByLevel(input.lines)) {
    if (line.quantity <= 0) continue;
    const rows = await executeRows<{ done: number }>(
      tx,
      sql`with ${consumeAllocation(input.demand.orderId, line)},
          level as (
            update ${stockLevels} set on_hand = on_hand - ${line.quantity}, reserved = reserved - ${line.quantity}, updated_at = ${clock.now().toISOString()}::timestamptz
            where product_id = ${line.productId} and warehouse_id = ${line.warehouseId} and exists (select 1 from allocation)
              and reserved >= ${line.quantity} and on_hand >= ${line.quantity}
            returning 1),
          ledger as (
            insert into ${stockMovements} (product_id, warehouse_id, kind, quantity, reason, reference, actor, created_at)
            select ${line.productId}, ${line.warehouseId}, 'shipment', ${-line.quantity}, ${input.reason}, ${input.demand.reference}, ${actorLabel(input.actor)},
                   ${clock.now().toISOString()}::timestamptz from level)
          select 1 as done from allocation, level`,
    );
    if (rows.length === 0) throw new Error(`${input.demand.reference} does not hold ${line.quantity} reserved units of ${line.productId} in ${line.warehouseId} to ship`);
  }
}

/**
 * Goods come back unopened (a shipped shipment canceled): they return to on hand and, as they were, to
 * the demand's reservation, with a positive `shipment` movement in the ledger.
 */
export async function returnToStock(tx: DbOrTx, input: { demand: StockDemand; lines: StockLine[]; actor: Actor; reason: string }) {
  for (const line of sortByLevel(input.lines)) {
    if (line.quantity <= 0) continue;
    await tx.insert(stockLevels).values({ productId: line.productId, warehouseId: line.warehouseId }).onConflictDoNothing();
    await tx
      .update(stockLevels)
      .set({ onHand: sql`${stockLevels.onHand} + ${line.quantity}`, reserved: sql`${stockLevels.reserved} + ${line.quantity}` })
      .where(and(eq(stockLevels.productId, line.productId), eq(stockLevels.warehouseId, line.warehouseId)));
    await tx.insert(stockMovements).values({
      productId: line.productId,
      warehouseId: line.warehouseId,
      kind: "shipment",
      quantity: line.quantity,
      reason: input.reason,
      reference: input.demand.reference,
      actor: actorLabel(input.actor),
      createdAt: clock.now(),
    });
    await tx.execute(recordAllocations(input.demand, line.productId, sql`(values (${line.warehouseId}::uuid, ${line.quantity}::int)) as back(warehouse_id, quantity)`));
  }
}

/**
 * A picker found fewer units than the books say: the missing ones stop being reserved for the demand
 * (a `release`), and on hand comes down by them (an `adjustment`, reason short_pick) as far as other
 * demands' reservations allow. Returns how many units on hand was corrected by; the rest (held by other
 * orders' reservations) is left for a count to settle.
 */
export async function recordShortPick(tx: DbOrTx, input: { demand: Pick<StockDemand, "orderId" | "reference">; line: StockLine; actor: Actor }): Promise<{ adjusted: number }> {
  const { line, demand, actor } = input;
  const at = clock.now();
  const [released] = await executeRows<{ on_hand: number; reserved: number }>(
    tx,
    sql`with ${consumeAllocation(demand.orderId, line)},
        level as (
          update ${stockLevels} set reserved = reserved - ${line.quantity}, updated_at = ${at.toISOString()}::timestamptz
          where product_id = ${line.productId} and warehouse_id = ${line.warehouseId} and exists (select 1 from allocation) and reserved >= ${line.quantity}
          returning on_hand, reserved),
        ledger as (
          insert into ${stockMovements} (product_id, warehouse_id, kind, quantity, reason, reference, actor, created_at)
          select ${line.productId}, ${line.warehouseId}, 'release', ${line.quantity}, 'short_pick', ${demand.reference}, ${actorLabel(actor)}, ${at.toISOString()}::timestamptz from level)
        select on_hand, reserved from level`,
  );
  if (!released) throw new Error(`${demand.reference} does not hold ${line.quantity} reserved units of ${line.productId} in ${line.warehouseId}`);
  const adjusted = Math.min(line.quantity, Number(released.on_hand) - Number(released.reserved));
  if (adjusted > 0) {
    await tx
      .update(stockLevels)
      .set({ onHand: sql`${stockLevels.onHand} - ${adjusted}` })
      .where(and(eq(stockLevels.productId, line.productId), eq(stockLevels.warehouseId, line.warehouseId)));
    await tx.insert(stockMovements).values({
      productId: line.productId,
      warehouseId: line.warehouseId,
      kind: "adjustment",
      quantity: -adjusted,
      reason: "short_pick",
      reference: demand.reference,
      actor: actorLabel(actor),
      createdAt: at,
    });
  }
  return { adjusted };
}

/**
 * CTEs `reduced`, `removed` and `allocation`: takes `quantity` off the demand's allocation in one warehouse
 * (the row goes when nothing is left); `allocation` has a row only when it held that many.
 */
function consumeAllocation(orderId: string, line: StockLine) {
  const key = sql`order_id = ${orderId} and product_id = ${line.productId} and warehouse_id = ${line.warehouseId}`;
  return sql`reduced as (update ${stockAllocations} set quantity = quantity - ${line.quantity} where ${key} and quantity > ${line.quantity} returning quantity),
    removed as (delete from ${stockAllocations} where ${key} and quantity = ${line.quantity} returning 0 as quantity),
    allocation as (select quantity from reduced union all select quantity from removed)`;
}

/** Stock rows are changed in (product, warehouse) order, like every other writer: no deadlocks. */
const sortByLevel = (lines: StockLine[]) => [...lines].sort((a, b) => a.productId.localeCompare(b.productId) || a.warehouseId.localeCompare(b.warehouseId));
