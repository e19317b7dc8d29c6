import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { nextDocumentNumber, reserveDocumentNumbers } from "./sequences";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe("document numbers", () => {
  it("are sequential per type", async () => {
    expect(await nextDocumentNumber(t.db, "invoice")).toBe("INV-200001");
    expect(await nextDocumentNumber(t.db, "invoice")).toBe("INV-200002");
    expect(await nextDocumentNumber(t.db, "credit_note")).toBe("CN-300001");
    expect(await nextDocumentNumber(t.db, "invoice")).toBe("INV-200003");
  });

  it("give a number back when the document's transaction rolls back, so none is skipped", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        expect(await nextDocumentNumber(tx, "quote")).toBe("QT-500001");
        throw new Error("document refused");
      }),
    ).rejects.toThrow("document refused");
    expect(await nextDocumentNumber(t.db, "quote")).toBe("QT-500001");
  });

  it("reserve blocks for bulk imports without overlapping single numbers", async () => {
    const first = await reserveDocumentNumbers(t.db, "shipment", 100);
    expect(first).toBe(700001);
    expect(await nextDocumentNumber(t.db, "shipment")).toBe("SH-700101");
  });

  it("never hand the same number to concurrent writers", async () => {
    const numbers = await Promise.all(Array.from({ length: 20 }, () => t.db.transaction((tx) => nextDocumentNumber(tx, "return"))));
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.map((n) => Number(n.slice(4))).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 400001 + i));
  });
});
