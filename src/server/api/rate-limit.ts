/**
 * Per user and per API key request limits on both doors (docs/api.md, 429): a token bucket per actor, refilled
 * continuously. A burst the size of the bucket passes at once; beyond it requests pass at the sustained rate and the
 * rest get 429 with Retry-After. Kept in this process's memory: behind several app nodes each allows its own share.
 */
export type RateLimit = {
  /** Sustained requests per minute; 0 turns the limit off. */
  perMinute: number;
  /** How many may come at once after a quiet spell. */
  burst: number;
};

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

type Bucket = { tokens: number; at: number };

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(readonly limit: RateLimit) {}

  /** Takes `cost` requests' worth from `key`'s bucket (a tRPC batch costs its size), or says how long to wait. */
  take(key: string, cost = 1, now = Date.now()): RateDecision {
    const { perMinute, burst } = this.limit;
    if (perMinute <= 0) return { ok: true };
    const perMs = perMinute / 60_000;
    const previous = this.buckets.get(key);
    const tokens = previous ? Math.min(burst, previous.tokens + (now - previous.at) * perMs) : burst;
    if (tokens < cost) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((Math.min(cost, burst) - tokens) / perMs / 1000)) };
    }
    this.buckets.set(key, { tokens: tokens - cost, at: now });
    if (this.buckets.size > 10_000) this.forgetFull(now);
    return { ok: true };
  }

  /** Buckets that have refilled completely carry no information: drop them so memory stays bounded. */
  private forgetFull(now: number) {
    const perMs = this.limit.perMinute / 60_000;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= this.limit.burst) this.buckets.delete(key);
    }
  }
}

/** API_RATE_LIMIT (requests a minute per user or key, default 1200; 0 = off) and API_RATE_BURST (default 200). */
export function rateLimitFromEnv(source: Record<string, string | undefined> = process.env): RateLimit {
  const perMinute = Number(source.API_RATE_LIMIT ?? 1200);
  const burst = Number(source.API_RATE_BURST ?? 200);
  return {
    perMinute: Number.isFinite(perMinute) && perMinute >= 0 ? perMinute : 1200,
    burst: Number.isFinite(burst) && burst >= 1 ? burst : 200,
  };
}

// One limiter per process, on globalThis because Next bundles the doors into separate chunks.
const holder = globalThis as unknown as { __orderdeskRateLimiter?: RateLimiter };

export function apiRateLimiter(): RateLimiter {
  holder.__orderdeskRateLimiter ??= new RateLimiter(rateLimitFromEnv());
  return holder.__orderdeskRateLimiter;
}

/** The 429 message both doors give. */
export function rateLimitMessage(who: "user" | "api_key", retryAfterSeconds: number, limit: RateLimit): string {
  const whose = who === "api_key" ? "this API key" : "your account";
  return `Too many requests for ${whose} (${limit.perMinute} a minute). Try again in ${retryAfterSeconds} s.`;
}
