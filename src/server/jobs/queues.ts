import { COMPANY_TIME_ZONE } from "~/lib/dates";

/** A recurring job: a pg-boss queue and the cron schedule (in the company's time zone) that fills it. */
export type ScheduledQueue = { name: string; cron: string; timeZone: string; summary: string };

/** Every night at 02:00 New York time: recompute the reorder suggestions. */
export const REPLENISHMENT_NIGHTLY: ScheduledQueue = {
  name: "replenishment.nightly",
  cron: "0 2 * * *",
  timeZone: COMPANY_TIME_ZONE,
  summary: "Recompute reorder suggestions",
};

export const SCHEDULED_QUEUES: readonly ScheduledQueue[] = [REPLENISHMENT_NIGHTLY];
