import { COMPANY_TIME_ZONE } from "~/lib/dates";

/** A recurring job: a pg-boss queue and the cron schedule (in the company's time zone) that fills it. */
export type ScheduledQueue = {
  name: string;
  cron: string;
  timeZone: string;
  summary: string;
  /**
   * How long a run may stay active before pg-boss gives up on it (default an hour). A minutely sweep whose process
   * was killed mid-run stays "active" until then, and its singleton queue starts no other: so five minutes.
   */
  expireInSeconds?: number;
};

/** A sweep that runs every minute: a run lost with its process blocks the next ones for this long at most. */
export const SWEEP_EXPIRY_SECONDS = 300;

/** Every night at 02:00 New York time: recompute the reorder suggestions. */
export const REPLENISHMENT_NIGHTLY: ScheduledQueue = {
  name: "replenishment.nightly",
  cron: "0 2 * * *",
  timeZone: COMPANY_TIME_ZONE,
  summary: "Recompute reorder suggestions",
};

/** Every minute: orders set to plan automatically whose lines are all reserved get their shipments. */
export const FULFILLMENT_AUTO_PLAN: ScheduledQueue = {
  name: "fulfillment.auto-plan",
  cron: "* * * * *",
  timeZone: COMPANY_TIME_ZONE,
  summary: "Plan shipments of fully reserved orders set to auto-plan",
  expireInSeconds: SWEEP_EXPIRY_SECONDS,
};

/** Every minute: exceptions past their SLA are marked breached and the managers get one notice each. */
export const EXCEPTIONS_SLA_BREACHES: ScheduledQueue = {
  name: "exceptions.sla-breaches",
  cron: "* * * * *",
  timeZone: COMPANY_TIME_ZONE,
  summary: "Mark exceptions past their SLA as breached and notify the managers",
  expireInSeconds: SWEEP_EXPIRY_SECONDS,
};

/** Every morning at 06:00 New York time: overdue invoices, their exceptions and the dunning reminders. */
export const BILLING_DUNNING: ScheduledQueue = {
  name: "billing.dunning",
  cron: "0 6 * * *",
  timeZone: COMPANY_TIME_ZONE,
  summary: "Mark invoices overdue, open payment exceptions and queue reminders",
};

/** Every 15 minutes: live orders projected along their plans; a late one gets a jeopardy exception, one back on track loses it. */
export const FULFILLMENT_JEOPARDY: ScheduledQueue = {
  name: "fulfillment.jeopardy",
  cron: "*/15 * * * *",
  timeZone: COMPANY_TIME_ZONE,
  summary: "Flag orders whose projection passed their promise date (and clear those back on track)",
};

/** Every hour: sign-in counters past their window, expired sessions and failed sign-ins older than 90 days go. */
export const AUTH_PRUNE: ScheduledQueue = {
  name: "auth.prune",
  cron: "17 * * * *",
  timeZone: COMPANY_TIME_ZONE,
  summary: "Remove spent sign-in counters, expired sessions and old failed sign-ins",
};

/** Every minute: customer e-mails pending and due (a send job lost in a crash, retries after their backoff). */
export const EMAIL_SEND_DUE: ScheduledQueue = {
  name: "email.send-due",
  cron: "* * * * *",
  timeZone: COMPANY_TIME_ZONE,
  summary: "Send pending customer e-mails that are due (when SMTP_URL is set)",
  expireInSeconds: SWEEP_EXPIRY_SECONDS,
};

/** Not scheduled: one job per transaction that queued e-mails, sent in that transaction, worked after its commit. */
export const EMAIL_SEND = { name: "email.send" } as const;
/**
 * Every minute: webhook deliveries that are due (retries, and any event whose wake-up was lost when the process
 * died between commit and send). Events are normally sent within seconds by WEBHOOKS_DELIVER.
 */
export const INTEGRATION_WEBHOOKS: ScheduledQueue = {
  name: "integration.webhooks",
  cron: "* * * * *",
  timeZone: COMPANY_TIME_ZONE,
  summary: "Send webhook deliveries that are due (sweep)",
  expireInSeconds: SWEEP_EXPIRY_SECONDS,
};

/** Not scheduled: woken a second after a change wrote webhook events, it sends them (one queued run at a time). */
export const WEBHOOKS_DELIVER = "integration.webhooks.deliver";

/**
 * Every minute: CSV imports that are queued, or whose run stopped with its process (no batch for 30 s), run or
 * resume. A started import is normally run at once by IMPORTS_RUN.
 */
export const IMPORTS_RESUME: ScheduledQueue = {
  name: "imports.resume",
  cron: "* * * * *",
  timeZone: COMPANY_TIME_ZONE,
  summary: "Run queued CSV imports and resume those whose process stopped",
  expireInSeconds: SWEEP_EXPIRY_SECONDS,
};

/**
 * Not scheduled: woken when an import is started (and when a worker starts), it runs the due imports. Standard
 * policy: a run lost with a killed process must not hold the queue; runs never overlap on one import (each claims
 * it, and a batch takes the import's advisory lock).
 */
export const IMPORTS_RUN = "imports.run";

export const SCHEDULED_QUEUES: readonly ScheduledQueue[] = [
  REPLENISHMENT_NIGHTLY,
  FULFILLMENT_AUTO_PLAN,
  EXCEPTIONS_SLA_BREACHES,
  BILLING_DUNNING,
  FULFILLMENT_JEOPARDY,
  AUTH_PRUNE,
  EMAIL_SEND_DUE,
  INTEGRATION_WEBHOOKS,
  IMPORTS_RESUME,
];
