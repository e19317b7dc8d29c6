import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createCustomer } from "~/server/customers/create-customer";
import { createApiKey } from "~/server/integration";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { customerColumns, productColumns } from "./export-columns";
import { EXPORT_LISTS, exportCsvResponse, handleExport, streamListCsv } from "./exports";

let t: TestDb;
let manager = "";
let warehouse = "";

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  const address = { line1: "1 Main St", city: "Springfield", region: "IL", postalCode: "62701", country: "US" };
  for (let i = 0; i < 7; i++) {
    await createCustomer({
      db: t.db,
      actor: actors.admin,
      input: { code: `EXP${i}`, name: i === 0 ? "=HYPERLINK(\"x\")" : `Export ${i}`, segment: "retail", demandClass: "B", currency: "USD", creditLimit: 10_000, paymentTermsDays: 30, taxExempt: false, billingAddress: address },
    });
  }
  manager = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "exports", role: "manager" } })).key;
  warehouse = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "dock", role: "warehouse" } })).key;
});
afterAll(async () => {
  await t?.cleanup();
});

const get = (path: string, key?: string) =>
  handleExport(new Request(`http://127.0.0.1/api/v1/exports/${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }), async () => t.db, path.split("?")[0]!);
const rowsOf = async (response: Response) => Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { delimiter: ",", newline: "\r\n", skipEmptyLines: true }).data;

describe("GET /api/v1/exports/{list}.csv", () => {
  it("streams every row of the list through its keyset cursor, more rows than one batch", async () => {
    const ctx = { db: t.db, actor: actors.admin, headers: new Headers() };
    const response = await exportCsvResponse(ctx, "customers.csv", new URLSearchParams(), 2);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = await rowsOf(response);
    expect(rows[0]).toEqual([...customerColumns.columns]);
    const codes = rows.slice(1).map((r) => r[0]);
    expect(codes.length).toBeGreaterThanOrEqual(9); // 7 here + the fixtures' customers, over 2-row batches
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(["ACME", "TIGHT", "EXP0", "EXP6"]));
    // The formula is neutralised.
    expect(rows.find((r) => r[0] === "EXP0")![1]).toBe("'=HYPERLINK(\"x\")");
  });

  it("honours the list's filters and ignores paging parameters", async () => {
    const response = await get("customers.csv?search=EXP&limit=1&cursor=bogus", manager);
    expect(response.status).toBe(200);
    const codes = (await rowsOf(response)).slice(1).map((r) => r[0]);
    expect(codes.sort()).toEqual(["EXP0", "EXP1", "EXP2", "EXP3", "EXP4", "EXP5", "EXP6"]);
    const products = await rowsOf(await get("products.csv?category=Fasteners", manager));
    expect(products[0]).toEqual([...productColumns.columns]);
    expect(products.length).toBeGreaterThan(1);
    expect(products.slice(1).every((r) => r[2] === "Fasteners")).toBe(true);
  });

  it("exports orders and invoices with ISO dates", async () => {
    const orders = await rowsOf(await get("orders.csv", manager));
    expect(orders[0]![0]).toBe("number");
    const created = orders[0]!.indexOf("created_at");
    for (const row of orders.slice(1)) expect(row[created]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await get("invoices.csv?status=open", manager)).status).toBe(200);
  });

  it("serves every list a desk page exports, each row as wide as its header", async () => {
    for (const [name, list] of Object.entries(EXPORT_LISTS)) {
      const response = await exportCsvResponse({ db: t.db, actor: actors.admin, headers: new Headers() }, `${name}.csv`, new URLSearchParams(), 3);
      expect(response.status, name).toBe(200);
      const [header, ...rows] = await rowsOf(response);
      expect(header, name).toEqual([...list.columns.columns]);
      for (const row of rows) expect(row, name).toHaveLength(header!.length);
    }
    // Stock is one row per SKU and warehouse.
    const stock = (await rowsOf(await get("stock.csv", manager))).slice(1);
    expect(stock.length).toBeGreaterThan(0);
    expect(stock.every((r) => r[0] && r[3])).toBe(true);
  });

  it("names a quotes export after quotes", async () => {
    const ctx = { db: t.db, actor: actors.admin, headers: new Headers() };
    const quotes = await streamListCsv(ctx, EXPORT_LISTS.orders, { kind: "quote" });
    expect(quotes.headers.get("content-disposition")).toMatch(/filename="quotes-\d{4}-\d{2}-\d{2}\.csv"/);
    const orders = await streamListCsv(ctx, EXPORT_LISTS.orders, { kind: "order" });
    expect(orders.headers.get("content-disposition")).toMatch(/filename="orders-\d{4}-\d{2}-\d{2}\.csv"/);
  });

  it("refuses a bad filter (400), a role without the list's permission (403), no key (401), an unknown list (404)", async () => {
    const bad = await get("invoices.csv?status=nonsense", manager);
    expect(bad.status).toBe(400);
    const forbidden = await get("customers.csv", warehouse);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe("FORBIDDEN");
    expect((await get("customers.csv", "od_not_a_key")).status).toBe(401);
    const anonymous = await exportCsvResponse({ db: t.db, actor: null, headers: new Headers() }, "customers.csv", new URLSearchParams()).catch((e: { code: string }) => e.code);
    expect(anonymous).toBe("UNAUTHORIZED");
    expect((await get("widgets.csv", manager)).status).toBe(404);
    expect((await get("customers", manager)).status).toBe(404);
  });
});
