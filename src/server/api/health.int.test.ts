import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "~/app/api/health/route";
import { readinessResponse } from "~/app/api/ready/readiness";
import { connectPostgres } from "~/server/db/client";
import { MIGRATIONS_FOLDER } from "~/server/db/migrate";
import { createTestDb, type TestDb } from "~/test/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.cleanup());

describe("/api/health (liveness)", () => {
  it("answers 200 without touching the database", async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
  });
});

describe("/api/ready (readiness)", () => {
  it("answers 200 when the database answers and every committed migration is applied", async () => {
    const res = await readinessResponse(async () => t.db);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ready", database: "reachable", migrations: { pending: [] } });
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThan(0);
  });

  it("answers 503 with Retry-After, naming them, when a committed migration is not applied", async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), "orderdesk-migrations-"));
    try {
      const journal = JSON.parse(await fs.readFile(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; tag: string; when: number }[] };
      const last = journal.entries.at(-1)!;
      journal.entries.push({ ...last, idx: last.idx + 1, tag: "9999_not_yet", when: last.when + 1 });
      await fs.mkdir(path.join(folder, "meta"));
      await fs.writeFile(path.join(folder, "meta", "_journal.json"), JSON.stringify(journal));
      const res = await readinessResponse(async () => t.db, { migrationsFolder: folder });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBeTruthy();
      expect(await res.json()).toMatchObject({ status: "unavailable", reason: expect.stringMatching(/1 migration\(s\) not applied: 9999_not_yet/), migrations: { pending: ["9999_not_yet"] } });
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it("answers 503 within 5 s when the database is not reachable", async () => {
    const gone = connectPostgres("postgres://postgres@127.0.0.1:1/orderdesk", 1);
    try {
      const started = performance.now();
      const res = await readinessResponse(async () => gone.db);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBeTruthy();
      expect((await res.json()).reason).toMatch(/database not reachable/);
    } finally {
      await gone.close();
    }
  });

  it("answers 503 at its timeout while the database is still opening (migrating, seeding)", async () => {
    const started = performance.now();
    const res = await readinessResponse(() => new Promise(() => {}), { timeoutMs: 200 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(res.status).toBe(503);
    expect((await res.json()).reason).toMatch(/no answer within 200 ms/);
  });
});
