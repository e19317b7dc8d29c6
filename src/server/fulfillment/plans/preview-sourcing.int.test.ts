import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs } from "~/test/caller";
import { createTestDb, type TestDb } from "~/test/db";
import { seedOrderFixtures, stockFixtures } from "~/test/fixtures";

/**
 * The promise preview's sourcing (order entry, before submission) is the plan reservation then makes: the same
 * warehouses, quantities and backorder.
 */
let t: TestDb;
let rep: ReturnType<typeof callerAs>;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db, { warehouse: "EAST", quantity: 30, skus: ["BOLT-M8"] });
  await stockFixtures(t.db, { warehouse: "WEST", quantity: 12, skus: ["BOLT-M8"] });
  rep = callerAs(t.db, "rep");
});
afterAll(() => t.cleanup());

const preview = (quantity: number) => rep.policies.promisePreview({ customer: "ACME", channel: "phone", lines: [{ sku: "BOLT-M8", quantity }] });

describe("promisePreview sourcing", () => {
  it("one warehouse that has it all: one take, nothing short", async () => {
    expect((await preview(20)).lines[0]!.sourcing).toEqual({ takes: [{ warehouse: "EAST", quantity: 20 }], short: 0 });
  });

  it("says the split and the backorder that submission then reserves", async () => {
    const said = (await preview(50)).lines[0]!;
    expect(said.sourcing).toEqual({
      takes: [
        { warehouse: "EAST", quantity: 30 },
        { warehouse: "WEST", quantity: 12 },
      ],
      short: 8,
    });
    const order = await rep.orders.create({ customer: "ACME", channel: "phone", lines: [{ sku: "BOLT-M8", quantity: 50 }], draft: false, customerReference: "PO-SOURCING-1" });
    const line = (await rep.orders.get({ number: order.number })).lines[0]!;
    expect(line.allocations.map((a) => ({ warehouse: a.warehouse, quantity: a.quantity })).sort((a, b) => b.quantity - a.quantity)).toEqual(said.sourcing.takes);
    expect(line.backordered).toBe(said.sourcing.short);
    expect(line.reserved).toBe(42);

    // Now nothing is free: the next preview backorders it all.
    expect((await preview(5)).lines[0]!.sourcing).toEqual({ takes: [], short: 5 });
  });
});
