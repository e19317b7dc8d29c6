import { and, asc, eq, inArray } from "drizzle-orm";
import { users } from "../auth/schema";
import type { DbOrTx } from "../db";
import { ACTIVE_EXCEPTION_STATUSES } from "./constants";
import { exceptionEvents, exceptions } from "./schema";

const toDto = (row: typeof exceptions.$inferSelect, assignee: string | null) => ({
  id: row.id,
  type: row.type,
  severity: row.severity,
  status: row.status,
  team: row.team,
  reason: row.reason,
  dueAt: row.dueAt.toISOString(),
  assignee,
  createdAt: row.createdAt.toISOString(),
  resolution: row.resolution,
});

const withAssignee = (db: DbOrTx) =>
  db.select({ e: exceptions, assignee: users.name }).from(exceptions).leftJoin(users, eq(users.id, exceptions.assigneeId));

export async function exceptionsForOrder(db: DbOrTx, orderId: string) {
  const rows = await withAssignee(db).where(eq(exceptions.orderId, orderId)).orderBy(asc(exceptions.createdAt));
  return rows.map((r) => toDto(r.e, r.assignee));
}

export async function openExceptionsForCustomer(db: DbOrTx, customerId: string) {
  const rows = await withAssignee(db)
    .where(and(eq(exceptions.customerId, customerId), inArray(exceptions.status, [...ACTIVE_EXCEPTION_STATUSES])))
    .orderBy(asc(exceptions.dueAt));
  return rows.map((r) => toDto(r.e, r.assignee));
}

export async function openExceptionCounts(db: DbOrTx, orderIds: string[]) {
  if (orderIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ orderId: exceptions.orderId })
    .from(exceptions)
    .where(and(inArray(exceptions.orderId, orderIds), inArray(exceptions.status, [...ACTIVE_EXCEPTION_STATUSES])));
  const counts = new Map<string, number>();
  for (const r of rows) if (r.orderId) counts.set(r.orderId, (counts.get(r.orderId) ?? 0) + 1);
  return counts;
}

/** The history of an order's exceptions, for the order's timeline. */
export async function exceptionEventsForOrder(db: DbOrTx, orderId: string) {
  const rows = await db
    .select({ ev: exceptionEvents, type: exceptions.type })
    .from(exceptionEvents)
    .innerJoin(exceptions, eq(exceptions.id, exceptionEvents.exceptionId))
    .where(eq(exceptions.orderId, orderId))
    .orderBy(asc(exceptionEvents.createdAt), asc(exceptionEvents.id));
  return rows.map(({ ev, type }) => ({
    id: ev.id,
    exceptionId: ev.exceptionId,
    exceptionType: type,
    type: ev.type,
    actor: ev.actor,
    note: ev.note,
    details: ev.details,
    createdAt: ev.createdAt.toISOString(),
  }));
}
