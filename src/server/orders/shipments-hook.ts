import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";

/**
 * What orders asks of fulfillment, which owns shipments and depends on orders (not the reverse): the
 * routers pass fulfillment's implementation to the use cases that need it.
 */
export type OrderShipments = {
  /** Cancels the order's shipments that have not left; their units stay reserved for the order. Returns how many. */
  cancelOpen(tx: DbOrTx, order: { id: string; number: string }, actor: Actor, reason: string): Promise<number>;
  /** Has every shipment of the order that left arrived? */
  allDelivered(tx: DbOrTx, orderId: string): Promise<boolean>;
};
