import { and, eq, inArray } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import { BLOCKING_TYPES, type ExceptionType } from "./constants";
import { exceptions } from "./schema";
import * as clock from "../clock";

/** How long a queue has before an exception is overdue. */
const SLA_HOURS: Record<ExceptionType, number> = {
  credit_hold: 4,
  price_approval: 4,
  address_hold: 8,
  suspicious_quantity: 4,
  stockout: 24,
  jeopardy: 8,
  overdue: 24,
  return: 48,
  delivery_failure: 8,
};

/** Opens an exception unless one of the same type is already open for the order. */
export async function openException(
  tx: DbOrTx,
  input: {
    type: ExceptionType;
    orderId?: string;
    customerId?: string;
    reason: string;
    details?: Record<string, unknown>;
    severity?: "low" | "medium" | "high" | "critical";
    actor: Actor;
    now?: Date;
  },
) {
  if (input.orderId) {
    const [existing] = await tx
      .select({ id: exceptions.id })
      .from(exceptions)
      .where(and(eq(exceptions.orderId, input.orderId), eq(exceptions.type, input.type), eq(exceptions.status, "open")));
    if (existing) return existing.id;
  }
  const now = input.now ?? clock.now();
  const [row] = await tx
    .insert(exceptions)
    .values({
      type: input.type,
      severity: input.severity ?? "medium",
      orderId: input.orderId ?? null,
      customerId: input.customerId ?? null,
      reason: input.reason,
      details: input.details ?? {},
      dueAt: new Date(now.getTime() + SLA_HOURS[input.type] * 3_600_000),
      openedBy: actorLabel(input.actor),
    })
    .returning({ id: exceptions.id });
  return row!.id;
}

/** Resolves the order's open exceptions of the given types (all blocking ones by default). */
export async function resolveOrderExceptions(
  tx: DbOrTx,
  input: { orderId: string; actor: Actor; resolution: string; note?: string; types?: readonly ExceptionType[] },
) {
  return tx
    .update(exceptions)
    .set({
      status: "resolved",
      resolvedAt: clock.now(),
      resolvedBy: actorLabel(input.actor),
      resolution: input.resolution,
      resolutionNote: input.note ?? null,
    })
    .where(
      and(
        eq(exceptions.orderId, input.orderId),
        eq(exceptions.status, "open"),
        inArray(exceptions.type, [...(input.types ?? BLOCKING_TYPES)]),
      ),
    )
    .returning({ id: exceptions.id, type: exceptions.type });
}
