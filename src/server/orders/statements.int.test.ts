import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "~/server/catalog/create-product";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { orderPlanning } from "~/server/fulfillment";
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

/**
 * The statements one order placement sends, for an order of `lines` lines of `quantity` each. Every call
 * asks for other quantities than the ones before, so no order is a duplicate of another (a duplicate is
 * held, which writes its exception and costs statements of its own): each measured order goes open.
 */
async function statementsFor(lines: number, quantity: number, options: { planned?: boolean } = {}) {
  const input = { customer: "ACME", channel: "api" as const, draft: false, lines: Array.from({ length: lines }, (_, i) => ({ sku: `STMT-${i + 1}`, quantity })) };
  statements = [];
  const planning = options.planned ? orderPlanning : undefined;
  const order = await createOrder({ db: t.db, actor: actors.rep, input, idempotencyKey: `stmt-${lines}-${quantity}`, planning });
  expect(order.status).toBe("open");
  expect(order.lines).toHaveLength(lines);
  expect(order.lines.every((l) => l.reserved === quantity)).toBe(true);
  return statements.length;
}

describe("placing an order", () => {
  it("sends a bounded number of statements: none per line", async () => {
    await statementsFor(5, 1); // warm the pricing rules cache, as a running server has
    const five = await statementsFor(5, 2);
    const fifty = await statementsFor(50, 3);
    // Ten times the lines, (almost) the same statements: lines are written, reserved (lock, pick, take, ledger and
    // allocation at once, for all lines) and read back as sets. 45 more lines may not cost 45 more statements.
    expect(fifty - five).toBeLessThanOrEqual(5);
    // 19 today: idempotency key lookup, customer, products, pricing revision, header (with its number), idempotency
    // key, credit exposure, quantity history, restricted items, savepoint, the reservation, who subscribed to
    // webhooks (one small read per transaction; nothing more when nobody did), timeline, status, lines, the order
    // confirmation e-mail in the outbox, and the answer (exceptions, allocations, lines).
    expect(five).toBeLessThanOrEqual(20);
  });

  it("plans it on its policy (as the routers do) for a bounded number more, none per line", async () => {
    const unplanned = await statementsFor(5, 4);
    const five = await statementsFor(5, 5, { planned: true });
    const fifty = await statementsFor(50, 6, { planned: true });
    expect(fifty - five).toBeLessThanOrEqual(5);
    // The lines' availability, the rules, the customer's segment, the categories, the default policy, its
    // version, the transit table, the plan and the order's promise date.
    expect(five - unplanned).toBeLessThanOrEqual(10);
  });
});
