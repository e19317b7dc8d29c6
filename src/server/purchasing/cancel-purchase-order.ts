import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { TCancelPurchaseOrderInput } from "./schemas";
import { transitionPurchaseOrder } from "./transition-purchase-order";
import * as clock from "../clock";

/** `POST /purchase-orders/{number}/cancel`: a draft or sent order of which nothing was received. */
export function cancelPurchaseOrder(options: { db: Db; actor: Actor; input: TCancelPurchaseOrderInput }) {
  return transitionPurchaseOrder({
    ...options,
    number: options.input.number,
    version: options.input.version,
    to: "canceled",
    set: { closedAt: clock.now() },
    guard: (lines, po) => {
      if (lines.some((l) => l.received > 0)) {
        throw AppError.conflict("PURCHASE_ORDER_RECEIVED", `Cannot cancel ${po.number}: goods were received against it. Close it instead.`);
      }
    },
    audit: () => ({ reason: options.input.reason ?? null }),
  });
}
