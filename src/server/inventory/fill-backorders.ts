import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { DemandClass } from "../customers/constants";
import type { DbOrTx } from "../db";
import { executeRows } from "../db/execute";
import { heldBackFrom } from "./holdback-sql";
import { recordAllocations } from "./reserve-stock";
import { stockBackorders, stockLevels, stockMovements } from "./schema";

export type BackorderFill = { orderId: string; reference: string; productId: string; warehouseId: string; quantity: number; stillShort: number };

/**
 * Locks the demands (orders) that may take stock now and returns their ids. The owner of the demands
 * skips those someone is changing right now (SKIP LOCKED) rather than waiting: their own transaction
 * re-reserves, and waiting here while holding the stock row could deadlock with it.
 */
export type LockDemands = (tx: DbOrTx, orderIds: string[]) => Promise<string[]>;

/**
 * Stock just arrived in a warehouse (a receipt, a transfer, a positive adjustment, a release): backorders
 * of that product take it, first come first served, in the caller's transaction. Each take is a
 * reservation like any other (ledger row, allocation); units held back for other demand classes stay
 * out of reach. Returns what each demand got, so its owner can update its own records.
 */
export async function fillBackorders(
  tx: DbOrTx,
  input: { productId: string; warehouseId: string; actor: Actor; lockDemands: LockDemands },
): Promise<BackorderFill[]> {
  const candidates = await tx
    .selectDistinct({ orderId: stockBackorders.orderId })
    .from(stockBackorders)
    .where(eq(stockBackorders.productId, input.productId));
  if (candidates.length === 0) return [];
  const locked = await input.lockDemands(tx, candidates.map((c) => c.orderId));
  if (locked.length === 0) return [];
  // Read again under the demands' locks: another arrival may have filled some in the meantime.
  const waiting = await tx
    .select()
    .from(stockBackorders)
    .where(and(eq(stockBackorders.productId, input.productId), inArray(stockBackorders.orderId, locked)))
    .orderBy(asc(stockBackorders.queuedAt), asc(stockBackorders.reference));
  const [level] = await tx
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.productId, input.productId), eq(stockLevels.warehouseId, input.warehouseId)))
    .for("update");
  if (!level) return [];

  let free = level.onHand - level.reserved;
  const fills: BackorderFill[] = [];
  // What is held back from each class, asked once per class; a class taking stock changes it for the others.
  const heldByClass = new Map<DemandClass, number>();
  const heldFrom = async (demandClass: DemandClass) => {
    if (!heldByClass.has(demandClass)) {
      const [row] = await executeRows<{ quantity: number }>(tx, sql`select ${heldBackFrom(input.productId, input.warehouseId, demandClass)} as quantity`);
      heldByClass.set(demandClass, Number(row?.quantity ?? 0));
    }
    return heldByClass.get(demandClass)!;
  };
  for (const backorder of waiting) {
    if (free <= 0) break;
    const take = Math.min(backorder.quantity, free - (await heldFrom(backorder.demandClass)));
    if (take <= 0) continue;
    await tx
      .update(stockLevels)
      .set({ reserved: sql`${stockLevels.reserved} + ${take}` })
      .where(and(eq(stockLevels.productId, input.productId), eq(stockLevels.warehouseId, input.warehouseId)));
    await tx.insert(stockMovements).values({
      productId: input.productId,
      warehouseId: input.warehouseId,
      kind: "reservation",
      quantity: take,
      reason: "backorder",
      reference: backorder.reference,
      actor: actorLabel(input.actor),
      createdAt: clock.now(),
    });
    await tx.execute(
      recordAllocations(backorder, input.productId, sql`(values (${input.warehouseId}::uuid, ${take}::int)) as take(warehouse_id, quantity)`),
    );
    const key = and(eq(stockBackorders.orderId, backorder.orderId), eq(stockBackorders.productId, input.productId));
    if (take === backorder.quantity) await tx.delete(stockBackorders).where(key);
    else await tx.update(stockBackorders).set({ quantity: backorder.quantity - take }).where(key);
    free -= take;
    for (const other of [...heldByClass.keys()]) if (other !== backorder.demandClass) heldByClass.delete(other);
    fills.push({ orderId: backorder.orderId, reference: backorder.reference, productId: input.productId, warehouseId: input.warehouseId, quantity: take, stillShort: backorder.quantity - take });
  }
  return fills;
}
