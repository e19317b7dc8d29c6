import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
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

/**
 * The order total up to which a person released the order's credit hold (the latest such release), or
 * null when nobody did. Holds opened before totals were recorded count as no release.
 */
export async function releasedCreditTotal(db: DbOrTx, orderId: string): Promise<number | null> {
  const [row] = await db
    .select({ total: sql<string | null>`${exceptions.details}->>'orderTotal'` })
    .from(exceptions)
    .where(and(eq(exceptions.orderId, orderId), eq(exceptions.type, "credit_hold"), eq(exceptions.status, "resolved"), eq(exceptions.resolution, "released")))
    .orderBy(desc(exceptions.resolvedAt))
    .limit(1);
  return row?.total == null ? null : Number(row.total);
}
