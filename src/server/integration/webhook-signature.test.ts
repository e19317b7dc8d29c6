import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook, verifyWebhookSignature } from "./webhook-signature";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ id: "e1", type: "order.created", occurredAt: "2026-03-02T10:00:00.000Z", data: { number: "SO-100001" } });
  const timestamp = 1_772_445_600;

  it("is sha256= and the hex HMAC of timestamp.body", () => {
    const expected = crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
    expect(signWebhook(secret, timestamp, body)).toBe(`sha256=${expected}`);
    // A known vector, so a change of the scheme cannot pass unnoticed.
    expect(signWebhook("key", 1, "{}")).toBe("sha256=" + crypto.createHmac("sha256", "key").update("1.{}").digest("hex"));
  });

  it("verifies what was signed, and nothing altered", () => {
    const now = new Date(timestamp * 1000 + 60_000);
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature({ secret, timestamp: String(timestamp), body, signature, now })).toBe(true);
    expect(verifyWebhookSignature({ secret: "other", timestamp: String(timestamp), body, signature, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp: String(timestamp), body: body.replace("SO-100001", "SO-100002"), signature, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp: String(timestamp + 1), body, signature, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp: String(timestamp), body, signature: "sha256=00", now })).toBe(false);
  });

  it("refuses a timestamp outside the tolerance (a replay)", () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature({ secret, timestamp: String(timestamp), body, signature, now: new Date((timestamp + 301) * 1000) })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp: "soon", body, signature })).toBe(false);
  });

  it("makes long random secrets", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[\w-]{43}$/);
    expect(a).not.toBe(newWebhookSecret());
  });
});
