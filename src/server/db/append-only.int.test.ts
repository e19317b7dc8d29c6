import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { recordAudit } from "./audit";
import { auditEvents } from "./schema";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await recordAudit(t.db, { entityType: "customer", entityId: "C-1", action: "created", actor: { kind: "user", name: "Ada" }, after: { name: "Acme" } });
});
afterAll(() => t.cleanup());

/** The database's own message for a refused statement (drizzle wraps it as the cause). */
const refusal = (query: Promise<unknown>) =>
  query.then(
    () => "not refused",
    (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
  );

describe("history is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of audit_events and order_events, even for the tables' owner", async () => {
    for (const table of ["audit_events", "order_events"]) {
      for (const statement of [`update ${table} set created_at = now()`, `delete from ${table}`, `truncate ${table}`]) {
        expect(await refusal(t.db.execute(sql.raw(statement)))).toMatch(/append-only/);
      }
    }
    expect(await t.db.$count(auditEvents)).toBe(1);
  });

  // The grants need a real server's roles (PGlite runs as one superuser).
  it.runIf(!!process.env.TEST_DATABASE_URL)("the app's role (orderdesk_app) may add to the history but not change it", async () => {
    const login = `orderdesk_app_test_${process.pid}`;
    await t.db.execute(sql.raw(`create role ${login} login in role orderdesk_app`));
    const url = new URL(t.url!);
    url.username = login;
    const app = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      await app`insert into audit_events (entity_type, entity_id, action, actor) values ('customer', 'C-2', 'created', 'Ada')`;
      expect((await app`select count(*)::int as n from audit_events`)[0]?.n).toBe(2);
      await expect(app`update audit_events set actor = 'Mallory'`).rejects.toThrow(/permission denied/);
      await expect(app`delete from order_events`).rejects.toThrow(/permission denied/);
      // Everything else is the app's to read and write.
      await app`update users set name = name where false`;
      await app`select nextval('order_number_seq')`;
      await app`select count(*) from drizzle.__drizzle_migrations`;
    } finally {
      await app.end();
      await t.db.execute(sql.raw(`drop owned by ${login}`));
      await t.db.execute(sql.raw(`drop role ${login}`));
    }
  });
});
