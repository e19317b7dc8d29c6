import { and, eq, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import { stockLevels, stockMovements } from "./schema";

/**
 * Gives reserved stock back (a canceled order, a shortened line), with its "release" ledger row, in the
 * caller's transaction. One guarded statement, so reserved never goes below zero.
 */
export async function releaseReservation(
  tx: DbOrTx,
  input: { productId: string; warehouseId: string; quantity: number; reference: string; actor: Actor },
) {
  if (input.quantity <= 0) return;
  const updated = await tx
    .update(stockLevels)
    .set({ reserved: sql`${stockLevels.reserved} - ${input.quantity}` })
    .where(
      and(
        eq(stockLevels.productId, input.productId),
        eq(stockLevels.warehouseId, input.warehouseId),
        sql`${stockLevels.reserved} >= ${input.quantity}`,
      ),
    )
    .returning({ reserved: stockLevels.reserved });
  if (updated.length === 0) throw new Error(`Cannot release ${input.quantity} reserved for ${input.reference}: the stock level holds less`);
  await tx.insert(stockMovements).values({
    productId: input.productId,
    warehouseId: input.warehouseId,
    kind: "release",
    quantity: input.quantity,
    reason: "order",
    reference: input.reference,
    actor: actorLabel(input.actor),
  });
}
