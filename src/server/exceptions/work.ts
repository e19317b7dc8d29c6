import { inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { canWork, EXCEPTION_LABELS, isActiveException } from "./constants";
import type { ExceptionOrders } from "./order-hook";
import { exceptions } from "./schema";

export type LockedException = typeof exceptions.$inferSelect;

/**
 * Locks the exceptions a person works on, in id order (two bulk actions never deadlock), and checks that each
 * exists and that the person's role may work its type.
 */
export async function lockExceptions(tx: Tx, actor: Actor, ids: string[]): Promise<LockedException[]> {
  const unique = [...new Set(ids)].sort();
  const rows = await tx.select().from(exceptions).where(inArray(exceptions.id, unique)).orderBy(exceptions.id).for("update");
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) throw AppError.notFound("exception", missing[0]!);
  const refused = rows.find((r) => !canWork(actor.role, r.type));
  if (refused) {
    throw new AppError("forbidden", "FORBIDDEN", `${EXCEPTION_LABELS[refused.type]} exceptions are worked by the ${refused.team} team or a manager.`);
  }
  return rows;
}

export function assertActive(rows: LockedException[], doing: string) {
  const closed = rows.find((r) => !isActiveException(r.status));
  if (closed) throw AppError.conflict("EXCEPTION_CLOSED", `Cannot ${doing}: the ${EXCEPTION_LABELS[closed.type].toLowerCase()} exception is already ${closed.status}. Reopen it first.`);
}

/** After a change to exceptions: each order they belong to holds or releases as its blocking exceptions say. */
export async function reconcileOrders(tx: Tx, orders: ExceptionOrders, actor: Actor, rows: { orderId: string | null }[], note?: string | null) {
  const orderIds = [...new Set(rows.flatMap((r) => (r.orderId ? [r.orderId] : [])))].sort();
  for (const orderId of orderIds) await orders.reconcileHold(tx, { orderId, actor, note });
}
