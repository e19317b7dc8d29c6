import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { runDueImports } from "~/server/imports/run-import";
import { createApiKey } from "~/server/integration";
import { createTestDb, type TestDb } from "~/test/db";
import { seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";
import { handleImportErrors, handleImportUpload, importUploadResponse } from "./imports";

let t: TestDb;
let rest: Awaited<ReturnType<typeof startRestServer>>;
const keys = { manager: "", warehouse: "", readOnly: "" };

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  rest = await startRestServer(t.db);
  keys.manager = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "shop", role: "manager" } })).key;
  keys.warehouse = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "dock", role: "warehouse" } })).key;
  keys.readOnly = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "reader", role: "manager", scope: "read" } })).key;
});
afterAll(async () => {
  await rest?.close();
  await t?.cleanup();
});

const FILE = ["customer,customer_reference,sku,quantity,notes", "ACME,HTTP-1,BOLT-M8,2,", "ACME,HTTP-1,NUT-M8,x,=cmd()", "ACME,HTTP-2,NUT-M8,5,"].join("\r\n");

const upload = (query: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  handleImportUpload(new Request(`http://127.0.0.1/api/v1/imports?${query}`, { method: "POST", headers, body, duplex: "half" } as RequestInit), async () => t.db);
const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as { id: string; error?: { code: string; message: string } } & Record<string, unknown> });

describe("POST /api/v1/imports and GET /api/v1/imports/{id}/errors", () => {
  let id = "";
  const rows = async (status: string) => (await rest.call("GET", `/imports/${id}/rows?status=${status}`, { key: keys.manager })).body.items as unknown[];

  it("takes a streamed CSV body, checks it and answers 201 with the import", async () => {
    const stream = new ReadableStream({
      start(controller) {
        for (const piece of FILE.match(/[\s\S]{1,5}/g)!) controller.enqueue(new TextEncoder().encode(piece));
        controller.close();
      },
    });
    const response = await json(await upload("kind=orders&name=shop.csv", stream, { authorization: `Bearer ${keys.manager}`, "content-type": "text/csv; charset=utf-8" }));
    expect(response).toMatchObject({ status: 201, body: { status: "ready", fileName: "shop.csv", totalRows: 3, invalidRows: 2, validRows: 1, groupCount: 1 } });
    id = response.body.id;
  });

  it("refuses what is not an import, naming the field", async () => {
    const auth = { authorization: `Bearer ${keys.manager}` };
    expect(await json(await upload("kind=orders", FILE, { ...auth, "content-type": "application/json" }))).toMatchObject({ status: 400, body: { error: { code: "UNSUPPORTED_MEDIA_TYPE" } } });
    expect(await json(await upload("kind=invoices", FILE, { ...auth, "content-type": "text/csv" }))).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/^kind: /) } } });
    expect(await json(await upload("kind=orders", "sku,quantity\nA,1\n", { ...auth, "content-type": "text/csv" }))).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining("missing: customer, customer_reference") } },
    });
    expect(await json(await upload("kind=orders", "\u0000\u0000", { ...auth, "content-type": "text/csv" }))).toMatchObject({ status: 400 });
    // A NUL inside a cell refuses its row (PostgreSQL keeps no NUL in text): a 201, not a 500.
    const nul = await json(await upload("kind=orders&name=a%00b.csv", "customer,customer_reference,sku,quantity\nACME,NUL-1,BOLT\u0000M8,1\n", { ...auth, "content-type": "text/csv" }));
    expect(nul).toMatchObject({ status: 201, body: { fileName: "ab.csv", totalRows: 1, invalidRows: 1 } });
  });

  it("answers 401 without a key and 403 to a role or scope that may not import", async () => {
    const anonymous = { db: t.db, actor: null, headers: new Headers() };
    await expect(importUploadResponse(anonymous, new Request("http://127.0.0.1/api/v1/imports?kind=orders", { method: "POST", body: FILE }))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await upload("kind=orders", FILE, { authorization: `Bearer ${keys.warehouse}`, "content-type": "text/csv" })).status).toBe(403);
    expect((await upload("kind=orders", FILE, { authorization: `Bearer ${keys.readOnly}`, "content-type": "text/csv" })).status).toBe(403);
  });

  it("starts through REST, runs, and reports the rows that were refused as a CSV to fix and upload again", async () => {
    expect(await rest.call("POST", `/imports/${id}/start`, { key: keys.manager })).toMatchObject({ status: 200, body: { status: "queued" } });
    expect(await rest.call("POST", `/imports/${id}/start`, { key: keys.manager })).toMatchObject({ status: 409 });
    await runDueImports(t.db);
    expect(await rest.call("GET", `/imports/${id}`, { key: keys.manager })).toMatchObject({ status: 200, body: { status: "completed", importedRows: 1 } });
    expect(await rows("imported")).toEqual([
      { rowNo: 4, status: "imported", message: null, result: expect.stringMatching(/^SO-/), values: ["ACME", "HTTP-2", "NUT-M8", "5", ""] },
    ]);

    const report = await handleImportErrors(new Request(`http://127.0.0.1/api/v1/imports/${id}/errors`, { headers: { authorization: `Bearer ${keys.manager}` } }), async () => t.db, id);
    expect(report.headers.get("content-disposition")).toBe('attachment; filename="shop-errors.csv"');
    const lines = Papa.parse<string[]>((await report.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(lines).toEqual([
      ["customer", "customer_reference", "sku", "quantity", "notes", "row", "status", "error"],
      ["ACME", "HTTP-1", "BOLT-M8", "2", "", "2", "invalid", "not imported: row 3 of the same order has errors"],
      ["ACME", "HTTP-1", "NUT-M8", "x", "'=cmd()", "3", "invalid", 'quantity: "x" is not a whole number'],
    ]);
    const missing = await handleImportErrors(new Request("http://127.0.0.1/x", { headers: { authorization: `Bearer ${keys.manager}` } }), async () => t.db, "00000000-0000-0000-0000-000000000000");
    expect(missing.status).toBe(404);
    const junk = await handleImportErrors(new Request("http://127.0.0.1/x", { headers: { authorization: `Bearer ${keys.manager}` } }), async () => t.db, "junk");
    expect(junk.status).toBe(400);
  });
});
