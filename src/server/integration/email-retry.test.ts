import { describe, expect, it } from "vitest";
import { afterFailure, EMAIL_MAX_ATTEMPTS, EMAIL_RETRY_MAX_SECONDS, retryDelaySeconds } from "./email-retry";

describe("e-mail retry backoff", () => {
  it("doubles from one minute after each failed attempt", () => {
    expect([1, 2, 3, 4, 5].map(retryDelaySeconds)).toEqual([60, 120, 240, 480, 960]);
  });

  it("is capped, and never negative for odd input", () => {
    expect(retryDelaySeconds(40)).toBe(EMAIL_RETRY_MAX_SECONDS);
    expect(retryDelaySeconds(1_000_000)).toBe(EMAIL_RETRY_MAX_SECONDS);
    expect(retryDelaySeconds(0)).toBe(60);
  });

  it("keeps a message pending until the last attempt, then marks it failed", () => {
    const now = new Date("2026-12-04T12:00:00Z");
    expect(afterFailure(1, now)).toEqual({ status: "pending", nextAttemptAt: new Date("2026-12-04T12:01:00Z") });
    expect(afterFailure(3, now)).toEqual({ status: "pending", nextAttemptAt: new Date("2026-12-04T12:04:00Z") });
    expect(afterFailure(EMAIL_MAX_ATTEMPTS - 1, now).status).toBe("pending");
    expect(afterFailure(EMAIL_MAX_ATTEMPTS, now)).toEqual({ status: "failed", nextAttemptAt: null });
    expect(afterFailure(2, now, 2)).toEqual({ status: "failed", nextAttemptAt: null });
  });
});
