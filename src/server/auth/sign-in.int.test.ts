import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { pruneSignInRecords } from "./prune-sign-in-records";
import { loginAttempts, signInLimits, users, userSessions } from "./schema";
import { startSession } from "./sessions";
import { SIGN_IN_LIMIT, SignInLocked, verifyCredentials } from "./sign-in";
import { createUser } from "./users";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ max: 10 });
  await createUser({ db: t.db, input: { email: "Dana@Example.com", name: "Dana", role: "rep", password: "correct horse" } });
  await createUser({ db: t.db, input: { email: "lee@example.com", name: "Lee", role: "finance", password: "battery staple" } });
  await createUser({ db: t.db, input: { email: "kim@example.com", name: "Kim", role: "warehouse", password: "tr0ub4dor" } });
});
afterAll(() => t.cleanup());

const at = (day: number, seconds: number) => new Date(Date.UTC(2026, 0, day, 10, 0, seconds));

describe("sign-in", () => {
  it("accepts the right password, case-insensitive email, and refuses a wrong one", async () => {
    const now = at(1, 0);
    expect(await verifyCredentials({ db: t.db, email: "dana@example.com", password: "correct horse", address: "10.0.0.1", now })).toMatchObject({
      email: "dana@example.com",
      role: "rep",
    });
    const [dana] = await t.db.select().from(users).where(eq(users.email, "dana@example.com"));
    expect(dana?.lastSignedInAt).toEqual(now);
    expect(await verifyCredentials({ db: t.db, email: "DANA@example.com", password: "wrong", address: "10.0.0.1", now })).toBeNull();
    expect(await verifyCredentials({ db: t.db, email: "nobody@example.com", password: "x", address: "10.0.0.1", now })).toBeNull();
  });

  it("locks an account after 5 failures a minute, whatever address they come from, says until when, then lets it in", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT.perAccount; i++) {
      expect(await verifyCredentials({ db: t.db, email: "lee@example.com", password: "nope", address: `10.1.0.${i}`, now: at(2, i) })).toBeNull();
    }
    const refused = verifyCredentials({ db: t.db, email: "lee@example.com", password: "battery staple", address: "10.9.9.9", now: at(2, 10) });
    await expect(refused).rejects.toBeInstanceOf(SignInLocked);
    await expect(refused).rejects.toMatchObject({ kind: "rate_limited", code: "ACCOUNT_LOCKED", scope: "account", unlocksAt: at(2, 60) });
    // Another account from the same addresses is not affected.
    expect(await verifyCredentials({ db: t.db, email: "kim@example.com", password: "tr0ub4dor", address: "10.1.0.1", now: at(2, 11) })).not.toBeNull();
    // A minute after the first failure the account may try again.
    expect(await verifyCredentials({ db: t.db, email: "lee@example.com", password: "battery staple", address: "10.9.9.9", now: at(2, 61) })).not.toBeNull();
  });

  it("a right password clears the account's count", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT.perAccount - 1; i++) {
      await verifyCredentials({ db: t.db, email: "kim@example.com", password: "nope", address: "10.4.0.1", now: at(3, i) });
    }
    expect(await verifyCredentials({ db: t.db, email: "kim@example.com", password: "tr0ub4dor", address: "10.4.0.1", now: at(3, 5) })).not.toBeNull();
    for (let i = 0; i < SIGN_IN_LIMIT.perAccount - 1; i++) {
      expect(await verifyCredentials({ db: t.db, email: "kim@example.com", password: "nope", address: "10.4.0.1", now: at(3, 6 + i) })).toBeNull();
    }
  });

  it("limits an address that sprays many accounts, without locking those accounts for anyone else", async () => {
    const now = at(4, 0);
    for (let i = 0; i < SIGN_IN_LIMIT.perAddress; i++) {
      expect(await verifyCredentials({ db: t.db, email: `guess${i}@example.com`, password: "x", address: "10.2.2.2", now })).toBeNull();
    }
    await expect(verifyCredentials({ db: t.db, email: "dana@example.com", password: "correct horse", address: "10.2.2.2", now })).rejects.toMatchObject({
      code: "TOO_MANY_SIGN_IN_ATTEMPTS",
      scope: "address",
    });
    expect(await verifyCredentials({ db: t.db, email: "dana@example.com", password: "correct horse", address: "10.3.3.3", now })).not.toBeNull();
  });

  it("lets an office sign in together: successes give the address its try back", async () => {
    const now = at(5, 0);
    for (let i = 0; i < SIGN_IN_LIMIT.perAddress + 10; i++) {
      const email = ["dana@example.com", "lee@example.com", "kim@example.com"][i % 3]!;
      const password = { "dana@example.com": "correct horse", "lee@example.com": "battery staple", "kim@example.com": "tr0ub4dor" }[email]!;
      expect(await verifyCredentials({ db: t.db, email, password, address: "10.5.5.5", now })).not.toBeNull();
    }
  });

  it("counts concurrent guesses atomically: of 40 at once, only 5 are evaluated", async () => {
    const now = at(6, 0);
    const before = await t.db.$count(loginAttempts, eq(loginAttempts.email, "dana@example.com"));
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => verifyCredentials({ db: t.db, email: "dana@example.com", password: `guess ${i}`, address: `10.6.${i}.1`, now })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(SIGN_IN_LIMIT.perAccount);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof SignInLocked)).toHaveLength(40 - SIGN_IN_LIMIT.perAccount);
    expect((await t.db.$count(loginAttempts, eq(loginAttempts.email, "dana@example.com"))) - before).toBe(SIGN_IN_LIMIT.perAccount);
  });

  it("the hourly prune removes spent counters and expired sessions, keeping live ones", async () => {
    const [kim] = await t.db.select().from(users).where(eq(users.email, "kim@example.com"));
    await startSession(t.db, { userId: kim!.id, address: "10.7.0.1", userAgent: "old", now: at(7, 0) });
    await verifyCredentials({ db: t.db, email: "kim@example.com", password: "nope", address: "10.7.0.1", now: new Date(Date.UTC(2026, 0, 8, 10)) });
    const pruned = await pruneSignInRecords(t.db, new Date(Date.UTC(2026, 0, 8, 10, 0, 30)));
    expect(pruned.sessions).toBeGreaterThanOrEqual(1);
    expect(await t.db.$count(userSessions)).toBe(0);
    expect((await t.db.select({ key: signInLimits.key }).from(signInLimits)).map((r) => r.key).sort()).toEqual(["account:kim@example.com", "address:10.7.0.1"]);
  });
});
