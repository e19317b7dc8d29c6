import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";

/**
 * Called inside the transaction that just added on-hand stock (a receipt, a transfer arriving), so that
 * waiting backorders can take it at once. Orders supplies it (allocateBackorders); inventory does not
 * import orders, which already depends on inventory.
 */
export type StockArrivalHandler = (
  tx: DbOrTx,
  arrival: { productId: string; warehouseId: string; reference: string; actor: Actor },
) => Promise<unknown>;
