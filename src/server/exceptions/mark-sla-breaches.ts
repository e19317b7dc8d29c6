import { and, inArray, isNull, lt } from "drizzle-orm";
import { COMPANY_TIME_ZONE } from "~/lib/dates";
import * as clock from "../clock";
import type { Db } from "../db";
import { enqueueMessage } from "../integration";
import { ACTIVE_EXCEPTION_STATUSES, EXCEPTION_LABELS } from "./constants";
import { recordExceptionEvents } from "./open-exception";
import { exceptions } from "./schema";

const DUE = new Intl.DateTimeFormat("en-US", { timeZone: COMPANY_TIME_ZONE, month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" });

/** Who hears about breaches: the managers' inbox (an outbox message until sending exists). */
export const BREACH_RECIPIENT = "managers";

/**
 * The SLA job: active exceptions past their due time are marked breached (once per breach: a reopen starts a new
 * due time) and each gets one notice in the managers' inbox, in one transaction.
 */
export async function markSlaBreaches(db: Db, now = clock.now()) {
  return db.transaction(async (tx) => {
    const breached = await tx
      .update(exceptions)
      .set({ breachedAt: now })
      .where(and(inArray(exceptions.status, [...ACTIVE_EXCEPTION_STATUSES]), lt(exceptions.dueAt, now), isNull(exceptions.breachedAt)))
      .returning({ id: exceptions.id, type: exceptions.type, team: exceptions.team, reason: exceptions.reason, dueAt: exceptions.dueAt, orderId: exceptions.orderId });
    if (breached.length === 0) return { breached: 0 };
    await recordExceptionEvents(
      tx,
      "SLA job",
      breached.map((b) => ({ exceptionId: b.id, type: "breached", note: `Was due ${DUE.format(b.dueAt)} (New York time)` })),
    );
    for (const b of breached) {
      await enqueueMessage(tx, {
        topic: "exception.sla_breached",
        recipient: BREACH_RECIPIENT,
        subject: `SLA breached: ${EXCEPTION_LABELS[b.type]} (${b.team} team)`,
        body: `${EXCEPTION_LABELS[b.type]} exception was due ${DUE.format(b.dueAt)} (New York time) and is still open. ${b.reason}`,
        payload: { exceptionId: b.id, type: b.type, team: b.team, dueAt: b.dueAt.toISOString() },
      });
    }
    return { breached: breached.length };
  });
}
