import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { resolveOrderExceptions } from "../exceptions";
import { assertVersion, loadOrder, recordOrderEvent, toOrderDto } from "./queries";
import { orders } from "./schema";
import type { TOrder } from "./schemas";
import { assertTransition } from "./state-machine";

/**
 * A manager releases a held order: its blocking exceptions are resolved with the note (accepting their causes: the
 * same credit total or price does not hold it again), and it opens.
 */
export async function releaseHold(options: { db: Db; actor: Actor; input: { number: string; note?: string; version?: number } }): Promise<TOrder> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const order = await loadOrder(tx, input.number, { forUpdate: true });
    await assertVersion(tx, order, input.version);
    assertTransition(order.status, "open", actor.role);
    const resolved = await resolveOrderExceptions(tx, { orderId: order.id, actor, resolution: "released", note: input.note, accept: true });
    await tx.update(orders).set({ status: "open", version: order.version + 1 }).where(eq(orders.id, order.id));
    await recordOrderEvent(tx, order.id, "hold_released", actor, {
      before: { status: "on_hold" },
      after: { status: "open" },
      note: input.note ?? null,
      resolved: resolved.map((r) => r.type),
    });
    return toOrderDto(tx, await loadOrder(tx, order.number));
  });
}
