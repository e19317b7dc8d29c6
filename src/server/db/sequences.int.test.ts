import { sql } from "drizzle-orm";
import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { nextDocumentNumber, numberGapless } from "./sequences";

/** A stand-in for invoices: a document created first and numbered as the transaction's last statement. */
const scratchDocuments = pgTable("scratch_documents", { id: uuid("id").primaryKey().defaultRandom(), number: text("number").unique() });

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.execute(sql`create table scratch_documents (id uuid primary key default gen_random_uuid(), number text unique)`);
});
afterAll(() => t.cleanup());

const numeric = (number: string) => Number(number.replace(/^\D+-/, ""));

async function createNumbered(options: { failAfterNumbering?: boolean } = {}) {
  return t.db.transaction(async (tx) => {
    const [doc] = await tx.insert(scratchDocuments).values({}).returning();
    const number = await numberGapless(tx, "invoice", { table: scratchDocuments, numberColumn: scratchDocuments.number, idColumn: scratchDocuments.id, id: doc!.id });
    if (options.failAfterNumbering) throw new Error("commit refused");
    return number;
  });
}

describe("sequenced document numbers (orders, quotes, shipments, …)", () => {
  it("start at the type's first number, with its prefix", async () => {
    expect(await nextDocumentNumber(t.db, "quote")).toBe("QT-500001");
    expect(await nextDocumentNumber(t.db, "shipment")).toBe("SH-700001");
    expect(await nextDocumentNumber(t.db, "quote")).toBe("QT-500002");
  });

  it("are unique and increase per type when many transactions create documents at once", async () => {
    const numbers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => t.db.transaction((tx) => nextDocumentNumber(tx, i % 2 === 0 ? "order" : "transfer"))),
    );
    const orders = numbers.filter((n) => n.startsWith("SO-"));
    const transfers = numbers.filter((n) => n.startsWith("TR-"));
    expect(new Set(orders).size).toBe(20);
    expect(new Set(transfers).size).toBe(20);
    expect(orders.map(numeric).every((n) => n >= 100001 && n < 100001 + 20)).toBe(true);
    // One client's numbers always increase: each is taken after the one before.
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push(numeric(await nextDocumentNumber(t.db, "order")));
    expect(mine).toEqual([...mine].sort((a, b) => a - b));
    expect(mine[0]).toBeGreaterThan(Math.max(...orders.map(numeric)));
  });

  // PGlite is a single connection: a second client exists only on PostgreSQL.
  it.runIf(!!process.env.TEST_DATABASE_URL)("do not wait for each other: a transaction holding a number never blocks the next one", async () => {
    await t.db.transaction(async (tx) => {
      const held = await nextDocumentNumber(tx, "purchase_order");
      // Taken on another connection (or the same PGlite) while the first transaction is still open.
      const other = await nextDocumentNumber(t.db, "purchase_order");
      expect(numeric(other)).toBe(numeric(held) + 1);
    });
  });

  it("leave a gap when the document's transaction rolls back (never a reused number)", async () => {
    const before = numeric(await nextDocumentNumber(t.db, "return"));
    await expect(
      t.db.transaction(async (tx) => {
        await nextDocumentNumber(tx, "return");
        throw new Error("document refused");
      }),
    ).rejects.toThrow("document refused");
    expect(numeric(await nextDocumentNumber(t.db, "return"))).toBe(before + 2);
  });
});

describe("gapless document numbers (invoices, credit notes)", () => {
  it("number committed documents without a gap, under concurrency and rollbacks", async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => createNumbered({ failAfterNumbering: i % 3 === 1 })));
    const committed = outcomes.filter((o): o is PromiseFulfilledResult<string> => o.status === "fulfilled").map((o) => o.value);
    expect(committed).toHaveLength(20);
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(10);
    // Exactly INV-200001 … INV-200020: the rolled-back ones gave their numbers back.
    expect(committed.map(numeric).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 200001 + i));
    const stored = await t.db.select({ number: scratchDocuments.number }).from(scratchDocuments);
    expect(stored.map((r) => r.number).sort()).toEqual([...committed].sort());
    expect(await createNumbered()).toBe("INV-200021");
  });

  it("count each gapless type on its own", async () => {
    const [doc] = await t.db.insert(scratchDocuments).values({}).returning();
    const number = await t.db.transaction((tx) =>
      numberGapless(tx, "credit_note", { table: scratchDocuments, numberColumn: scratchDocuments.number, idColumn: scratchDocuments.id, id: doc!.id }),
    );
    expect(number).toBe("CN-300001");
  });
});
