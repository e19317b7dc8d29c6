import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RateLimiter, rateLimitFromEnv } from "./rate-limit";

describe("RateLimiter", () => {
  it("lets a burst through, then refuses with the wait until one request's worth has refilled", () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 });
    for (let i = 0; i < 3; i++) expect(limiter.take("key:a", 1, 0)).toEqual({ ok: true });
    expect(limiter.take("key:a", 1, 0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take("key:b", 1, 0)).toEqual({ ok: true });
    expect(limiter.take("key:a", 1, 1_000)).toEqual({ ok: true });
    expect(limiter.take("key:a", 1, 1_000)).toMatchObject({ ok: false });
  });

  it("charges a batch its size and says how long the whole batch must wait", () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 20 });
    expect(limiter.take("user:u", 15, 0)).toEqual({ ok: true });
    expect(limiter.take("user:u", 10, 0)).toEqual({ ok: false, retryAfterSeconds: 5 });
  });

  it("is off at 0 a minute", () => {
    const limiter = new RateLimiter({ perMinute: 0, burst: 1 });
    for (let i = 0; i < 1000; i++) expect(limiter.take("key:a").ok).toBe(true);
  });

  it("never lets more through than the burst plus what the rate refilled, whatever the timing", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 }), (gaps) => {
        const limiter = new RateLimiter({ perMinute: 120, burst: 10 });
        let now = 0;
        let passed = 0;
        for (const gap of gaps) {
          now += gap;
          if (limiter.take("k", 1, now).ok) passed++;
        }
        expect(passed).toBeLessThanOrEqual(10 + Math.floor((now * 120) / 60_000));
      }),
    );
  });

  it("reads its settings from the environment, falling back on nonsense", () => {
    expect(rateLimitFromEnv({})).toEqual({ perMinute: 1200, burst: 200 });
    expect(rateLimitFromEnv({ API_RATE_LIMIT: "0" })).toEqual({ perMinute: 0, burst: 200 });
    expect(rateLimitFromEnv({ API_RATE_LIMIT: "lots", API_RATE_BURST: "-1" })).toEqual({ perMinute: 1200, burst: 200 });
  });
});
