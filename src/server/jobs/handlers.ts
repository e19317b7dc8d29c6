import type { Db } from "../db";
import { runReplenishment } from "../purchasing";
import { checkJeopardy, planReadyOrders } from "../fulfillment";
import { markSlaBreaches } from "../exceptions";
import { runDunning } from "../billing";
import { pruneSignInRecords } from "../auth/prune-sign-in-records";
import { AUTH_PRUNE, BILLING_DUNNING, EXCEPTIONS_SLA_BREACHES, FULFILLMENT_AUTO_PLAN, FULFILLMENT_JEOPARDY, REPLENISHMENT_NIGHTLY } from "./queues";

/**
 * Job handlers take the database and nothing else, so tests call them directly (no queue, no cron) and the
 * worker only adapts pg-boss's job batch to them.
 */
export async function handleReplenishmentNightly(db: Db) {
  // No actor: the run records itself as the nightly job.
  return runReplenishment(db);
}

export const JOB_HANDLERS: Record<string, (db: Db) => Promise<unknown>> = {
  [REPLENISHMENT_NIGHTLY.name]: handleReplenishmentNightly,
  [FULFILLMENT_AUTO_PLAN.name]: (db) => planReadyOrders(db),
  [EXCEPTIONS_SLA_BREACHES.name]: (db) => markSlaBreaches(db),
  [BILLING_DUNNING.name]: (db) => runDunning(db),
  [FULFILLMENT_JEOPARDY.name]: (db) => checkJeopardy(db),
  [AUTH_PRUNE.name]: (db) => pruneSignInRecords(db),
};
