import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createApiKey } from "~/server/integration";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { createWarehouse } from "~/server/inventory/warehouses";
import { createRestHandler, getOpenApiDocument, REST_BASE } from "./rest";

/**
 * Fuzzes every operation of the OpenAPI document through the REST door, in-process, as an admin (past every
 * permission check): bodies, query strings and path parameters made from the operation's own schema, often
 * naming records that exist, so many requests get past validation into the use case; and the same with one
 * thing wrong (another JSON type, null, a huge or odd number, deep nesting, NUL or a lone surrogate, an array
 * where an object goes, a dropped or odd key, a malformed percent-escape). No answer may be a 5xx, none may
 * hang, and a normal call succeeds after each operation's runs.
 *
 * Bounded: FUZZ_RUNS runs per operation (default 30). The seed is random and printed with any failure;
 * `FUZZ_SEED=<seed> npx vitest run --project integration src/server/api/rest-fuzz.int.test.ts` replays it (the
 * operations share one database and feed each other record numbers, so replay the whole file).
 */
const RUNS = Number(process.env.FUZZ_RUNS) || 30;
const SEED = Number(process.env.FUZZ_SEED) || Math.floor(Math.random() * 2 ** 31);
/** A request slower than this counts as hanging. */
const REQUEST_TIMEOUT_MS = 10_000;

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Parameter = { in: "path" | "query" | "header"; name: string; schema?: JsonSchema };
type Operation = { method: string; path: string; parameters: Parameter[]; body?: JsonSchema };

/** JSON text written into a body as is: numbers JSON.stringify cannot write (1e400, -0, 30 digits). */
class RawJson {
  constructor(readonly text: string) {}
}
function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  if (value && typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/** encodeURIComponent, except that a lone surrogate goes out as its (invalid) UTF-8 bytes instead of throwing. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.toWellFormed()).replaceAll("%EF%BF%BD", "%ED%A0%80");
  }
}

// ---------------------------------------------------------------------------------------------------------
// Records that exist, by collection (the REST path's noun), collected from every 2xx answer, so requests name
// them: `/orders/{number}` an order's number, a body's `sku` a product's, `shipments: [...]` shipment ids.
// ---------------------------------------------------------------------------------------------------------
const pools = new Map<string, string[]>([
  ["customers", ["ACME", "TIGHT"]],
  ["products", ["BOLT-M8", "NUT-M8", "WASHER-M8"]],
  ["warehouses", ["EAST", "WEST"]],
  ["categories", ["Fasteners"]],
]);
const COLLECTIONS = new Set(["customers", "products", "categories", "warehouses", "orders", "exceptions", "shipments", "pick-lists", "carriers", "policies", "vendors", "purchase-orders", "transfers", "invoices", "credit-notes", "payments", "allocations", "returns", "price-lists", "discount-rules"]);
/** A field that refers to a record of another collection (`<collection>.<field>` where the operation's collection decides). */
const FIELD_COLLECTION: Record<string, string> = {
  "policies.from": "policies",
  customer: "customers",
  sku: "products",
  skus: "products",
  category: "categories",
  warehouse: "warehouses",
  from: "warehouses",
  to: "warehouses",
  vendor: "vendors",
  order: "orders",
  orderNumber: "orders",
  invoice: "invoices",
  shipments: "shipments",
  pickList: "pick-lists",
  carrier: "carriers",
  policyCode: "policies",
  policy: "policies",
  allocations: "allocations",
};

/** The collection of the operation whose generators are being built (field names mean different things in each). */
let building = "";

function remember(collection: string, value: string) {
  const pool = pools.get(collection) ?? pools.set(collection, []).get(collection)!;
  if (value.length <= 64 && !pool.includes(value) && pool.length < 60) pool.push(value);
}

/** Identifiers in an answer: a record's own `id`/`number`/`code`/`sku`, and the records its fields refer to. */
function harvest(value: unknown, collection: string, depth = 0) {
  if (depth > 5) return;
  if (Array.isArray(value)) return value.forEach((item) => harvest(item, collection, depth + 1));
  if (!value || typeof value !== "object") return;
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === "string") {
      if (key === "id" || key === "number" || key === "code") remember(collection, child);
      else if (FIELD_COLLECTION[key]) remember(FIELD_COLLECTION[key], child);
    } else if (child && typeof child === "object") {
      harvest(child, key === "items" ? collection : COLLECTIONS.has(key) ? key : (FIELD_COLLECTION[key] ?? `${collection}.${key}`), depth + 1);
    }
  }
}

/** The collection an operation answers with: `/orders/{number}/shipments` → shipments, `/shipments/{id}/pick` → shipments. */
function collectionOf(path: string): string {
  const statics = path.split("/").filter((s) => s && !s.startsWith("{"));
  const last = statics.at(-1)!;
  const noun = COLLECTIONS.has(last) ? last : statics[0]!;
  return noun === "quotes" ? "orders" : noun;
}

/** A value from the pool of `collection` that fits, often; else what `otherwise` makes. */
function fromPool(collection: string | undefined, fits: (text: string) => boolean, otherwise: fc.Arbitrary<string>, often = 3): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(), fc.nat(often)).chain(([i, roll]) => {
    const pool = roll > 0 && collection ? (pools.get(collection) ?? []).filter(fits) : roll === 0 && i % 3 === 0 ? [...pools.values()].flat().filter(fits) : [];
    return pool.length ? fc.constant(pool[i % pool.length]!) : otherwise;
  });
}

// ---------------------------------------------------------------------------------------------------------
// The wrong thing
// ---------------------------------------------------------------------------------------------------------
/** Deep nesting, as text (the server parses it; the generator never walks it). */
const NESTED_DEEP = new RawJson("[".repeat(5000) + "]".repeat(5000));
const NESTED_DEEP_OBJECT = new RawJson('{"a":'.repeat(3000) + "{}" + "}".repeat(3000));
const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\uffff",
  "𝔘𝔫𝔦",
  "%",
  "%00",
  "../../etc/passwd",
  "' OR 1=1 --",
  "\\",
  "NaN",
  "-0",
  "1e309",
  "null",
  "0000-02-29",
  "2024-02-30",
  "9999-12-31",
  "00000000-0000-0000-0000-000000000000",
  "x".repeat(10_000),
  "é".repeat(300),
];
const ODD_NUMBERS: unknown[] = [
  -1,
  0.5,
  -0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 - 1,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  new RawJson("1e400"),
  new RawJson("-1e400"),
  new RawJson("-0"),
  new RawJson("123456789012345678901234567890"),
  new RawJson("1.0"),
  new RawJson("1E2"),
];
const ODD_KEYS = ["__proto__", "constructor", "\u0000", "\ud800", "x".repeat(300), ""];

/** Any JSON, mostly the wrong thing for wherever it lands. */
const wildJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom<unknown>(null, true, false, {}, [], [null], NESTED_DEEP, NESTED_DEEP_OBJECT, ...ODD_NUMBERS, ...ODD_STRINGS), weight: 4 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 1 },
);

// ---------------------------------------------------------------------------------------------------------
// Values a schema describes
// ---------------------------------------------------------------------------------------------------------

/** Calendar dates, mostly near today (many fields refuse the past), the edges of what YYYY-MM-DD can say among them. */
const dates = fc.oneof(
  { arbitrary: fc.integer({ min: -90, max: 400 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)), weight: 4 },
  { arbitrary: fc.date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), weight: 1 },
  { arbitrary: fc.constantFrom("0000-02-29", "0001-01-01", "0099-12-31", "0400-02-29", "1899-12-31", "2999-12-31", "9996-02-29", "9999-12-31"), weight: 1 },
);

function matching(pattern: string): fc.Arbitrary<string> | null {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return null;
  }
}

/** Strings `schema` allows: records that exist when the field names one, else generated to its pattern or format, edge lengths. */
function stringValue(schema: JsonSchema, field: string | undefined): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 1000;
  const pattern = schema.pattern ? new RegExp(schema.pattern) : null;
  const fits = (text: string) => text.length >= min && text.length <= max && (!pattern || pattern.test(text));
  let generated: fc.Arbitrary<string>;
  if (schema.format === "date") generated = dates;
  else if (schema.format === "uuid") generated = fc.uuid();
  else if (schema.format === "email") generated = fc.emailAddress().filter((e) => e.length <= max);
  else if (pattern) generated = (matching(schema.pattern!) ?? fc.constant("A")).filter(fits);
  else {
    const upTo = Math.max(min, Math.min(max, 60));
    generated = fc.oneof(
      fc.string({ minLength: min, maxLength: upTo }),
      fc.string({ unit: "grapheme", minLength: min, maxLength: upTo }),
      fc.constantFrom(...ODD_STRINGS.filter((odd) => fits(odd) && odd.isWellFormed() && !odd.includes("\u0000")), "w".repeat(Math.max(min, Math.min(max, 10_000)))),
    );
  }
  return fromPool(field ? (FIELD_COLLECTION[`${building}.${field}`] ?? FIELD_COLLECTION[field]) : undefined, fits, generated);
}

function numberValue(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : Number.MIN_SAFE_INTEGER);
  const min = Math.max(low, Number.MIN_SAFE_INTEGER);
  const max = Math.min(schema.maximum ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const inRange = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const small = fc.integer({ min: Math.max(Math.ceil(min), 0), max: Math.max(Math.ceil(min), Math.min(Math.floor(max), 1000)) });
  const edges = [Math.ceil(min), Math.floor(max), 0, 1, 2 ** 31 - 1, 2 ** 31].filter((n) => n >= min && n <= max);
  return fc.oneof({ arbitrary: small, weight: 3 }, { arbitrary: inRange, weight: 2 }, { arbitrary: fc.constantFrom(...edges), weight: 2 });
}

/** Only values `schema` describes (as far as a generator can tell), its edges among them. */
function validValue(schema: JsonSchema, field: string | undefined, depth: number): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => validValue(v, field, depth)));
  if (schema.allOf?.length) return validValue(Object.assign({}, ...schema.allOf) as JsonSchema, field, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((one) => validValue({ ...schema, type: one }, field, depth)));
  switch (type[0]) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return numberValue(schema, true);
    case "number":
      return numberValue(schema, false);
    case "string":
      return stringValue(schema, field);
    case "array": {
      const minLength = Math.min(schema.minItems ?? 0, 3);
      const item = schema.items && depth < 6 ? validValue(schema.items, field, depth + 1) : wildJson;
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)) });
    }
    case "object": {
      if (depth >= 6) return fc.constant({});
      const properties = schema.properties ?? {};
      const record = fc.record(Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, validValue(child, key, depth + 1)])), {
        requiredKeys: (schema.required ?? []).filter((key) => key in properties),
      });
      if (typeof schema.additionalProperties !== "object") return record;
      const extra = fc.dictionary(fc.string({ maxLength: 8 }), validValue(schema.additionalProperties, undefined, depth + 1), { maxKeys: 3 });
      return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
    }
    default:
      return wildJson;
  }
}

/** A deep copy of generated JSON (RawJson leaves are shared: they never change). */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (!value || typeof value !== "object" || value instanceof RawJson) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) Object.defineProperty(copy, key, { value: clone(child), enumerable: true, configurable: true, writable: true });
  return copy;
}

/** `value` with one thing wrong: a leaf (or the whole) replaced by wild JSON, a key dropped, or an odd key added. */
function mutated(value: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (node && typeof node === "object" && !(node instanceof RawJson)) for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(value, []);
  return fc.tuple(fc.nat(paths.length - 1), wildJson, fc.constantFrom("replace", "replace", "replace", "drop", "add")).map(([index, wild, how]) => {
    const path = paths[index]!;
    if (path.length === 0) return how === "replace" ? wild : value;
    const copy = clone(value) as Record<string | number, unknown>;
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy);
    const last = path.at(-1)!;
    if (how === "drop" && !Array.isArray(parent)) delete parent[last];
    else if (how === "add" && !Array.isArray(parent)) Object.defineProperty(parent, ODD_KEYS[index % ODD_KEYS.length]!, { value: wild, enumerable: true, configurable: true, writable: true });
    else parent[last] = wild;
    return copy;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------
const asText = (value: unknown) => (typeof value === "string" ? value : toJson(value));

/** A path segment sent as it is, not encoded: a malformed or odd percent-escape. */
class RawSegment {
  constructor(readonly text: string) {}
}
const ODD_SEGMENTS = ["%", "%ZZ", "%E0%A4%A", "%ED%A0%80", "%C0%AF", "%FF", "%00", "x%2Fy", "%20", "..", "null"].map((text) => new RawSegment(text));

/** The parts of a request, before they are written out. */
type Parts = { path: unknown[]; query: Record<string, unknown>; stray: readonly string[]; body: unknown };

/** A path parameter the schema takes: often an existing record of the collection before it in the path. */
function pathValue(op: Operation, name: string): fc.Arbitrary<unknown> {
  const statics = op.path.split("/");
  const collection = statics[statics.indexOf(`{${name}}`) - 1];
  const schema = op.parameters.find((p) => p.in === "path" && p.name === name)?.schema ?? { type: "string" };
  return fromPool(collection, () => true, validValue(schema, undefined, 0).map(asText), 4);
}

/** A request as the operation describes it: path parameters, some of its query parameters, its body. */
function cleanParts(op: Operation): fc.Arbitrary<Parts> {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  // A cursor is only ever one a list answered with: made-up ones are for the spoiled requests.
  const query = op.parameters.filter((p) => p.in === "query" && p.name !== "cursor");
  const hasBody = op.method !== "GET" && op.method !== "DELETE";
  return fc.record({
    path: fc.tuple(...names.map((name) => pathValue(op, name))),
    query: fc.record(Object.fromEntries(query.map((p) => [p.name, validValue(p.schema ?? {}, p.name, 0)])), { requiredKeys: [] }),
    stray: fc.constant<readonly string[]>([]),
    body: hasBody ? validValue(op.body ?? { type: "object" }, undefined, 0) : fc.constant(undefined),
  });
}

/** The same request with one thing wrong: in a path parameter, a query parameter, the query string or the body. */
function spoiled(op: Operation, parts: Parts): fc.Arbitrary<Parts> {
  const hasBody = op.body !== undefined || (op.method !== "GET" && op.method !== "DELETE");
  const queryNames = op.parameters.filter((p) => p.in === "query").map((p) => p.name);
  const where: fc.Arbitrary<Parts>[] = [
    fc.constantFrom(["__proto__=1"], ["limit=%"], ["a[b]=c"], ["limit=1&limit=2"], ["cursor=%ED%A0%80"], ["search=%00"], ["limit=99999999999999999999"]).map((stray) => ({ ...parts, stray })),
  ];
  if (parts.path.length) {
    where.push(
      fc.tuple(fc.nat(parts.path.length - 1), fc.oneof(fc.constantFrom(...ODD_SEGMENTS), wildJson)).map(([i, value]) => ({ ...parts, path: parts.path.map((v, j) => (i === j ? value : v)) })),
    );
  }
  if (queryNames.length) where.push(fc.tuple(fc.constantFrom(...queryNames), wildJson).map(([name, value]) => ({ ...parts, query: { ...parts.query, [name]: value } })));
  if (hasBody) where.push(mutated(parts.body).map((body) => ({ ...parts, body })), mutated(parts.body).map((body) => ({ ...parts, body })));
  return fc.oneof(...where);
}

/** Anything at all where the body goes, or a body that is not JSON. */
function wildParts(op: Operation, parts: Parts): fc.Arbitrary<Parts> {
  return fc.oneof(
    wildJson.map((body) => ({ ...parts, body })),
    fc.constantFrom("", "{", '{"a":1}}', "[]", "null", '"x"', "\u0000", `{}${" ".repeat(2000)}`, '{"a":1,"a":2}').map((text) => ({ ...parts, body: new RawJson(text) })),
  );
}

type FuzzRequest = { url: string; body?: string };

function render(op: Operation, parts: Parts): FuzzRequest {
  let i = 0;
  const path = op.path.replace(/\{\w+\}/g, () => {
    const value = parts.path[i++];
    return value instanceof RawSegment ? value.text : encode(asText(value));
  });
  const pairs = Object.entries(parts.query).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((one) => `${encode(name)}=${encode(asText(one))}`));
  const query = [...pairs, ...parts.stray].join("&");
  const hasBody = op.method !== "GET" && op.method !== "DELETE";
  return { url: `http://127.0.0.1${REST_BASE}${path}${query ? `?${query}` : ""}`, body: hasBody ? toJson(parts.body) : undefined };
}

/** Requests for an operation: as it describes them (reaching the use case), with one thing wrong, or wild. */
function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  building = collectionOf(op.path);
  const clean = cleanParts(op);
  return fc
    .oneof({ arbitrary: clean, weight: 4 }, { arbitrary: clean.chain((parts) => spoiled(op, parts)), weight: 5 }, { arbitrary: clean.chain((parts) => wildParts(op, parts)), weight: 1 })
    .map((parts) => render(op, parts));
}

function operations(): Operation[] {
  type Doc = { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> };
  const doc = getOpenApiDocument() as unknown as Doc;
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: op.requestBody?.content?.["application/json"]?.schema })),
  );
}

// ---------------------------------------------------------------------------------------------------------
let t: TestDb;
let adminKey = "";
let handler: ReturnType<typeof createRestHandler>;

async function send(method: string, request: FuzzRequest) {
  const headers: Record<string, string> = { authorization: `Bearer ${adminKey}` };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} ${request.url}: no answer within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
  });
  try {
    const response = await Promise.race([handler(new Request(request.url, { method, headers, body: request.body })), timeout]);
    return { status: response.status, text: await response.text() };
  } finally {
    clearTimeout(timer);
  }
}

const url = (path: string) => `http://127.0.0.1${REST_BASE}${path}`;

beforeAll(async () => {
  t = await createTestDb();
  handler = createRestHandler(async () => t.db);
  adminKey = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "fuzz admin", role: "admin" } })).key;
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "WEST", name: "WEST warehouse", address, priority: 20 } });
  // A few records of each kind to aim at, through the door itself; every answer's identifiers go into the pools.
  const post = async (path: string, body: unknown = {}) => {
    const { status, text } = await send("POST", { url: url(path), body: JSON.stringify(body) });
    if (status !== 200) throw new Error(`seeding POST ${path}: ${status} ${text}`);
    const json = JSON.parse(text) as Record<string, unknown>;
    harvest(json, collectionOf(path));
    return json;
  };
  const order = async (customer: string, sku: string, quantity: number, extra: Record<string, unknown> = {}) =>
    (await post("/orders", { customer, lines: [{ sku, quantity }], ...extra })).number as string;
  const shipmentsOf = async (number: string) =>
    ((await post(`/orders/${number}/shipments`, { warehouse: "EAST" })).shipments as { id: string }[]).map((s) => s.id);

  await order("ACME", "WASHER-M8", 2, { draft: true });
  await order("TIGHT", "BOLT-M8", 500); // over the credit limit: on hold, with an exception
  await shipmentsOf(await order("ACME", "BOLT-M8", 5)); // planned
  const delivered = await order("ACME", "NUT-M8", 8);
  for (const id of await shipmentsOf(delivered)) {
    await post(`/shipments/${id}/pick`);
    await post(`/shipments/${id}/ship`, { carrier: "UPS", trackingNumber: "1Z999" });
    await post(`/shipments/${id}/deliver`);
  }
  await post(`/orders/${delivered}/returns`, { lines: [{ sku: "NUT-M8", quantity: 1, reason: "damaged", disposition: "restock" }] });
  await post("/vendors", { code: "FASTCO", name: "Fastco", email: "orders@fastco.example" });
  await post("/transfers", { sku: "NUT-M8", from: "EAST", to: "WEST", quantity: 5 });
  for (const path of ["/orders", "/exceptions", "/shipments", "/invoices", "/returns", "/carriers", "/policies"]) {
    const { status, text } = await send("GET", { url: url(path) });
    if (status === 200) harvest(JSON.parse(text), collectionOf(path));
  }
});
afterAll(() => t?.cleanup());

/** What the fuzz found, each as the exact request: a 400 naming the field (or a normal answer), not a 500. */
// Before the fuzz, which changes the data these requests name.
describe("REST fuzz: its findings stay fixed", () => {
  const call = async (method: string, path: string, body?: unknown) => {
    const { status, text } = await send(method, { url: url(path), body: body === undefined ? undefined : JSON.stringify(body) });
    return { status, body: JSON.parse(text) as { error?: { code: string; details?: { fields?: Record<string, string[]> } } } & Record<string, unknown> };
  };
  const fieldsOf = (response: Awaited<ReturnType<typeof call>>) => Object.keys(response.body.error?.details?.fields ?? {});
  const product = (sku: string, extra: Record<string, unknown> = {}) => ({ sku, name: `${sku} part`, category: "Fasteners", listPrice: 100, cost: 50, ...extra });

  it("refuses a year PostgreSQL has not got (0000) in every kind of date field", async () => {
    for (const [method, path, body, field] of [
      ["GET", "/orders?from=0000-02-29", undefined, "from"],
      ["GET", "/receivables/aging?asOf=0000-02-29", undefined, "asOf"],
      ["GET", "/customers/ACME/statement?asOf=0000-02-29", undefined, "asOf"],
      ["GET", "/journal?from=0000-02-29&to=2026-01-31", undefined, "from"],
      ["POST", "/payments", { customer: "ACME", amount: 100, method: "cheque", receivedOn: "0000-02-29" }, "receivedOn"],
      ["POST", "/purchase-orders", { vendor: "FASTCO", warehouse: "EAST", expectedDate: "0000-02-29", lines: [{ sku: "BOLT-M8", quantity: 1 }] }, "expectedDate"],
      ["POST", "/orders", { customer: "ACME", requestedDate: "9999-12-31", lines: [{ sku: "BOLT-M8", quantity: 1 }] }, "requestedDate"],
    ] as const) {
      const response = await call(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(fieldsOf(response), `${method} ${path}`).toEqual([field]);
    }
  });

  it("refuses numbers beyond what their columns hold (int4, a percentage in basis points), naming the field", async () => {
    const heavy = await call("POST", "/products", product("FUZZ-HEAVY", { weightGrams: 2 ** 31 }));
    expect([heavy.status, fieldsOf(heavy)]).toEqual([400, ["weightGrams"]]);
    const version = await call("GET", "/policies/STANDARD?version=2147483648");
    expect([version.status, fieldsOf(version)]).toEqual([400, ["version"]]);
    const rule = await call("POST", "/discount-rules", { code: "FUZZ-BXGY", name: "Buy lots", buyQuantity: 2 ** 31, getQuantity: 1 });
    expect([rule.status, fieldsOf(rule)]).toEqual([400, ["buyQuantity"]]);
    const tiny = await call("POST", "/discount-rules", { code: "FUZZ-TINY", name: "Almost nothing off", percentOff: 0.0000148 });
    expect([tiny.status, fieldsOf(tiny)]).toEqual([400, ["percentOff"]]); // 0 basis points, which the table refuses
    const tier = await call("POST", "/price-lists", { code: "FUZZ-TIER", name: "Tiers", items: [{ sku: "BOLT-M8", minQuantity: 2 ** 31, unitPrice: 1 }] });
    expect([tier.status, fieldsOf(tier)]).toEqual([400, ["items.0.minQuantity"]]);
  });

  it("refuses an order or a quote whose amounts leave exact numbers, naming the line", async () => {
    const huge = { customer: "ACME", lines: [{ sku: "BOLT-M8", quantity: 1 }, { sku: "NUT-M8", quantity: 1_000_000, unitPrice: 9_007_199_254_740_991, overrideReason: "fuzz" }] };
    for (const path of ["/orders", "/quotes"]) {
      const response = await call("POST", path, huge);
      expect([response.status, fieldsOf(response)], path).toEqual([400, ["lines.1.unitPrice"]]);
    }
    const priced = await call("POST", "/products", product("FUZZ-PRICEY", { listPrice: 1_000_000_000 }));
    expect(priced.status).toBe(200);
    const fromList = await call("POST", "/orders", { customer: "ACME", draft: true, lines: [{ sku: "FUZZ-PRICEY", quantity: 1_000_000 }] });
    expect([fromList.status, fieldsOf(fromList)]).toEqual([400, ["lines.0.quantity"]]);
  });

  it("refuses a product's price or cost, and a purchase order, beyond what a purchase order's total can hold", async () => {
    for (const field of ["listPrice", "cost"]) {
      const response = await call("POST", "/products", product(`FUZZ-${field}`, { [field]: 9_007_199_254_740_991 }));
      expect([response.status, fieldsOf(response)], field).toEqual([400, [field]]);
    }
    const po = { vendor: "FASTCO", warehouse: "EAST", lines: [{ sku: "NUT-M8", quantity: 1 }, { sku: "BOLT-M8", quantity: 1_000_000, unitCost: 1_000_000_000 }] };
    const created = await call("POST", "/purchase-orders", po);
    expect([created.status, fieldsOf(created)]).toEqual([400, ["lines.1.quantity"]]);
    const draft = await call("POST", "/purchase-orders", { ...po, lines: po.lines.slice(0, 1) });
    expect(draft.status).toBe(200);
    const edited = await call("PATCH", `/purchase-orders/${String(draft.body.number)}`, { version: draft.body.version, lines: po.lines });
    expect([edited.status, fieldsOf(edited)]).toEqual([400, ["lines.1.quantity"]]);
  });

  it("files a new product under the category its name's code already has, instead of a 500 on the code", async () => {
    expect((await call("POST", "/products", product("FUZZ-HT-1", { category: "Hand-tools" }))).status).toBe(200);
    const second = await call("POST", "/products", product("FUZZ-HT-2", { category: "hand tools" }));
    expect(second.status).toBe(200);
    expect(second.body.category).toBe("Hand-tools");
  });
});

describe(`REST fuzz: never a 5xx, the server keeps answering (${RUNS} runs per operation, FUZZ_SEED=${SEED})`, () => {
  const ops = operations();

  it("fuzzes every operation of the OpenAPI document", () => {
    expect(ops.length).toBeGreaterThan(50);
  });

  ops.forEach((op, index) => {
    it(`${op.method} ${op.path}`, async () => {
      const collection = collectionOf(op.path);
      const details = await fc.check(
        fc.asyncProperty(requestFor(op), async (request) => {
          const { status, text } = await send(op.method, request);
          if (status >= 500) throw new Error(`answered ${status}: ${text.slice(0, 500)}`);
          if (status === 200 && text.length < 500_000) harvest(JSON.parse(text), collection);
        }),
        // Shrinking replays requests against a database the runs before changed; a bounded time is enough.
        { numRuns: RUNS, seed: SEED + index, interruptAfterTimeLimit: 30_000, markInterruptAsFailure: false },
      );
      if (details.failed) {
        const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        throw new Error(`${op.method} ${op.path} ${error}\nReplay: FUZZ_SEED=${SEED} (this operation's seed ${SEED + index}).\n${fc.defaultReportMessage(details)}`);
      }
      // Still answering: a normal call succeeds.
      const after = await send("GET", { url: url("/warehouses") });
      expect(after.status, after.text).toBe(200);
    });
  });
});
