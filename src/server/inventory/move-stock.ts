import { and, eq, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import type { MovementKind } from "./constants";
import { recordLowStock } from "./low-stock-webhook";
import { stockLevels, stockMovements } from "./schema";

export type OnHandMovement = {
  productId: string;
  warehouseId: string;
  /** Signed: receipts, returns and transfers in add; shipments and transfers out remove. */
  quantity: number;
  kind: Exclude<MovementKind, "reservation" | "release">;
  reason: string | null;
  reference: string | null;
  actor: Actor;
};

/**
 * The one way on-hand stock changes: the level row is created when missing, one guarded UPDATE changes
 * it only if on hand stays ≥ reserved (so nothing reserved can be taken away, whatever runs at the same
 * time), and the ledger row is written in the same transaction — on hand always equals the ledger's sum.
 * Returns the level after the move with its ledger row's id, or null when the guard refused (not enough
 * free stock); callers turn that into an error naming their field.
 */
export async function moveOnHand(tx: DbOrTx, move: OnHandMovement) {
  if (move.quantity > 0) {
    await tx.insert(stockLevels).values({ productId: move.productId, warehouseId: move.warehouseId }).onConflictDoNothing();
  }
  const [level] = await tx
    .update(stockLevels)
    .set({ onHand: sql`${stockLevels.onHand} + ${move.quantity}` })
    .where(
      and(
        eq(stockLevels.productId, move.productId),
        eq(stockLevels.warehouseId, move.warehouseId),
        sql`${stockLevels.onHand} + ${move.quantity} >= ${stockLevels.reserved}`,
      ),
    )
    .returning({ onHand: stockLevels.onHand, reserved: stockLevels.reserved });
  if (!level) return null;
  if (move.quantity < 0) await recordLowStock(tx, [{ productId: move.productId, warehouseId: move.warehouseId, quantity: -move.quantity }]);
  const [movement] = await tx
    .insert(stockMovements)
    .values({
      productId: move.productId,
      warehouseId: move.warehouseId,
      kind: move.kind,
      quantity: move.quantity,
      reason: move.reason,
      reference: move.reference,
      actor: actorLabel(move.actor),
    })
    .returning();
  return { ...level, movement: movement! };
}

/** A level as it is now: on hand, reserved and what is free (e.g. for the message when a removal is refused). */
export async function currentLevel(tx: DbOrTx, productId: string, warehouseId: string) {
  const [current] = await tx
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.productId, productId), eq(stockLevels.warehouseId, warehouseId)));
  const onHand = current?.onHand ?? 0;
  const reserved = current?.reserved ?? 0;
  return { onHand, reserved, available: Math.max(0, onHand - reserved) };
}
