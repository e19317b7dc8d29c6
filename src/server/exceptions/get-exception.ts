import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "../auth/schema";
import * as clock from "../clock";
import { customers } from "../customers/schema";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { orders } from "../orders/schema";
import { EXCEPTION_EVENT_TYPES, RESOLUTION_ACTIONS } from "./constants";
import { toListItem, ZExceptionListItem } from "./list-exceptions";
import { exceptionEvents, exceptions } from "./schema";

export const ZException = ZExceptionListItem.extend({
  details: z.record(z.string(), z.unknown()),
  resolutionNote: z.string().nullable(),
  openedBy: z.string(),
  actions: z.array(z.object({ action: z.string(), label: z.string(), roles: z.array(z.string()).nullable(), effect: z.string().nullable() })),
  history: z.array(z.object({ id: z.string(), type: z.enum(EXCEPTION_EVENT_TYPES), actor: z.string(), note: z.string().nullable(), details: z.record(z.string(), z.unknown()), createdAt: z.string() })),
});

/** One exception with its thread of changes and notes, and the ways to resolve it. */
export async function getException(options: { db: DbOrTx; id: string }) {
  const { db, id } = options;
  const [row] = await db
    .select({ e: exceptions, order: orders.number, customer: customers.code, customerName: customers.name, assigneeName: users.name })
    .from(exceptions)
    .leftJoin(orders, eq(orders.id, exceptions.orderId))
    .leftJoin(customers, eq(customers.id, exceptions.customerId))
    .leftJoin(users, eq(users.id, exceptions.assigneeId))
    .where(eq(exceptions.id, id));
  if (!row) throw AppError.notFound("exception", id);
  const history = await db.select().from(exceptionEvents).where(eq(exceptionEvents.exceptionId, id)).orderBy(asc(exceptionEvents.createdAt), asc(exceptionEvents.id));
  return {
    ...toListItem(row, clock.now()),
    details: row.e.details,
    resolutionNote: row.e.resolutionNote,
    openedBy: row.e.openedBy,
    actions: RESOLUTION_ACTIONS[row.e.type].map((a) => ({ action: a.action, label: a.label, roles: a.roles ? [...a.roles] : null, effect: a.effect ?? null })),
    history: history.map((h) => ({ id: h.id, type: h.type, actor: h.actor, note: h.note, details: h.details, createdAt: h.createdAt.toISOString() })),
  };
}
