import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import type { Role } from "../auth/roles";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { ACTIVE_EXCEPTION_STATUSES, BLOCKING_TYPES, type ExceptionEventType, type ExceptionSeverity, type ExceptionType, OWNING_TEAM } from "./constants";
import { exceptionEvents, exceptions } from "./schema";
import { dueTime } from "./sla";
import { getException } from "./get-exception";
import { recordWebhookEvent } from "../integration";

export type ExceptionRow = typeof exceptions.$inferSelect;

/** What a rule found wrong. `cause` is comparable: the same cause a person accepted does not reopen. */
export type Finding = {
  type: ExceptionType;
  severity?: ExceptionSeverity;
  reason: string;
  details?: Record<string, unknown>;
  cause: string;
  /** The team whose queue it lands in, when not the type's usual one (a late order belongs to the late step's role). */
  team?: Role;
  /** Whether the accepted cause covers this one (default: the same). A released credit hold covers a lower total. */
  accepts?: (accepted: string) => boolean;
};

export type EventEntry = { exceptionId: string; type: ExceptionEventType; note?: string | null; details?: Record<string, unknown> };

/** Writes history entries in one statement. */
export async function recordExceptionEvents(tx: DbOrTx, actor: Actor | string, entries: EventEntry[]) {
  if (entries.length === 0) return;
  const label = typeof actor === "string" ? actor : actorLabel(actor);
  const at = clock.now();
  await tx.insert(exceptionEvents).values(entries.map((e) => ({ exceptionId: e.exceptionId, type: e.type, actor: label, note: e.note ?? null, details: e.details ?? {}, createdAt: at })));
}

/**
 * Opens the exception a finding calls for, in the caller's transaction. For an order, one exception per type
 * lives on: an active one is kept (its reason follows the cause), a closed one reopens with a new due time —
 * unless a person accepted this very cause when closing it. Says what it did.
 */
export async function openException(
  tx: DbOrTx,
  input: Finding & { orderId?: string; customerId?: string; actor: Actor; fresh?: boolean },
): Promise<{ id: string; change: "opened" | "reopened" | "kept" | "accepted" }> {
  const now = clock.now();
  const severity = input.severity ?? "medium";
  const latest = input.orderId && !input.fresh ? await latestOfType(tx, input.orderId, input.type) : undefined;
  if (latest) {
    if (ACTIVE_EXCEPTION_STATUSES.includes(latest.status as "open")) {
      if (latest.cause !== input.cause) {
        await tx
          .update(exceptions)
          .set({ reason: input.reason, details: input.details ?? {}, cause: input.cause, ...(input.team ? { team: input.team } : {}), updatedAt: now })
          .where(eq(exceptions.id, latest.id));
        await recordExceptionEvents(tx, input.actor, [{ exceptionId: latest.id, type: "changed", note: input.reason }]);
      } else if (latest.reason !== input.reason) {
        // The same cause, told with today's figures (how late, the projected date): no new history entry.
        await tx.update(exceptions).set({ reason: input.reason, details: input.details ?? {} }).where(eq(exceptions.id, latest.id));
      }
      return { id: latest.id, change: "kept" };
    }
    const accepts = input.accepts ?? ((accepted: string) => accepted === input.cause);
    if (latest.acceptedCause !== null && accepts(latest.acceptedCause)) return { id: latest.id, change: "accepted" };
    await tx
      .update(exceptions)
      .set({
        status: latest.assigneeId ? "in_progress" : "open",
        severity,
        ...(input.team ? { team: input.team } : {}),
        reason: input.reason,
        details: input.details ?? {},
        cause: input.cause,
        acceptedCause: null,
        dueAt: await dueTime(tx, input.type, severity, now),
        breachedAt: null,
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
        resolutionNote: null,
        reopenCount: latest.reopenCount + 1,
        updatedAt: now,
      })
      .where(eq(exceptions.id, latest.id));
    await recordExceptionEvents(tx, input.actor, [{ exceptionId: latest.id, type: "reopened", note: `The cause is back: ${input.reason}` }]);
    await exceptionWebhook(tx, "exception.opened", latest.id, input.orderId);
    return { id: latest.id, change: "reopened" };
  }
  const [row] = await tx
    .insert(exceptions)
    .values({
      type: input.type,
      severity,
      team: input.team ?? OWNING_TEAM[input.type],
      orderId: input.orderId ?? null,
      customerId: input.customerId ?? null,
      reason: input.reason,
      details: input.details ?? {},
      cause: input.cause,
      dueAt: await dueTime(tx, input.type, severity, now),
      openedBy: actorLabel(input.actor),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: exceptions.id });
  await recordExceptionEvents(tx, input.actor, [{ exceptionId: row!.id, type: "opened", note: input.reason }]);
  await exceptionWebhook(tx, "exception.opened", row!.id, input.orderId);
  return { id: row!.id, change: "opened" };
}

/** exception.opened / exception.resolved (dismissed ones too: the status says which), in the order's sequence when it has one. */
async function exceptionWebhook(tx: DbOrTx, type: "exception.opened" | "exception.resolved", id: string, orderId: string | null | undefined) {
  await recordWebhookEvent(tx, { type, orderingKey: orderId ?? null, data: () => getException({ db: tx, id }) });
}

async function latestOfType(tx: DbOrTx, orderId: string, type: ExceptionType): Promise<ExceptionRow | undefined> {
  const [row] = await tx
    .select()
    .from(exceptions)
    .where(and(eq(exceptions.orderId, orderId), eq(exceptions.type, type)))
    .orderBy(desc(exceptions.createdAt))
    .limit(1)
    .for("update");
  return row;
}

export type Closing = {
  status: "resolved" | "dismissed";
  /** The action chosen (`release`, `approve`…), or what closed it on its own (`cause_gone`, `order_canceled`…). */
  resolution: string;
  note?: string | null;
  /** The person accepted the cause as it is: the same cause will not reopen it. */
  accept?: boolean;
};

/**
 * Closes the active ones of some exceptions — by id (already locked by the caller) or by a condition, in the same
 * statement — and writes their history.
 */
export async function closeExceptions(tx: DbOrTx, actor: Actor, which: string[] | SQL, closing: Closing) {
  if (Array.isArray(which) && which.length === 0) return [];
  const now = clock.now();
  const rows = await tx
    .update(exceptions)
    .set({
      status: closing.status,
      resolvedAt: now,
      resolvedBy: actorLabel(actor),
      resolution: closing.resolution,
      resolutionNote: closing.note ?? null,
      acceptedCause: closing.accept ? sql`${exceptions.cause}` : null,
      updatedAt: now,
    })
    .where(and(Array.isArray(which) ? inArray(exceptions.id, which) : which, inArray(exceptions.status, [...ACTIVE_EXCEPTION_STATUSES])))
    .returning({ id: exceptions.id, type: exceptions.type, orderId: exceptions.orderId });
  await recordExceptionEvents(
    tx,
    actor,
    rows.map((r) => ({ exceptionId: r.id, type: closing.status, note: closing.note ?? null, details: { resolution: closing.resolution } })),
  );
  for (const r of rows) await exceptionWebhook(tx, "exception.resolved", r.id, r.orderId);
  return rows;
}

/**
 * Resolves the order's active exceptions of the given types (all blocking ones by default), e.g. when the order
 * is canceled or its stock arrived. `accept`: a person accepted the causes (a manager released the hold).
 */
export async function resolveOrderExceptions(
  tx: DbOrTx,
  input: { orderId: string; actor: Actor; resolution: string; note?: string; types?: readonly ExceptionType[]; accept?: boolean },
) {
  return closeExceptions(tx, input.actor, and(eq(exceptions.orderId, input.orderId), inArray(exceptions.type, [...(input.types ?? BLOCKING_TYPES)]))!, {
    status: "resolved",
    resolution: input.resolution,
    note: input.note,
    accept: input.accept,
  });
}

/** The types of the order's active exceptions. */
export async function activeExceptionTypes(tx: DbOrTx, orderId: string): Promise<ExceptionType[]> {
  const rows = await tx
    .select({ type: exceptions.type })
    .from(exceptions)
    .where(and(eq(exceptions.orderId, orderId), inArray(exceptions.status, [...ACTIVE_EXCEPTION_STATUSES])));
  return rows.map((r) => r.type);
}
