/** pending: waiting to be sent (no sender yet, or not yet tried); sent; failed after retries. */
export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
