import crypto from "node:crypto";

/**
 * `X-Orderdesk-Signature`: `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>` with the subscription's secret.
 * The timestamp (`X-Orderdesk-Timestamp`, Unix seconds) is signed too, so a receiver can refuse old replays.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return "sha256=" + crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/**
 * What a receiver does (docs/api.md shows the same lines): recompute, compare in constant time, and refuse a
 * timestamp further than `toleranceSeconds` from its clock.
 */
export function verifyWebhookSignature(options: { secret: string; timestamp: string; body: string; signature: string; now?: Date; toleranceSeconds?: number }): boolean {
  const { secret, timestamp, body, signature } = options;
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - seconds) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, seconds, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** A new subscription's secret: 32 random bytes, shown to the admin once (they may reveal or rotate it later). */
export const newWebhookSecret = () => "whsec_" + crypto.randomBytes(32).toString("base64url");
