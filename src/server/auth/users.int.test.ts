import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAt } from "~/server/clock";
import { createTestDb, type TestDb } from "~/test/db";
import { hashPassword } from "./password";
import { users } from "./schema";
import { verifyCredentials } from "./sign-in";
import { importUsers } from "./users";

let t: TestDb;
let passwordHash = "";
beforeAll(async () => {
  t = await createTestDb();
  passwordHash = await hashPassword("shared secret");
});
afterAll(() => t?.cleanup());

const LOADED_AT = new Date("2025-03-01T08:00:00Z");

describe("importUsers", () => {
  it("loads users with their ids and password hashes, emails as createUser keeps them, at the domain clock's time", async () => {
    const dana = { id: randomUUID(), email: " Dana@Example.com", name: "Dana", role: "rep" as const, passwordHash };
    const lee = { id: randomUUID(), email: "lee@example.com", name: "Lee", role: "finance" as const, passwordHash };
    expect(await runAt(LOADED_AT, () => importUsers(t.db, [dana, lee]))).toEqual({ users: 2 });
    const [row] = await t.db.select().from(users).where(eq(users.id, dana.id));
    expect(row).toMatchObject({ email: "dana@example.com", role: "rep", isActive: true, createdAt: LOADED_AT, updatedAt: LOADED_AT });
    const now = new Date("2026-01-01T10:00:00Z");
    expect(await verifyCredentials({ db: t.db, email: "lee@example.com", password: "shared secret", address: "10.0.0.1", now })).toMatchObject({ name: "Lee", role: "finance" });
  });

  it("refuses an email that exists (in any case), loading nothing of the batch", async () => {
    const rows = [
      { id: randomUUID(), email: "kim@example.com", name: "Kim", role: "warehouse" as const, passwordHash },
      { id: randomUUID(), email: "LEE@example.com", name: "Lee again", role: "rep" as const, passwordHash },
    ];
    await expect(importUsers(t.db, rows)).rejects.toMatchObject({ kind: "conflict", code: "EMAIL_TAKEN" });
    expect(await t.db.$count(users, eq(users.email, "kim@example.com"))).toBe(0);
    expect(await importUsers(t.db, [])).toEqual({ users: 0 });
  });
});
