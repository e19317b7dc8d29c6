import type { Actor } from "../auth/actor";
import type { Tx } from "../db";

/**
 * What working an exception does to its order. Orders depends on exceptions (its rules open them), so the
 * orders module implements this and the router hands it in (like fulfillment's OrderShipments).
 */
export type ExceptionOrders = {
  /** After exceptions of the order closed or reopened: hold it while a blocking one is active, release it when none is. */
  reconcileHold(tx: Tx, input: { orderId: string; actor: Actor; note?: string | null }): Promise<void>;
  /** A rejected price: the order's manual prices go back to what the pricing engine gives. */
  revertPrices(tx: Tx, input: { orderId: string; actor: Actor; note?: string | null }): Promise<void>;
  /** The order should not go ahead (a duplicate, a customer over credit who withdrew). */
  cancelOrder(tx: Tx, input: { orderId: string; actor: Actor; reason: string }): Promise<void>;
  /** A manager decided the order's returns waiting for approval (billing implements it). */
  decideReturns?(tx: Tx, input: { orderId: string; approve: boolean; actor: Actor; note?: string | null }): Promise<void>;
};
