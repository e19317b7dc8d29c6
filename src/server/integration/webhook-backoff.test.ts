import { describe, expect, it } from "vitest";
import { nextWebhookAttempt, WEBHOOK_RETRY_WINDOW_MS } from "./webhook-backoff";

const createdAt = new Date("2026-03-02T10:00:00Z");
const after = (ms: number) => new Date(createdAt.getTime() + ms);
const wait = (attempts: number, now = createdAt, jitter?: number) => nextWebhookAttempt({ attempts, createdAt, now, jitter })!.getTime() - now.getTime();

describe("webhook retry backoff", () => {
  it("doubles from 30 s and stops growing at an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => wait(n) / 1000)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(wait(500)).toBe(3_600_000);
  });

  it("adds at most 10 % of jitter", () => {
    expect(wait(1, createdAt, 1)).toBe(33_000);
    expect(wait(3, createdAt, 0.5)).toBe(126_000);
  });

  it("gives up when the next try would fall past 24 h after the event", () => {
    expect(nextWebhookAttempt({ attempts: 30, createdAt, now: after(WEBHOOK_RETRY_WINDOW_MS - 3_600_000) })).toEqual(after(WEBHOOK_RETRY_WINDOW_MS));
    expect(nextWebhookAttempt({ attempts: 30, createdAt, now: after(WEBHOOK_RETRY_WINDOW_MS - 3_599_999) })).toBeNull();
    expect(nextWebhookAttempt({ attempts: 1, createdAt, now: after(WEBHOOK_RETRY_WINDOW_MS) })).toBeNull();
  });

  it("retries about 30 times over the day", () => {
    let now = createdAt;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const next = nextWebhookAttempt({ attempts, createdAt, now });
      if (!next) break;
      now = next;
    }
    expect(attempts).toBeGreaterThan(25);
    expect(attempts).toBeLessThan(35);
  });
});
