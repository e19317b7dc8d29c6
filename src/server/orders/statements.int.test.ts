import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "~/server/catalog/create-product";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { createOrder } from "./create-order";

let statements: string[] = [];
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ logger: { logQuery: (query) => statements.push(query) } });
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  for (let i = 1; i <= 50; i++) {
    const sku = `STMT-${i}`;
    await createProduct({ db: t.db, actor: actors.admin, input: { sku, name: sku, category: "Fasteners", unit: "each", currency: "USD", listPrice: 100 + i, cost: 50, weightGrams: 10, taxCategory: "standard", leadTimeDays: 14 } });
    await adjustStock({ db: t.db, actor: actors.admin, input: { sku, warehouse: "EAST", quantity: 1_000, reason: "initial_stock" } });
  }
});
afterAll(() => t.cleanup());

/** The statements one order placement sends, for an order of `lines` lines. */
async function statementsFor(lines: number) {
  const input = { customer: "ACME", channel: "api" as const, draft: false, lines: Array.from({ length: lines }, (_, i) => ({ sku: `STMT-${i + 1}`, quantity: 2 })) };
  statements = [];
  const order = await createOrder({ db: t.db, actor: actors.rep, input, idempotencyKey: `stmt-${lines}-${Date.now()}` });
  expect(order.lines).toHaveLength(lines);
  expect(order.lines.every((l) => l.reserved === 2)).toBe(true);
  return statements.length;
}

describe("placing an order", () => {
  it("sends a bounded number of statements: no query per line beyond the one reservation each line needs", async () => {
    await statementsFor(5); // warm the pricing rules cache, as a running server has
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    // Each line reserves with one statement (lock, pick, take, ledger and allocation at once); the rest is per order.
    expect(fifty - five).toBeLessThanOrEqual(45);
    // 19 today: customer, products, pricing revision, header (with its number), lines, one reservation per line,
    // line reservations, credit exposure, status, timeline, idempotency key, and the answer (lines, allocations, exceptions).
    expect(five).toBeLessThanOrEqual(20);
  });
});
