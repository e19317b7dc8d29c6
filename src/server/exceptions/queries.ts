import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { exceptions } from "./schema";

const toDto = (row: typeof exceptions.$inferSelect) => ({
  id: row.id,
  type: row.type,
  severity: row.severity,
  status: row.status,
  reason: row.reason,
  dueAt: row.dueAt.toISOString(),
  assignee: row.assignee,
  createdAt: row.createdAt.toISOString(),
});

export async function exceptionsForOrder(db: DbOrTx, orderId: string) {
  const rows = await db.select().from(exceptions).where(eq(exceptions.orderId, orderId)).orderBy(asc(exceptions.createdAt));
  return rows.map(toDto);
}

export async function openExceptionsForCustomer(db: DbOrTx, customerId: string) {
  const rows = await db
    .select()
    .from(exceptions)
    .where(and(eq(exceptions.customerId, customerId), eq(exceptions.status, "open")))
    .orderBy(asc(exceptions.dueAt));
  return rows.map(toDto);
}

export async function openExceptionCounts(db: DbOrTx, orderIds: string[]) {
  if (orderIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ orderId: exceptions.orderId })
    .from(exceptions)
    .where(and(inArray(exceptions.orderId, orderIds), eq(exceptions.status, "open")));
  const counts = new Map<string, number>();
  for (const r of rows) if (r.orderId) counts.set(r.orderId, (counts.get(r.orderId) ?? 0) + 1);
  return counts;
}
