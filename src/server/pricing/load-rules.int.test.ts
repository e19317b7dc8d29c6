import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, seedOrderFixtures } from "~/test/fixtures";
import { saveDiscountRule } from "./discount-rules";
import { loadPricingRules } from "./load-rules";
import { ZDiscountRuleInput } from "./schemas";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
});
afterAll(() => t.cleanup());

const rule = (code: string) => ZDiscountRuleInput.parse({ code, name: code, percentOff: 5, conditions: { sku: "BOLT-M8" } });
const codes = async () => (await loadPricingRules(t.db)).discountRules.map((r) => r.code).sort();

describe("pricing rules are cached per revision", () => {
  it("reuses the loaded rules until a rule changes, then sees the change at once", async () => {
    const first = await loadPricingRules(t.db);
    expect(await loadPricingRules(t.db)).toBe(first);
    await saveDiscountRule({ db: t.db, actor: actors.admin, input: rule("FIVE") });
    const after = await loadPricingRules(t.db);
    expect(after).not.toBe(first);
    expect(after.discountRules.map((r) => r.code)).toEqual(["FIVE"]);
  });

  it("never keeps a rolled-back change: its revision is never committed", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await saveDiscountRule({ db: tx as never, actor: actors.admin, input: rule("GHOST") });
        // Loaded (and cached) inside the transaction that is about to roll back.
        expect((await loadPricingRules(tx)).discountRules.map((r) => r.code).sort()).toEqual(["FIVE", "GHOST"]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await codes()).toEqual(["FIVE"]);
  });

  it("does not share rules between databases (each test database is its own)", async () => {
    const other = await createTestDb();
    try {
      expect((await loadPricingRules(other.db)).discountRules).toEqual([]);
    } finally {
      await other.cleanup();
    }
    expect(await codes()).toEqual(["FIVE"]);
  });
});
