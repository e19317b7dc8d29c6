import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAt } from "~/server/clock";
import { createTestDb, type TestDb } from "~/test/db";
import { importWarehouses } from "./import-warehouses";
import { findWarehouseByCode, listWarehouses } from "./warehouses";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.cleanup());

const LOADED_AT = new Date("2025-03-01T08:00:00Z");
const address = { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "US" };

describe("importWarehouses", () => {
  it("loads warehouses with their ids, at the domain clock's time", async () => {
    const east = { id: randomUUID(), code: "EAST", name: "East", priority: 10, ...address };
    const west = { id: randomUUID(), code: "WEST", name: "West", priority: 20, ...address, city: "Reno", region: "NV" };
    expect(await runAt(LOADED_AT, () => importWarehouses(t.db, [west, east]))).toEqual({ warehouses: 2 });
    expect((await listWarehouses({ db: t.db })).map((w) => [w.code, w.priority, w.address.city, w.isActive])).toEqual([
      ["EAST", 10, "Newark", true],
      ["WEST", 20, "Reno", true],
    ]);
    expect(await findWarehouseByCode(t.db, "WEST")).toMatchObject({ id: west.id, createdAt: LOADED_AT, updatedAt: LOADED_AT });
  });

  it("refuses a code that exists, loading nothing of the batch", async () => {
    const north = { id: randomUUID(), code: "NORTH", name: "North", priority: 30, ...address };
    await expect(importWarehouses(t.db, [north, { ...north, id: randomUUID(), code: "EAST" }])).rejects.toMatchObject({ kind: "conflict", code: "WAREHOUSE_CODE_TAKEN" });
    expect(await findWarehouseByCode(t.db, "NORTH")).toBeUndefined();
    expect(await importWarehouses(t.db, [])).toEqual({ warehouses: 0 });
  });
});
