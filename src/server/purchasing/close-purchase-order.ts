import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import type { TClosePurchaseOrderInput } from "./schemas";
import { transitionPurchaseOrder } from "./transition-purchase-order";
import * as clock from "../clock";

/** `POST /purchase-orders/{number}/close`: short-close; what was not received stops being inbound. */
export function closePurchaseOrder(options: { db: Db; actor: Actor; input: TClosePurchaseOrderInput }) {
  return transitionPurchaseOrder({
    ...options,
    number: options.input.number,
    version: options.input.version,
    to: "closed",
    set: { closedAt: clock.now() },
    audit: (lines) => ({
      reason: options.input.reason,
      notDelivered: lines.filter((l) => l.quantity > l.received).map((l) => ({ sku: l.sku, quantity: l.quantity - l.received })),
    }),
  });
}
