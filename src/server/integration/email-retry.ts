import { doublingDelayMs } from "~/lib/backoff";

/**
 * When a message that failed to send is tried again: exponential backoff from one minute (1, 2, 4, 8, 16
 * minutes), so a mail server that is down for half an hour loses nothing, and after EMAIL_MAX_ATTEMPTS
 * attempts the message is marked failed for an admin to look at (and retry from Admin → Outbox).
 */
export const EMAIL_MAX_ATTEMPTS = 6;
export const EMAIL_RETRY_BASE_SECONDS = 60;
export const EMAIL_RETRY_MAX_SECONDS = 6 * 3_600;

/** Seconds to wait after the `attempts`-th failed attempt (1-based): base × 2^(attempts − 1), capped. */
export function retryDelaySeconds(attempts: number): number {
  return doublingDelayMs(attempts, { firstMs: EMAIL_RETRY_BASE_SECONDS * 1_000, maxMs: EMAIL_RETRY_MAX_SECONDS * 1_000 }) / 1_000;
}

/** After a failed attempt (attempts counts it): try again at `nextAttemptAt`, or give up. */
export function afterFailure(attempts: number, now: Date, maxAttempts = EMAIL_MAX_ATTEMPTS): { status: "pending"; nextAttemptAt: Date } | { status: "failed"; nextAttemptAt: null } {
  if (attempts >= maxAttempts) return { status: "failed", nextAttemptAt: null };
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(attempts) * 1_000) };
}
