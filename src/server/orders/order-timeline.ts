import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { loadOrder } from "./queries";
import { orderEvents } from "./schema";

/** Every event of an order, oldest first: who, when, what changed (before/after). */
export async function orderTimeline(options: { db: DbOrTx; number: string }) {
  const order = await loadOrder(options.db, options.number);
  const rows = await options.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(asc(orderEvents.id));
  return rows.map((r) => ({ id: r.id, type: r.type, actor: r.actor, data: r.data, createdAt: r.createdAt.toISOString() }));
}
