import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError } from "../errors";
import { loadOrder, recordOrderEvent, toOrderDto } from "./queries";
import { orders } from "./schema";
import type { TOrder } from "./schemas";

/** A manager lets an order plan its shipments on its own once every line is reserved (or stops it). */
export async function setAutoPlan(options: { db: Db; actor: Actor; input: { number: string; enabled: boolean } }): Promise<TOrder> {
  const { db, actor, input } = options;
  const order = await db.transaction(async (tx) => {
    const order = await loadOrder(tx, input.number, { forUpdate: true });
    if (order.kind === "quote") throw new AppError("conflict", "NOT_AN_ORDER", `${order.number} is a quote.`);
    if (order.autoPlan === input.enabled) return order;
    const [updated] = await tx.update(orders).set({ autoPlan: input.enabled }).where(eq(orders.id, order.id)).returning();
    await recordOrderEvent(tx, order.id, input.enabled ? "auto_plan_on" : "auto_plan_off", actor, { before: { autoPlan: order.autoPlan }, after: { autoPlan: input.enabled } });
    return updated!;
  });
  return toOrderDto(db, order);
}
