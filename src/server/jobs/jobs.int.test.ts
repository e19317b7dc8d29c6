import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { setReorderPoint } from "~/server/inventory/reorder-points";
import { createWarehouse } from "~/server/inventory/warehouses";
import { lastReplenishmentRun } from "~/server/purchasing/run-replenishment";
import { reorderSuggestions } from "~/server/purchasing/schema";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures } from "~/test/fixtures";
import { handleReplenishmentNightly, REPLENISHMENT_NIGHTLY, startJobWorker, type JobWorker } from ".";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "EAST", name: "East", address, priority: 10 } });
  await adjustStock({ db: t.db, actor: actors.warehouse, input: { sku: "BOLT-M8", warehouse: "EAST", quantity: 4, reason: "initial_stock" } });
  await setReorderPoint({ db: t.db, actor: actors.admin, input: { sku: "BOLT-M8", warehouse: "EAST", reorderPoint: 10, reorderQuantity: 12 } });
});
afterAll(() => t?.cleanup());

describe("the nightly replenishment job", () => {
  it("its handler, given a database, computes the suggestions and records the run as the nightly job", async () => {
    const run = await handleReplenishmentNightly(t.db);
    expect(run).toMatchObject({ trigger: "nightly", actor: "nightly job", suggestions: 1, withoutVendor: 1 });
    const rows = await t.db.select().from(reorderSuggestions);
    expect(rows.map((r) => [r.position, r.reorderPoint, r.quantity])).toEqual([[4, 10, 12]]);
    expect(await lastReplenishmentRun(t.db)).toEqual(run);
  });

  describe("on pg-boss, in this database", () => {
    let worker: JobWorker | undefined;
    afterAll(() => worker?.stop());

    it("installs its schema, schedules the nightly replenishment and the minutely auto-planning, and works a queued job", async () => {
      worker = await startJobWorker({ handle: t.handle, databaseUrl: t.url, pollingIntervalSeconds: 0.5 });
      const schedules = await worker.boss.getSchedules();
      expect(schedules).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: "replenishment.nightly", cron: "0 2 * * *", timezone: "America/New_York" }),
          expect.objectContaining({ name: "fulfillment.auto-plan", cron: "* * * * *", timezone: "America/New_York" }),
        ]),
      );
      expect(REPLENISHMENT_NIGHTLY.cron).toBe("0 2 * * *");

      const before = await lastReplenishmentRun(t.db);
      const id = await worker.boss.send(REPLENISHMENT_NIGHTLY.name, {});
      expect(id).toBeTruthy();
      let job = await worker.boss.getJobById(REPLENISHMENT_NIGHTLY.name, id!);
      for (let i = 0; i < 100 && job?.state !== "completed" && job?.state !== "failed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = await worker.boss.getJobById(REPLENISHMENT_NIGHTLY.name, id!);
      }
      expect(job).toMatchObject({ state: "completed", output: expect.objectContaining({ trigger: "nightly", suggestions: 1 }) });
      const after = await lastReplenishmentRun(t.db);
      expect(after!.computedAt > before!.computedAt).toBe(true);
      // The app's own queries keep working beside the worker (PGlite: one shared connection).
      expect(await t.db.select().from(reorderSuggestions)).toHaveLength(1);
    });

    it("stops cleanly", async () => {
      await worker!.stop();
      await expect(worker!.stop()).resolves.toBeUndefined();
      worker = undefined;
      expect(await t.db.select().from(reorderSuggestions)).toHaveLength(1);
    });
  });
});
