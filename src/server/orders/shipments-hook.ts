import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";

/**
 * What orders asks of fulfillment, which owns shipments and depends on orders (not the reverse): the
 * routers pass fulfillment's implementation to the use cases that need it.
 */
export type OrderShipments = {
  /**
   * Cancels the order's shipments that have not left; their units stay reserved for the order. Returns their
   * numbers; with `holdEvents` the caller records them on the timeline as part of its own entry.
   */
  cancelOpen(tx: DbOrTx, order: { id: string; number: string }, actor: Actor, reason: string, options?: { holdEvents?: boolean }): Promise<string[]>;
  /** Plans shipments again for what an open order has reserved and not on a shipment (after a change). Returns their numbers, not recorded. */
  replan(tx: DbOrTx, orderId: string, actor: Actor): Promise<string[]>;
  /** Has every shipment of the order that left arrived? */
  allDelivered(tx: DbOrTx, orderId: string): Promise<boolean>;
};
