import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { executeRows } from "./execute";
import { refreshStaleStatistics } from "./statistics";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const plannedRows = async () => (await executeRows<{ rows: number }>(t.db, sql`select reltuples::int as rows from pg_class where relname = 'statistics_probe'`))[0]!.rows;

describe("refreshStaleStatistics", () => {
  it("analyzes a table that grew past its statistics, and leaves it alone once they are current", async () => {
    await t.db.execute(sql`create table statistics_probe (n integer)`);
    await t.db.execute(sql`analyze statistics_probe`);
    expect(await plannedRows()).toBeLessThanOrEqual(0);
    await t.db.execute(sql`insert into statistics_probe select generate_series(1, 5000)`);

    // The server's activity counters reach pg_stat_user_tables a moment after the commit.
    let analyzed: string[] = [];
    for (let tries = 0; tries < 50 && !analyzed.includes("statistics_probe"); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      analyzed = await refreshStaleStatistics(t.db);
    }
    expect(analyzed).toContain("statistics_probe");
    expect(await plannedRows()).toBe(5000);
    expect(await refreshStaleStatistics(t.db)).not.toContain("statistics_probe");
  });
});
