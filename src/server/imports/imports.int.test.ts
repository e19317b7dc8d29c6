import { Readable } from "node:stream";
import type { Actor } from "~/server/auth/actor";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAt } from "~/server/clock";
import { orders } from "~/server/orders";
import { createProduct } from "~/server/catalog";
import { setProductArchived } from "~/server/catalog/set-product-archived";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import type { ImportKindName } from "./constants";
import { getImport } from "./list-imports";
import { listImportRows } from "./list-import-rows";
import { runDueImports, runImport } from "./run-import";
import { importedOrders, importRows, imports } from "./schema";
import { stageImport } from "./stage-import";
import { cancelImport, discardImport, startImport } from "./start-import";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
});
afterAll(() => t?.cleanup());

/** The file arrives in pieces of 7 bytes, as a slow upload may (a record, a CRLF or a character may be cut anywhere). */
const upload = (kind: ImportKindName, csv: string, actor: Actor = actors.manager) => {
  const bytes = Buffer.from(csv);
  const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
  return stageImport({ db: t.db, actor, kind, fileName: `${kind}.csv`, body: Readable.from(pieces) });
};
const problems = async (id: string) => (await listImportRows({ db: t.db, id, statuses: ["invalid", "failed"], input: { limit: 500 } })).items.map((r) => [r.rowNo, r.message]);
const rowsOf = async (id: string) => (await listImportRows({ db: t.db, id, input: { limit: 500 } })).items;
const ordersOf = (reference: string) => t.db.select({ number: orders.number, status: orders.status, total: orders.total }).from(orders).where(eq(orders.customerReference, reference));

const ORDER_FILE = [
  "Customer,Customer Reference,SKU,Quantity,Unit Price,Override Reason,Requested Date,Notes,Extra",
  "ACME,PO-1,BOLT-M8,2,,,2026-12-20,Zoë's “rush” 🚚,x",
  "ACME,PO-1,NUT-M8,10,,,2026-12-20,Zoë's “rush” 🚚,x",
  "ACME,PO-2,WASHER-M8,abc,,,,,",
  "ACME,PO-2,BOLT-M8,1,,,,,",
  "NOBODY,PO-3,BOLT-M8,1,,,,,",
  "TIGHT,PO-4,NOPE-1,1,,,,,",
  "ACME,PO-5,NUT-M8,3,1.50,contract price,,,",
  "ACME,PO-5,BOLT-M8,1,,,2026-12-24,,",
  "ACME,PO-6,WASHER-M8,4,2.00,,,,",
  "TIGHT,PO-7,NUT-M8,1,,,,,",
  "ACME,,NUT-M8,1,,,,,",
].join("\r\n");

describe("CSV import of orders", () => {
  let id = "";

  it("checks every row at upload, writes nothing, and names each problem's column", async () => {
    const staged = await upload("orders", ORDER_FILE);
    id = staged.id;
    expect(staged).toMatchObject({ status: "ready", totalRows: 11, invalidRows: 8, validRows: 3, groupCount: 2, unusedColumns: ["Extra"] });
    expect(await problems(id)).toEqual([
      [4, 'quantity: "abc" is not a whole number'],
      [5, "not imported: row 4 of the same order has errors"],
      [6, 'customer: no customer with code "NOBODY"'],
      [7, 'sku: no product with SKU "NOPE-1"'],
      [9, "requested_date: differs from the order's first line (every line of PO-5 must give the same)"],
      [8, "not imported: row 9 of the same order has errors"],
      [10, "override_reason: A manual unit price needs an override reason"],
      [12, "customer_reference: is required: it groups the lines into one order"],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)));
    expect(await t.db.$count(orders)).toBe(0);
  });

  it("imports the valid orders through order entry's use case when started, and says what each row made", async () => {
    const started = await startImport({ db: t.db, actor: actors.manager, id });
    expect(started.status).toBe("queued");
    await expect(startImport({ db: t.db, actor: actors.manager, id })).rejects.toMatchObject({ kind: "conflict" });
    await runImport(t.db, id, { batchRows: 1 });
    const done = await getImport({ db: t.db, id });
    expect(done).toMatchObject({ status: "completed", importedRows: 3, skippedRows: 0, failedRows: 0, pendingRows: 0, startedBy: "Morgan Manager" });
    const [po1] = await ordersOf("PO-1");
    expect(po1).toMatchObject({ status: "open" });
    expect((await t.db.select({ notes: orders.notes }).from(orders).where(eq(orders.number, po1!.number)))[0]!.notes).toBe("Zoë's “rush” 🚚");
    const [po7] = await ordersOf("PO-7");
    const rows = await rowsOf(id);
    expect(rows.filter((r) => r.status === "imported").map((r) => [r.rowNo, r.result])).toEqual([
      [2, po1!.number],
      [3, po1!.number],
      [11, po7!.number],
    ]);
  });

  it("skips orders imported before when the same file comes again", async () => {
    const again = await upload("orders", ORDER_FILE);
    await startImport({ db: t.db, actor: actors.manager, id: again.id });
    await runImport(t.db, again.id);
    expect(await getImport({ db: t.db, id: again.id })).toMatchObject({ status: "completed", importedRows: 0, skippedRows: 3 });
    expect((await rowsOf(again.id)).find((r) => r.rowNo === 2)).toMatchObject({ status: "skipped", message: expect.stringMatching(/^already imported as /) });
    expect(await ordersOf("PO-1")).toHaveLength(1);
    expect(await t.db.$count(importedOrders)).toBe(2);
  });

  // Alone in its batch (the lanes' way: no savepoint, the batch runs again to record the refusal) and with others.
  it.each([
    { way: "alone in its batch", options: { batchRows: 1 }, sku: "OLD-1", po: 20 },
    { way: "in a batch with another order", options: { batchRows: 250, lanes: 1 }, sku: "OLD-2", po: 22 },
  ])("fails an order the use case refuses, on the line it names, and goes on with the others ($way)", async ({ options, sku, po }) => {
    await createProduct({ db: t.db, actor: actors.admin, input: { sku, name: "Old part", category: "Fasteners", unit: "each", currency: "USD", listPrice: 100, cost: 50, weightGrams: 0, taxCategory: "standard", leadTimeDays: 7 } });
    const file = ["customer,customer_reference,sku,quantity", `ACME,PO-${po},BOLT-M8,1`, `ACME,PO-${po},${sku},1`, `ACME,PO-${po + 1},NUT-M8,2`].join("\n");
    const staged = await upload("orders", file);
    expect(staged.invalidRows).toBe(0);
    // Archived between the check and the run: order entry refuses the line.
    await setProductArchived({ db: t.db, actor: actors.admin, input: { sku, archived: true } });
    await startImport({ db: t.db, actor: actors.manager, id: staged.id });
    await runImport(t.db, staged.id, options);
    expect(await getImport({ db: t.db, id: staged.id })).toMatchObject({ status: "completed", importedRows: 1, failedRows: 2 });
    expect(await problems(staged.id)).toEqual([
      [2, "not imported: line 2 of this order was refused"],
      [3, `sku: ${sku} is archived and can no longer be ordered`],
    ]);
    expect(await ordersOf(`PO-${po}`)).toHaveLength(0);
    expect(await ordersOf(`PO-${po + 1}`)).toHaveLength(1);
  });

  it("refuses a file without the columns it needs, or without rows, and keeps nothing of it", async () => {
    await expect(upload("orders", "customer,sku\nACME,BOLT-M8\n")).rejects.toMatchObject({ message: expect.stringContaining("missing: customer_reference, quantity") });
    await expect(upload("orders", "customer,customer_reference,sku,quantity\n")).rejects.toMatchObject({ message: "file: has a header but no rows" });
    await expect(upload("orders", "")).rejects.toMatchObject({ message: expect.stringContaining("file: is empty") });
  });

  it("lets only roles that may enter orders import them", async () => {
    await expect(upload("orders", ORDER_FILE, actors.warehouse)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(upload("price_list_items", "price_list,sku,unit_price\nX,BOLT-M8,1\n", actors.manager)).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("discards an upload, and cancels a queued run", async () => {
    const staged = await upload("orders", "customer,customer_reference,sku,quantity\nACME,PO-30,BOLT-M8,1\n");
    await discardImport({ db: t.db, actor: actors.manager, id: staged.id });
    expect(await t.db.$count(importRows, eq(importRows.importId, staged.id))).toBe(0);
    // A second Discard (another tab) is refused, not left waiting on the first one's connection (PGlite has one).
    await expect(discardImport({ db: t.db, actor: actors.manager, id: staged.id })).rejects.toMatchObject({ kind: "conflict" });
    await expect(startImport({ db: t.db, actor: actors.manager, id: staged.id })).rejects.toMatchObject({ kind: "conflict" });

    const other = await upload("orders", "customer,customer_reference,sku,quantity\nACME,PO-31,BOLT-M8,1\n");
    await startImport({ db: t.db, actor: actors.manager, id: other.id });
    await cancelImport({ db: t.db, actor: actors.manager, id: other.id });
    expect(await runDueImports(t.db)).toEqual({ runs: 0 });
    expect(await ordersOf("PO-31")).toHaveLength(0);
    // Started again, it goes on.
    await startImport({ db: t.db, actor: actors.manager, id: other.id });
    expect(await runDueImports(t.db)).toEqual({ runs: 1 });
    expect(await ordersOf("PO-31")).toHaveLength(1);
  });

  it("completes at once a file with no valid row, saying when", async () => {
    const staged = await upload("orders", "customer,customer_reference,sku,quantity\nACME,PO-40,BOLT-M8,none\n");
    const started = await startImport({ db: t.db, actor: actors.manager, id: staged.id });
    expect(started).toMatchObject({ status: "completed", importedRows: 0, invalidRows: 1, startedAt: expect.any(String), finishedAt: expect.any(String) });
  });

  it("resumes a run whose process stopped (no batch for 30 s), with the rows no batch reached", async () => {
    const lines = Array.from({ length: 12 }, (_, i) => `ACME,PO-R${i},NUT-M8,1`);
    const staged = await upload("orders", ["customer,customer_reference,sku,quantity", ...lines].join("\n"));
    await startImport({ db: t.db, actor: actors.manager, id: staged.id });
    // What a killed process leaves: rows 2–6 done in committed batches, the import running, its heartbeat old.
    await t.db.update(importRows).set({ status: "imported", result: "dead run" }).where(and(eq(importRows.importId, staged.id), inArray(importRows.rowNo, [2, 3, 4, 5, 6])));
    await t.db.update(imports).set({ status: "running", importedRows: 5 }).where(eq(imports.id, staged.id));
    expect(await runDueImports(t.db)).toEqual({ runs: 0 });
    const later = new Date(Date.now() + 31_000);
    expect(await runAt(later, () => runDueImports(t.db))).toEqual({ runs: 1 });
    expect(await getImport({ db: t.db, id: staged.id })).toMatchObject({ status: "completed", importedRows: 12 });
    expect(await ordersOf("PO-R4")).toHaveLength(0);
    expect(await ordersOf("PO-R5")).toHaveLength(1);
  });
});
