import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { exceptionEventsForOrder } from "../exceptions";
import { loadOrder } from "./queries";
import { orderEvents } from "./schema";

/**
 * Every event of an order, oldest first: who, when, what changed (before/after), with the history of its
 * exceptions (opened, assigned, notes, resolved…) as `exception.<what>` entries.
 */
export async function orderTimeline(options: { db: DbOrTx; number: string }) {
  const order = await loadOrder(options.db, options.number);
  const [rows, exceptionHistory] = await Promise.all([
    options.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(asc(orderEvents.id)),
    exceptionEventsForOrder(options.db, order.id),
  ]);
  const events = rows.map((r) => ({ id: r.id as number | string, type: r.type, actor: r.actor, data: r.data, createdAt: r.createdAt.toISOString() }));
  const fromExceptions = exceptionHistory.map((e) => ({
    id: e.id,
    type: `exception.${e.type}`,
    actor: e.actor,
    data: { exception: e.exceptionId, exceptionType: e.exceptionType, note: e.note, ...e.details },
    createdAt: e.createdAt,
  }));
  // Stable: order events keep their order among themselves; an exception entry follows what happened at its time.
  return [...events, ...fromExceptions].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
