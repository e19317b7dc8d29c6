import { doublingDelayMs } from "~/lib/backoff";

/** How long a delivery keeps being retried after its event was written; then it fails and its subscription is failing. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 3_600_000;

/**
 * When to try a delivery again after its `attempts`-th failure: 30 s, 1 min, 2 min, … doubling up to an hour,
 * with up to 10 % added at random (`jitter` 0…1) so receivers coming back are not hit by every retry at once.
 * Null once the next try would fall past the retry window: the delivery has failed for good.
 */
export function nextWebhookAttempt(options: { attempts: number; createdAt: Date; now: Date; jitter?: number }): Date | null {
  const { attempts, createdAt, now } = options;
  const wait = doublingDelayMs(attempts, { firstMs: FIRST_RETRY_MS, maxMs: LONGEST_WAIT_MS }) * (1 + 0.1 * (options.jitter ?? 0));
  const next = new Date(now.getTime() + Math.round(wait));
  return next.getTime() - createdAt.getTime() > WEBHOOK_RETRY_WINDOW_MS ? null : next;
}
