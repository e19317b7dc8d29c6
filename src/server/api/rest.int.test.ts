import net from "node:net";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { connectPostgres } from "~/server/db/client";
import { createApiKey } from "~/server/integration";
import { createTestDb, type TestDb } from "~/test/db";
import { callerAs } from "~/test/caller";
import { startRestServer } from "~/test/rest-server";
import { RateLimiter } from "./rate-limit";
import { createRestHandler, getOpenApiDocument } from "./rest";
import { appRouter, createCaller } from "./root";

/** A request body of `total` bytes of JSON-ish text that counts what the reader pulled, in 64 KiB chunks. */
function countingStream(total: number) {
  let pulled = 0;
  let cancelled = false;
  const chunk = new Uint8Array(65_536).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 }); // nothing is pulled before someone reads
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

function jsonRequest(path: string, body: ReadableStream<Uint8Array> | string, authorization?: string, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", ...extra };
  if (authorization) headers.authorization = authorization;
  return new Request(`http://127.0.0.1/api/v1${path}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

const address = { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "us" };

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
const keys = { admin: "", rep: "", warehouse: "" };

beforeAll(async () => {
  t = await createTestDb();
  api = await startRestServer(t.db);
  for (const role of ["admin", "rep", "warehouse"] as const) {
    keys[role] = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: `${role} key`, role } })).key;
  }
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

describe("REST door: authentication and errors", () => {
  it("refuses a request without a key, and one with an unknown key, with 401", async () => {
    const none = await api.call("GET", "/customers");
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: "UNAUTHORIZED" });
    const bad = await api.call("GET", "/customers", { key: "od_not-a-real-key" });
    expect(bad.status).toBe(401);
    expect(bad.body.error.message).toMatch(/not valid|revoked/);
  });

  it("refuses a role the permission table does not allow with 403", async () => {
    const res = await api.call("POST", "/warehouses", {
      key: keys.rep,
      body: { code: "NOPE", name: "Not allowed", address },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/rep role may not/);
  });

  it("answers unknown paths with 404 and malformed JSON with 400, never 500", async () => {
    expect((await api.call("GET", "/nothing-here", { key: keys.admin })).status).toBe(404);
    const malformed = await api.call("POST", "/customers", { key: keys.admin, rawBody: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBeTruthy();
  });

  it("takes JSON bodies as sent: a wrong type is a 400 naming the field, never coerced", async () => {
    const customer = { code: "TYPES", name: "Types Co", segment: "retail", demandClass: "C", currency: "USD", creditLimit: 1000, paymentTermsDays: 30, billingAddress: address };
    const exempt = await api.call("POST", "/customers", { key: keys.admin, body: { ...customer, taxExempt: "false" } });
    expect(exempt.status).toBe(400);
    expect(exempt.body.error.details.fields).toHaveProperty("taxExempt");
    const limit = await api.call("POST", "/customers", { key: keys.admin, body: { ...customer, creditLimit: "1000" } });
    expect(limit.status).toBe(400);
    expect(limit.body.error.details.fields).toHaveProperty("creditLimit");
    const order = (extra: Record<string, unknown>, line: Record<string, unknown> = {}) =>
      api.call("POST", "/orders", { key: keys.admin, body: { customer: "TYPES", channel: "api", lines: [{ sku: "X-1", quantity: 1, ...line }], ...extra } });
    expect((await order({ draft: "false" })).body.error.details.fields).toHaveProperty("draft");
    expect((await order({}, { quantity: true })).body.error.details.fields).toHaveProperty(["lines.0.quantity"]);
    expect((await order({}, { unitPrice: null, overrideReason: "x" })).body.error.details.fields).toHaveProperty(["lines.0.unitPrice"]);
    for (const res of [await order({ draft: "false" }), await order({}, { quantity: true }), await order({}, { unitPrice: null, overrideReason: "x" })]) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("INVALID_INPUT");
    }
    // Nothing was created by any of them.
    expect((await api.call("GET", "/customers/TYPES", { key: keys.admin })).status).toBe(404);
    // The REST calls left the shared schemas alone: the pages' door refuses the same strings.
    const trpc = callerAs(t.db, "admin");
    await expect(trpc.customers.create({ ...customer, taxExempt: "false" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(trpc.orders.create({ customer: "TYPES", channel: "api", draft: "false", lines: [{ sku: "X-1", quantity: true }] } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // A real false stays false.
    const created = await api.call("POST", "/customers", { key: keys.admin, body: { ...customer, taxExempt: false } });
    expect(created.status).toBe(200);
    expect(created.body.taxExempt).toBe(false);
  });

  it("converts query parameters to the schema's types, and names one that does not convert", async () => {
    expect((await api.call("GET", "/customers?limit=1", { key: keys.admin })).status).toBe(200);
    const bad = await api.call("GET", "/customers?limit=many", { key: keys.admin });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toHaveProperty("limit");
  });

  it("answers a malformed path escape with 400, a body over 1 MiB with 413 and a non-JSON body with 415", async () => {
    const escape = await api.call("GET", "/customers/%E0%A4%A", { key: keys.admin });
    expect(escape.status).toBe(400);
    const huge = await api.call("POST", "/customers", { key: keys.admin, rawBody: JSON.stringify({ name: "x".repeat(1_100_000) }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const form = await fetch(`${api.baseUrl}/customers`, { method: "POST", headers: { authorization: `Bearer ${keys.admin}`, "content-type": "application/x-www-form-urlencoded" }, body: "code=X" });
    expect(form.status).toBe(415);
  });

  it("authenticates before reading the body: a big body without a key is a 401", async () => {
    const res = await api.call("POST", "/customers", { rawBody: JSON.stringify({ name: "x".repeat(500_000) }) });
    expect(res.status).toBe(401);
  });

  it("reads not one byte of the body of a request without a valid key", async () => {
    const handle = createRestHandler(async () => t.db);
    for (const authorization of [undefined, "Bearer od_not-a-real-key"]) {
      const body = countingStream(200 * 1024 * 1024);
      const res = await handle(jsonRequest("/customers", body.stream, authorization));
      expect(res.status).toBe(401);
      expect(body.pulled()).toBe(0);
    }
  });

  it("cuts a body without Content-Length off at the limit while it streams in (413), and refuses a declared one unread", async () => {
    const handle = createRestHandler(async () => t.db);
    // 200 MB offered in 64 KiB chunks: the door stops pulling just past 1 MiB and cancels the stream.
    const body = countingStream(200 * 1024 * 1024);
    const res = await handle(jsonRequest("/customers", body.stream, `Bearer ${keys.admin}`));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", details: { maxBytes: 1_048_576 } });
    expect(body.pulled()).toBeLessThan(1_048_576 + 4 * 65_536);
    expect(body.cancelled()).toBe(true);

    const declared = countingStream(2_000_000);
    const headers = { "content-length": "2000000" };
    const refused = await handle(jsonRequest("/customers", declared.stream, `Bearer ${keys.admin}`, headers));
    expect(refused.status).toBe(413);
    expect(declared.pulled()).toBe(0);
  });

  it("takes the limit from its configuration (REST_MAX_BODY_BYTES)", async () => {
    const handle = createRestHandler(async () => t.db, { maxBodyBytes: 1000 });
    const big = await handle(jsonRequest("/customers", JSON.stringify({ name: "x".repeat(1000) }), `Bearer ${keys.admin}`));
    expect(big.status).toBe(413);
    expect((await big.json()).error.message).toMatch(/1000 bytes/);
    const small = await handle(jsonRequest("/customers", JSON.stringify({ name: "x" }), `Bearer ${keys.admin}`));
    expect(small.status).toBe(400);
  });

  it("stops answering a key once it is revoked", async () => {
    const { key, id } = await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "temp", role: "manager" } });
    expect((await api.call("GET", "/warehouses", { key })).status).toBe(200);
    const { revokeApiKey } = await import("~/server/integration/api-keys");
    await revokeApiKey({ db: t.db, actor: SYSTEM_ACTOR, id });
    expect((await api.call("GET", "/warehouses", { key })).status).toBe(401);
  });
});

describe("REST door: request limits per API key", () => {
  it("answers 429 with Retry-After once a key has used its burst, before reading the body; other keys go on", async () => {
    const handle = createRestHandler(async () => t.db, { rateLimiter: new RateLimiter({ perMinute: 60, burst: 2 }) });
    const get = (key: string) => handle(new Request("http://127.0.0.1/api/v1/warehouses", { headers: { authorization: `Bearer ${key}` } }));
    expect((await get(keys.admin)).status).toBe(200);
    expect((await get(keys.admin)).status).toBe(200);
    const refused = await get(keys.admin);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toEqual({
      error: { code: "RATE_LIMITED", message: "Too many requests for this API key (60 a minute). Try again in 1 s.", details: { retryAfterSeconds: 1 } },
    });
    const body = countingStream(500_000);
    expect((await handle(jsonRequest("/customers", body.stream, `Bearer ${keys.admin}`))).status).toBe(429);
    expect(body.pulled()).toBe(0);
    expect((await get(keys.rep)).status).toBe(200);
  });
});

describe("REST door: text the database cannot store", () => {
  const customer = { code: "TEXT", name: "Text Co", segment: "retail", demandClass: "C", currency: "USD", creditLimit: 1000, paymentTermsDays: 30, billingAddress: address };

  it("answers a NUL or a lone surrogate in any string field, or in a field name, with 400 naming the field", async () => {
    for (const [body, field] of [
      [{ ...customer, name: "Bad \u0000 name" }, "name"],
      [{ ...customer, name: "Bad \ud800 name" }, "name"],
      [{ ...customer, billingAddress: { ...address, city: "\udfff" } }, "billingAddress.city"],
      [{ ...customer, ["x\ud83d"]: 1 }, "x\ufffd"],
    ] as const) {
      const res = await api.call("POST", "/customers", { key: keys.admin, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("INVALID_INPUT");
      expect(Object.keys(res.body.error.details.fields)).toEqual([field]);
    }
    const order = await api.call("POST", "/orders", { key: keys.admin, body: { customer: "TEXT", channel: "api", lines: [{ sku: "A\ud800", quantity: 1 }] } });
    expect(order.status).toBe(400);
    expect(order.body.error.details.fields).toHaveProperty(["lines.0.sku"]);
    // The lone surrogate as it travels in JSON text, not re-encoded by a client.
    const raw = await api.call("POST", "/customers", { key: keys.admin, rawBody: JSON.stringify(customer).replace('"Text Co"', '"Text \\udc00 Co"') });
    expect(raw.status).toBe(400);
    expect(raw.body.error.details.fields).toHaveProperty("name");
    expect((await api.call("GET", "/customers/TEXT", { key: keys.admin })).status).toBe(404);
  });

  it("refuses the same on the pages' door (tRPC)", async () => {
    const trpc = callerAs(t.db, "admin");
    await expect(trpc.customers.create({ ...customer, name: "Bad \ud800" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^name: .*surrogate/) });
  });

  it("settles who is calling before looking at the text: anonymous 401, a role without the permission 403", async () => {
    const bad = { ...customer, name: "Bad \u0000 name" } as never;
    const anonymous = createCaller({ db: t.db, actor: null, headers: new Headers() });
    await expect(anonymous.customers.create(bad)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(t.db, "warehouse").customers.create(bad)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await api.call("POST", "/customers", { body: bad })).status).toBe(401);
    expect((await api.call("POST", "/customers", { key: keys.warehouse, body: bad })).status).toBe(403);
  });

  it("answers a malformed percent-escape in a path with 400 naming the path parameter", async () => {
    for (const path of ["/orders/%", "/orders/%ZZ", "/orders/SO-1%E0%A4%A", "/customers/%ED%A0%80"]) {
      const res = await api.call("GET", path, { key: keys.admin });
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe("INVALID_INPUT");
      expect(Object.keys(res.body.error.details.fields)).toEqual([path.startsWith("/orders") ? "number" : "code"]);
    }
  });
});

describe("REST door: what is logged", () => {
  it("logs an unexpected database error once, without the values the query was sent with", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    let calls: unknown[][] = [];
    await t.db.execute(sql`alter table customers rename to customers_away`);
    try {
      const res = await api.call("GET", "/customers?search=secret-needle-4711", { key: keys.admin });
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toContain("secret-needle");
      // The pages' door formats its errors in the tRPC error formatter.
      const trpc = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request(`http://127.0.0.1/api/trpc/customers.list?input=${encodeURIComponent(JSON.stringify({ search: "secret-needle-4711" }))}`),
        router: appRouter,
        createContext: () => ({ db: t.db, actor: { kind: "user" as const, id: "test-admin", name: "Admin", role: "admin" as const }, headers: new Headers() }),
      });
      expect(trpc.status).toBe(500);
      expect(await trpc.text()).not.toContain("secret-needle");
    } finally {
      await t.db.execute(sql`alter table customers_away rename to customers`);
      calls = [...errors.mock.calls];
      errors.mockRestore();
    }
    expect(calls).toHaveLength(2);
    for (const [message, ...rest] of calls) {
      expect(rest).toEqual([]);
      expect(message).toMatch(/^\[orderdesk\] unexpected error: DrizzleQueryError: Failed query: select .* \(\d+ parameters redacted\) ← (?:PostgresError|error) \[42P01\]: relation "customers" does not exist\n/);
      expect(message).not.toContain("secret-needle");
      expect(String(message).split("\n").length).toBeLessThanOrEqual(9);
    }
  });
});

describe("REST door: a database that is not there", () => {
  it("answers 503 DATABASE_UNAVAILABLE with Retry-After, not a 500, while the database is unreachable", async () => {
    // Nothing listens on port 1: every query fails to connect, as while PostgreSQL restarts.
    const gone = connectPostgres("postgres://postgres@127.0.0.1:1/orderdesk", 1);
    const down = await startRestServer(gone.db);
    try {
      const started = performance.now();
      const res = await down.call("GET", "/customers", { key: keys.admin });
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: "DATABASE_UNAVAILABLE" });
      expect(res.headers.get("retry-after")).toBe("2");
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await down.close();
      await gone.close();
    }
  });

  it("answers 503 within 5 s when the database accepts the connection but never answers (connect_timeout)", async () => {
    // A server that takes the TCP connection and says nothing, as a host that is going down or a full backlog.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    const mute = connectPostgres(`postgres://postgres@127.0.0.1:${port}/orderdesk`, 1);
    const down = await startRestServer(mute.db);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const started = performance.now();
      const res = await down.call("GET", "/customers", { key: keys.admin });
      const elapsed = performance.now() - started;
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: "DATABASE_UNAVAILABLE" });
      expect(res.headers.get("retry-after")).toBe("2");
      expect(elapsed).toBeLessThan(5_000);
      // An expected outage is an answer, not an unexpected error in the log.
      expect(errors.mock.calls).toEqual([]);
    } finally {
      errors.mockRestore();
      await down.close();
      for (const socket of sockets) socket.destroy();
      await mute.close();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe("REST door: customers", () => {
  it("creates a customer and reads it back by code", async () => {
    // An admin's key: a credit limit above 0 is not a rep's to give (a rep's is 403, maintain-customer.int.test.ts).
    const created = await api.call("POST", "/customers", {
      key: keys.admin,
      body: { code: "ACME", name: "Acme Industrial", segment: "industrial", creditLimit: 500000, billingAddress: address },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      code: "ACME",
      name: "Acme Industrial",
      segment: "industrial",
      demandClass: "B",
      creditLimit: 500000,
      paymentTermsDays: 30,
      taxExempt: false,
      billingAddress: { ...address, country: "US" },
      shippingAddress: { ...address, country: "US" },
    });
    const read = await api.call("GET", "/customers/ACME", { key: keys.rep });
    expect(read.status).toBe(200);
    expect(read.body.name).toBe("Acme Industrial");
  });

  it("names every invalid field in a 400", async () => {
    const res = await api.call("POST", "/customers", {
      key: keys.rep,
      body: { code: "BAD", segment: 42, creditLimit: 10.5, billingAddress: { ...address, country: "USA" } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("INVALID_INPUT");
    expect(Object.keys(res.body.error.details.fields)).toEqual(
      expect.arrayContaining(["name", "segment", "creditLimit", "billingAddress.country"]),
    );
    expect(res.body.error.message).toMatch(/billingAddress\.country/);
  });

  it("answers a taken code with 409 naming the field, and an unknown code with 404", async () => {
    const dup = await api.call("POST", "/customers", {
      key: keys.rep,
      body: { code: "ACME", name: "Another Acme", segment: "retail", billingAddress: address },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: "CUSTOMER_CODE_TAKEN", details: { fields: { code: expect.any(Array) } } });
    const missing = await api.call("GET", "/customers/NOPE", { key: keys.rep });
    expect(missing.status).toBe(404);
  });

  it("pages through a list with limit and cursor, and searches", async () => {
    for (const code of ["ZED-1", "ZED-2", "ZED-3"]) {
      await api.call("POST", "/customers", {
        key: keys.rep,
        body: { code, name: `Zed Supply ${code}`, segment: "wholesale", billingAddress: address },
      });
    }
    const first = await api.call("GET", "/customers?search=zed&limit=2", { key: keys.rep });
    expect(first.status).toBe(200);
    expect(first.body.items.map((c: { code: string }) => c.code)).toEqual(["ZED-1", "ZED-2"]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.call("GET", `/customers?search=zed&limit=2&cursor=${first.body.nextCursor}`, { key: keys.rep });
    expect(second.body.items.map((c: { code: string }) => c.code)).toEqual(["ZED-3"]);
    expect(second.body.nextCursor).toBeNull();
    expect((await api.call("GET", "/customers?limit=501", { key: keys.rep })).status).toBe(400);
    expect((await api.call("GET", "/customers?cursor=garbage", { key: keys.rep })).status).toBe(400);
  });
});

describe("REST door: products, warehouses and stock", () => {
  it("creates a product (and its category) and reads it by SKU", async () => {
    const res = await api.call("POST", "/products", {
      key: keys.admin,
      body: { sku: "BOLT-M8", name: "Hex bolt M8", category: "Fasteners", unit: "box", listPrice: 1999, cost: 900, weightGrams: 450, taxCategory: "standard" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sku: "BOLT-M8", category: "Fasteners", listPrice: 1999, cost: 900, weightGrams: 450 });
    const read = await api.call("GET", "/products/BOLT-M8", { key: keys.rep });
    expect(read.body).toMatchObject({ sku: "BOLT-M8", name: "Hex bolt M8" });
    expect((await api.call("GET", "/products/NOPE-1", { key: keys.rep })).status).toBe(404);
    const bad = await api.call("POST", "/products", { key: keys.admin, body: { sku: "X", name: "X", category: "C", listPrice: -1, cost: 1.5 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields)).toEqual(expect.arrayContaining(["listPrice", "cost"]));
  });

  it("creates warehouses and lists them by priority", async () => {
    for (const [code, priority] of [["WEST", 20], ["EAST", 10]] as const) {
      const res = await api.call("POST", "/warehouses", { key: keys.admin, body: { code, name: `${code} DC`, address, priority } });
      expect(res.status).toBe(200);
    }
    const list = await api.call("GET", "/warehouses", { key: keys.warehouse });
    expect(list.body.items.map((w: { code: string }) => w.code)).toEqual(["EAST", "WEST"]);
    expect(list.body.items[0]).toMatchObject({ code: "EAST", name: "EAST DC", priority: 10, address: { city: "Newark" } });
  });

  it("adjusts stock with a ledger movement and refuses to go below zero", async () => {
    const add = await api.call("POST", "/stock/adjustments", {
      key: keys.warehouse,
      body: { sku: "BOLT-M8", warehouse: "EAST", quantity: 25, reason: "cycle_count" },
    });
    expect(add.status).toBe(200);
    expect(add.body).toMatchObject({ kind: "adjustment", quantity: 25, onHand: 25, reserved: 0, available: 25, actor: "API key warehouse key" });

    const tooMuch = await api.call("POST", "/stock/adjustments", {
      key: keys.warehouse,
      body: { sku: "BOLT-M8", warehouse: "EAST", quantity: -30, reason: "damaged" },
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error).toMatchObject({ code: "INSUFFICIENT_STOCK" });
    expect(tooMuch.body.error.message).toMatch(/only 25 available/);

    const zero = await api.call("POST", "/stock/adjustments", { key: keys.warehouse, body: { sku: "BOLT-M8", warehouse: "EAST", quantity: 0, reason: "x" } });
    expect(zero.status).toBe(400);
    expect(zero.body.error.details.fields.quantity).toBeDefined();

    const unknown = await api.call("POST", "/stock/adjustments", { key: keys.warehouse, body: { sku: "NOPE-9", warehouse: "EAST", quantity: 1, reason: "found" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.fields.sku).toBeDefined();

    expect((await api.call("POST", "/stock/adjustments", { key: keys.rep, body: { sku: "BOLT-M8", warehouse: "EAST", quantity: 1, reason: "found" } })).status).toBe(403);

    const stock = await api.call("GET", "/stock?sku=BOLT-M8", { key: keys.rep });
    expect(stock.status).toBe(200);
    expect(stock.body.items).toEqual([
      { sku: "BOLT-M8", productName: "Hex bolt M8", warehouse: "EAST", onHand: 25, reserved: 0, available: 25, inbound: [] },
    ]);
  });
});

describe("OpenAPI document", () => {
  it("describes the documented paths (docs/api.md)", () => {
    const doc = getOpenApiDocument();
    expect(Object.keys(doc.paths ?? {})).toEqual(
      expect.arrayContaining(["/customers", "/customers/{code}", "/products", "/products/{sku}", "/warehouses", "/stock", "/stock/adjustments"]),
    );
    expect(doc.components?.securitySchemes).toHaveProperty("bearerAuth");
  });
});
