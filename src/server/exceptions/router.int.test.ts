import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createUser } from "~/server/auth/users";
import { createApiKey } from "~/server/integration";
import { createTestDb, type TestDb } from "~/test/db";
import { address, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
let desk = "";
let warehouse = "";
let repId = "";

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  api = await startRestServer(t.db);
  desk = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "desk", role: "manager" } })).key;
  warehouse = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "dock", role: "warehouse" } })).key;
  repId = (await createUser({ db: t.db, input: { email: "rita@test.local", name: "Rita Rep", role: "rep", password: "not used here" } })).id;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

describe("REST: exceptions (docs/api.md)", () => {
  it("lists, assigns, comments, resolves, reopens and dismisses; the order holds and releases with them", async () => {
    const created = await api.call("POST", "/orders", { key: desk, body: { customer: "ACME", lines: [{ sku: "BOLT-M8", quantity: 2 }], shipTo: { ...address, postalCode: "NOPE" } } });
    expect(created.body.status).toBe("on_hold");
    const number = created.body.number as string;

    const list = await api.call("GET", `/exceptions?order=${number}&type=address_hold`, { key: warehouse });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ type: "address_hold", status: "open", team: "rep", order: number, customer: "ACME", slaState: "later", assignee: null })]);
    const id = list.body.items[0].id as string;

    expect((await api.call("POST", `/exceptions/${id}/assign`, { key: warehouse, body: { assignee: "me" } })).status).toBe(403);
    // An API key is nobody: it cannot take one, and "mine" is its team's unassigned ones.
    const keyTakes = await api.call("POST", `/exceptions/${id}/assign`, { key: desk, body: { assignee: "me" } });
    expect(keyTakes.status).toBe(400);
    expect(keyTakes.body.error.details.fields.assignee).toBeDefined();
    expect((await api.call("GET", "/exceptions?view=mine&assignee=me", { key: desk })).body.items).toEqual([]);
    const assigned = await api.call("POST", `/exceptions/${id}/assign`, { key: desk, body: { assignee: repId } });
    expect(assigned.body).toEqual({ ids: [id], assignee: { id: repId, name: "Rita Rep" } });
    expect((await api.call("GET", `/exceptions?assignee=${repId}`, { key: desk })).body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    expect((await api.call("POST", `/exceptions/${id}/comment`, { key: desk, body: { note: "" } })).body.error.details.fields.note).toBeDefined();
    expect((await api.call("POST", `/exceptions/${id}/comment`, { key: desk, body: { note: "Customer is checking" } })).status).toBe(200);

    const wrong = await api.call("POST", `/exceptions/${id}/resolve`, { key: desk, body: { action: "approve" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields.action).toBeDefined();
    expect((await api.call("POST", `/exceptions/${id}/resolve`, { key: desk, body: { action: "verified", note: "Checked with the carrier" } })).status).toBe(200);
    expect((await api.call("GET", `/orders/${number}`, { key: desk })).body.status).toBe("open");

    expect((await api.call("POST", `/exceptions/${id}/reopen`, { key: desk, body: { note: "Label rejected" } })).status).toBe(200);
    expect((await api.call("GET", `/orders/${number}`, { key: desk })).body.status).toBe("on_hold");
    expect((await api.call("POST", `/exceptions/${id}/dismiss`, { key: desk, body: {} })).status).toBe(400);
    expect((await api.call("POST", `/exceptions/${id}/dismiss`, { key: desk, body: { reason: "Carrier fixed it" } })).status).toBe(200);

    const detail = await api.call("GET", `/exceptions/${id}`, { key: desk });
    expect(detail.body.history.map((h: { type: string }) => h.type)).toEqual(["opened", "assigned", "commented", "resolved", "reopened", "dismissed"]);
    expect(detail.body.actions.map((a: { action: string }) => a.action)).toEqual(["verified", "fixed"]);
    expect((await api.call("GET", `/exceptions/not-a-uuid`, { key: desk })).status).toBe(400);
    expect((await api.call("GET", `/exceptions/00000000-0000-0000-0000-000000000000`, { key: desk })).status).toBe(404);
  });

  it("serves the dashboard to managers only", async () => {
    const dashboard = await api.call("GET", "/dashboards/exceptions", { key: desk });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body).toMatchObject({ open: { total: expect.any(Number) }, trend: expect.any(Array) });
    expect((await api.call("GET", "/dashboards/exceptions", { key: warehouse })).status).toBe(403);
  });
});
