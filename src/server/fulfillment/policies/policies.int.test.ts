import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createApiKey } from "~/server/integration";
import { createTestDb, type TestDb } from "~/test/db";
import { startRestServer } from "~/test/rest-server";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
const keys = { admin: "", rep: "" };

beforeAll(async () => {
  t = await createTestDb();
  api = await startRestServer(t.db);
  keys.admin = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "admin", role: "admin" } })).key;
  keys.rep = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "desk", role: "rep" } })).key;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

describe("REST: orchestration policies", () => {
  it("ships with Standard (the default), Prepaid, Drop-ship and Will-call, readable by every role", async () => {
    const res = await api.call("GET", "/policies", { key: keys.rep });
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { code: string }) => p.code)).toEqual(["STANDARD", "DROP_SHIP", "PREPAID", "WILL_CALL"]);
    expect(res.body.items[0]).toMatchObject({ isDefault: true, version: 1, updatedBy: "System" });
    expect(res.body.items.find((p: { code: string }) => p.code === "PREPAID").steps.map((s: { kind: string }) => s.kind)).toEqual(["invoice", "paid", "reserve", "pick", "pack", "ship"]);
  });

  it("saves an edit as a new version; the old version stays readable; a stale edit is refused naming who saved", async () => {
    const standard = (await api.call("GET", "/policies/STANDARD", { key: keys.admin })).body;
    const steps = standard.steps.map((s: { kind: string }) => (s.kind === "pick" ? { ...s, duration: { amount: 24, unit: "hours" } } : s));
    const saved = await api.call("PUT", "/policies/STANDARD", { key: keys.admin, body: { version: 1, steps } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ code: "STANDARD", version: 2, updatedBy: "API key admin" });
    expect(saved.body.steps.find((s: { kind: string }) => s.kind === "pick").duration).toEqual({ amount: 24, unit: "hours" });
    const first = await api.call("GET", "/policies/STANDARD?version=1", { key: keys.rep });
    expect(first.body.steps.find((s: { kind: string }) => s.kind === "pick").duration).toEqual({ amount: 8, unit: "hours" });

    const stale = await api.call("PUT", "/policies/STANDARD", { key: keys.admin, body: { version: 1, steps } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "STALE_VERSION" });
    expect(stale.body.error.message).toMatch(/version 2 by API key admin/);
  });

  it("refuses steps out of order, a bad duration or a role that may not edit, naming the field", async () => {
    const badOrder = await api.call("PUT", "/policies/WILL_CALL", {
      key: keys.admin,
      body: { version: 1, steps: [{ kind: "pick", duration: { amount: 1, unit: "hours" }, owner: "warehouse" }, { kind: "reserve", duration: { amount: 1, unit: "hours" }, owner: "rep" }] },
    });
    expect(badOrder.status).toBe(400);
    expect(badOrder.body.error.details.fields.steps).toEqual(["Pick cannot come before Reserve."]);
    const negative = await api.call("PUT", "/policies/WILL_CALL", { key: keys.admin, body: { version: 1, steps: [{ kind: "reserve", duration: { amount: -2, unit: "hours" }, owner: "rep" }] } });
    expect(negative.status).toBe(400);
    expect(Object.keys(negative.body.error.details.fields)).toEqual(["steps.0.duration.amount"]);
    const rep = await api.call("PUT", "/policies/WILL_CALL", { key: keys.rep, body: { version: 1, steps: [{ kind: "reserve", duration: { amount: 1, unit: "hours" }, owner: "rep" }] } });
    expect(rep.status).toBe(403);
    expect((await api.call("GET", "/policies/WILL_CALL", { key: keys.rep })).body.version).toBe(1);
  });

  it("copies a policy under a new code; a code in use or an unknown source is a 400 on its field", async () => {
    const copy = await api.call("POST", "/policies", { key: keys.admin, body: { from: "prepaid", code: "prepaid-eu", name: "Prepaid (EU)" } });
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ code: "PREPAID-EU", name: "Prepaid (EU)", version: 1, isDefault: false });
    expect(copy.body.steps).toEqual((await api.call("GET", "/policies/PREPAID", { key: keys.admin })).body.steps);
    const again = await api.call("POST", "/policies", { key: keys.admin, body: { from: "PREPAID", code: "PREPAID-EU", name: "Again" } });
    expect(again.status).toBe(400);
    expect(again.body.error.details.fields).toHaveProperty("code");
    const unknown = await api.call("POST", "/policies", { key: keys.admin, body: { from: "NOPE", code: "NEW-ONE", name: "New" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.fields).toHaveProperty("from");
    expect((await api.call("GET", "/policies/NOPE", { key: keys.admin })).status).toBe(404);
  });

  it("keeps the rules that choose a policy and the transit table, refusing bad rows by field", async () => {
    const rules = [
      { policyCode: "PREPAID", channels: ["web"], segments: ["retail"] },
      { policyCode: "WILL_CALL", channels: ["field_sales"], minTotal: 10_000, maxTotal: 500_000 },
    ];
    const saved = await api.call("PUT", "/policy-rules", { key: keys.admin, body: { rules } });
    expect(saved.status).toBe(200);
    expect(saved.body.items).toEqual([
      { policyCode: "PREPAID", channels: ["web"], segments: ["retail"], categories: [], minTotal: null, maxTotal: null },
      { policyCode: "WILL_CALL", channels: ["field_sales"], segments: [], categories: [], minTotal: 10_000, maxTotal: 500_000 },
    ]);
    expect((await api.call("GET", "/policy-rules", { key: keys.rep })).body.items).toHaveLength(2);

    const unknownPolicy = await api.call("PUT", "/policy-rules", { key: keys.admin, body: { rules: [{ policyCode: "NOPE" }] } });
    expect(unknownPolicy.status).toBe(400);
    expect(unknownPolicy.body.error.details.fields).toHaveProperty(["rules.0.policyCode"]);
    const hiding = await api.call("PUT", "/policy-rules", { key: keys.admin, body: { rules: [{ policyCode: "PREPAID" }, { policyCode: "WILL_CALL", channels: ["web"] }] } });
    expect(hiding.status).toBe(400);
    expect(hiding.body.error.details.fields).toHaveProperty(["rules.0"]);
    const wrongType = await api.call("PUT", "/policy-rules", { key: keys.admin, body: { rules: [{ policyCode: "PREPAID", channels: "web" }] } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.fields).toHaveProperty(["rules.0.channels"]);
    expect((await api.call("PUT", "/policy-rules", { key: keys.rep, body: { rules: [] } })).status).toBe(403);
    expect((await api.call("GET", "/policy-rules", { key: keys.rep })).body.items).toHaveLength(2);

    const unknownWarehouse = await api.call("PUT", "/transit-times", { key: keys.admin, body: { times: [{ warehouse: "NOWHERE", region: "NJ", days: 2 }] } });
    expect(unknownWarehouse.status).toBe(400);
    expect(unknownWarehouse.body.error.details.fields).toHaveProperty(["times.0.warehouse"]);
    const tooLong = await api.call("PUT", "/transit-times", { key: keys.admin, body: { times: [{ warehouse: "NOWHERE", region: "NJ", days: 99 }] } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.fields).toHaveProperty(["times.0.days"]);
    const nul = await api.call("PUT", "/policy-rules", { key: keys.admin, body: { rules: [{ policyCode: "PREPAID", categories: ["FAS\u0000"] }] } });
    expect(nul.status).toBe(400);
    expect((await api.call("GET", "/transit-times", { key: keys.rep })).body.items).toEqual([]);
  });
});
