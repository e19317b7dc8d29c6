import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "~/lib/dates";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import * as clock from "~/server/clock";
import { callerAs } from "~/test/caller";
import { createTestDb, type TestDb } from "~/test/db";
import { startRestServer } from "~/test/rest-server";
import { authenticateApiKey, createApiKey } from "./api-keys";
import { countApiKeyRequests, recordApiRequest } from "./request-log";
import { apiKeys } from "./schema";

const address = { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "US" };
const customer = (code: string) => ({ code, name: `${code} Inc`, segment: "retail", billingAddress: address });

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;

beforeAll(async () => {
  t = await createTestDb();
  api = await startRestServer(t.db);
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

describe("API keys: scopes, expiry and the request log", () => {
  it("a read-only key reads what its role may and changes nothing (403 naming the scope)", async () => {
    const { key, scope } = await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "reporting", role: "manager", scope: "read" } });
    expect(scope).toBe("read");
    expect((await api.call("GET", "/customers", { key })).status).toBe(200);
    const refused = await api.call("POST", "/customers", { key, body: customer("READONLY") });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/read-only/) });
    // The role still bounds it: a manager key may not read the journal, read-only or not.
    expect((await api.call("GET", "/journal", { key })).status).toBe(403);
    // A key with its role's writes (the default) changes what the role may.
    const writer = await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "shop", role: "manager" } });
    expect(writer.scope).toBe("write");
    expect((await api.call("POST", "/customers", { key: writer.key, body: customer("WRITER") })).status).toBe(200);
  });

  it("a key works through its last day and is refused (401) after it", async () => {
    const today = clock.today();
    await expect(createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "old", role: "rep", expiresOn: addDays(today, -1) } })).rejects.toMatchObject({
      details: { fields: { expiresOn: expect.any(Array) } },
    });
    const { key, id, expiresOn } = await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "trial", role: "rep", expiresOn: today } });
    expect(expiresOn).toBe(today);
    expect((await api.call("GET", "/customers", { key })).status).toBe(200);
    // Tomorrow (in the company's time zone) it no longer authenticates.
    expect(await authenticateApiKey(t.db, key, new Date(Date.now() + 36 * 3_600_000))).toBeNull();
    await t.db.update(apiKeys).set({ expiresOn: addDays(today, -1) }).where(eq(apiKeys.id, id));
    const expired = await api.call("GET", "/customers", { key });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
  });

  it("logs each call of a key (method, path, status, duration), newest first, for admins only", async () => {
    const { key, id } = await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "logged", role: "rep" } });
    await api.call("GET", "/customers?search=acme", { key });
    await api.call("GET", "/customers/NOPE-1", { key });
    await api.call("POST", "/customers", { key, body: { code: "" } });
    await api.call("GET", "/customers", { key: "od_not-a-key" }); // no key known: nothing to log against
    const log = await callerAs(t.db, "admin").integration.apiKeyRequests({ id });
    expect(log.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: "POST", path: "/customers", status: 400 },
      { method: "GET", path: "/customers/NOPE-1", status: 404 },
      { method: "GET", path: "/customers", status: 200 },
    ]);
    for (const entry of log) expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    await expect(callerAs(t.db, "manager").integration.apiKeyRequests({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps only a key's latest calls", async () => {
    const { id } = await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "busy", role: "rep" } });
    const other = await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "quiet", role: "rep" } });
    await recordApiRequest(t.db, other.id, { method: "GET", path: "/orders", status: 200, durationMs: 3 });
    for (let i = 1; i <= 8; i++) {
      await clock.runAt(new Date(Date.now() + i * 1000), () => recordApiRequest(t.db, id, { method: "GET", path: `/orders/SO-${i}`, status: 200, durationMs: i }, { keep: 5, pruneEvery: 1 }));
    }
    expect(await countApiKeyRequests(t.db, id)).toBe(5);
    const log = await callerAs(t.db, "admin").integration.apiKeyRequests({ id });
    expect(log.map((entry) => entry.path)).toEqual(["/orders/SO-8", "/orders/SO-7", "/orders/SO-6", "/orders/SO-5", "/orders/SO-4"]);
    // Another key's log is its own.
    expect(await countApiKeyRequests(t.db, other.id)).toBe(1);
  });
});
