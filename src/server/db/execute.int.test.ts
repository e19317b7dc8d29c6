import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { executeRows, executeRowsAfter } from "./execute";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.execute(sql`create table execute_probe (note text not null)`);
});
afterAll(() => t.cleanup());

describe("executeRowsAfter", () => {
  it("runs the first statement first: rolling back to a savepoint sent with an insert undoes the insert", async () => {
    const inserted = await t.db.transaction(async (tx) => {
      const rows = await executeRowsAfter<{ note: string }>(tx, sql`savepoint probe`, sql`insert into execute_probe (note) values (${"undone"}) returning note`);
      await tx.execute(sql`rollback to savepoint probe`);
      await tx.execute(sql`insert into execute_probe (note) values (${"kept"})`);
      return rows;
    });
    expect(inserted).toEqual([{ note: "undone" }]);
    expect(await executeRows<{ note: string }>(t.db, sql`select note from execute_probe`)).toEqual([{ note: "kept" }]);
  });
});
