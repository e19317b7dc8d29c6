import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { verifyCredentials } from "./sign-in";
import { createUser } from "./users";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await createUser({ db: t.db, input: { email: "Dana@Example.com", name: "Dana", role: "rep", password: "correct horse" } });
  await createUser({ db: t.db, input: { email: "lee@example.com", name: "Lee", role: "finance", password: "battery staple" } });
});
afterAll(() => t.cleanup());

describe("sign-in", () => {
  it("accepts the right password, case-insensitive email, and refuses a wrong one", async () => {
    const now = new Date("2026-01-01T10:00:00Z");
    expect(await verifyCredentials({ db: t.db, email: "dana@example.com", password: "correct horse", ip: "10.0.0.1", now })).toMatchObject({
      email: "dana@example.com",
      role: "rep",
    });
    expect(await verifyCredentials({ db: t.db, email: "DANA@example.com", password: "wrong", ip: "10.0.0.1", now })).toBeNull();
    expect(await verifyCredentials({ db: t.db, email: "nobody@example.com", password: "x", ip: "10.0.0.1", now })).toBeNull();
  });

  it("rate-limits an account after 5 failures a minute, even with the right password, then lets it in again", async () => {
    const at = (seconds: number) => new Date(Date.UTC(2026, 0, 2, 10, 0, seconds));
    for (let i = 0; i < 5; i++) {
      expect(await verifyCredentials({ db: t.db, email: "lee@example.com", password: "nope", ip: `10.1.0.${i}`, now: at(i) })).toBeNull();
    }
    await expect(verifyCredentials({ db: t.db, email: "lee@example.com", password: "battery staple", ip: "10.9.9.9", now: at(10) })).rejects.toMatchObject({
      kind: "rate_limited",
    });
    // A minute after the failures the account may try again.
    expect(await verifyCredentials({ db: t.db, email: "lee@example.com", password: "battery staple", ip: "10.9.9.9", now: at(70) })).not.toBeNull();
  });

  it("rate-limits an IP that tries many accounts", async () => {
    const now = new Date("2026-01-03T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      await verifyCredentials({ db: t.db, email: `guess${i}@example.com`, password: "x", ip: "10.2.2.2", now });
    }
    await expect(verifyCredentials({ db: t.db, email: "dana@example.com", password: "correct horse", ip: "10.2.2.2", now })).rejects.toMatchObject({
      kind: "rate_limited",
    });
    expect(await verifyCredentials({ db: t.db, email: "dana@example.com", password: "correct horse", ip: "10.3.3.3", now })).not.toBeNull();
  });
});
