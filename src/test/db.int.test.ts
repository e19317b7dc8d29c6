import fs from "node:fs";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "~/server/auth/schema";
import { createTestDb, type TestDb, useTestDb } from "./db";

const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "drizzle/meta/_journal.json"), "utf8")) as {
  entries: unknown[];
};

describe("createTestDb", () => {
  let a: TestDb;
  let b: TestDb;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDb(), createTestDb()]);
  });
  afterAll(async () => {
    await Promise.all([a?.cleanup(), b?.cleanup()]);
  });

  it("hands out migrated databases", async () => {
    for (const t of [a, b]) {
      const rows = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const applied = Array.isArray(rows) ? rows[0] : (rows as unknown as { rows: { n: number }[] }).rows[0];
      expect(applied?.n).toBe(journal.entries.length);
      const [row] = await t.db.select({ n: count() }).from(users);
      expect(row?.n).toBe(0);
    }
  });

  it("isolates one database from another", async () => {
    await a.db.insert(users).values({ email: "iso@test.local", name: "Isolated", role: "rep", passwordHash: "x" });
    const [inA] = await a.db.select({ n: count() }).from(users);
    const [inB] = await b.db.select({ n: count() }).from(users);
    expect(inA?.n).toBe(1);
    expect(inB?.n).toBe(0);
  });

  it("cleans up idempotently and drops the PostgreSQL database", async () => {
    const t = await createTestDb({ max: 1 });
    await t.cleanup();
    await t.cleanup(); // idempotent
    if (t.url) {
      const name = decodeURIComponent(new URL(t.url).pathname.slice(1));
      const rows = await a.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_database where datname = ${name}`,
      );
      const found = Array.isArray(rows) ? rows[0] : (rows as unknown as { rows: { n: number }[] }).rows[0];
      expect(found?.n).toBe(0);
    }
  });
});

describe("useTestDb", () => {
  const testDb = useTestDb();

  it("provides a migrated database inside tests", async () => {
    const [row] = await testDb().db.select({ n: count() }).from(users);
    expect(row?.n).toBe(0);
  });
});
