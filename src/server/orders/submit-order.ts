import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db, DbOrTx } from "../db";
import { AppError } from "../errors";
import { applyHolds } from "./holds";
import { loadOrder, recordOrderEvent, toOrderDto, type OrderRow } from "./queries";
import { orders } from "./schema";
import type { TOrder } from "./schemas";
import { reserveOrder } from "./reserve-lines";
import { assertTransition } from "./state-machine";
import * as clock from "../clock";

/** draft → submitted → on_hold | open, inside the caller's transaction. */
export async function submitInTx(tx: DbOrTx, order: OrderRow, actor: Actor): Promise<void> {
  if (order.kind === "quote") {
    throw new AppError("conflict", "QUOTE_NOT_SUBMITTABLE", `${order.number} is a quote: convert it to an order instead.`);
  }
  assertTransition(order.status, "submitted", actor.role);
  if (!order.shipTo) throw AppError.invalidField("shipTo", "a complete ship-to address is required to submit");
  const [submitted] = await tx
    .update(orders)
    .set({ status: "submitted", submittedAt: clock.now(), version: order.version + 1 })
    .where(eq(orders.id, order.id))
    .returning();
  await recordOrderEvent(tx, order.id, "submitted", actor, { before: { status: order.status }, after: { status: "submitted" }, total: order.total });
  await applyHolds(tx, submitted!, actor);
  // Held orders reserve too: a credit hold must not lose the customer's stock to later orders.
  await reserveOrder(tx, submitted!, actor);
}

export async function submitOrder(options: { db: Db; actor: Actor; number: string }): Promise<TOrder> {
  const { db, actor, number } = options;
  return db.transaction(async (tx) => {
    const order = await loadOrder(tx, number, { forUpdate: true });
    await submitInTx(tx, order, actor);
    return toOrderDto(tx, await loadOrder(tx, number));
  });
}
