import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { auditEvents } from "~/server/db/schema";
import { createApiKey } from "~/server/integration";
import { createOrder } from "~/server/orders/create-order";
import { archiveReferenceValue } from "~/server/settings/archive-reference-value";
import { callerAs } from "~/test/caller";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";
import { createCustomer } from "./create-customer";
import { getCustomer } from "./get-customer";
import { listCustomers } from "./list-customers";
import { setCreditLimit } from "./set-credit-limit";
import { setCustomerArchived } from "./set-customer-archived";
import { updateCustomer } from "./update-customer";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
const keys = { rep: "", finance: "", manager: "" };

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  api = await startRestServer(t.db);
  for (const role of ["rep", "finance", "manager"] as const) keys[role] = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: `${role} key`, role } })).key;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

const newCustomer = (code: string, creditLimit = 100_000_000) =>
  createCustomer({
    db: t.db,
    actor: actors.manager,
    input: { code, name: `${code} Supply`, segment: "wholesale", demandClass: "B", currency: "USD", creditLimit, paymentTermsDays: 30, taxExempt: false, email: "buyer@example.com", billingAddress: address },
  });
const orderFor = (customer: string, quantity = 10) =>
  createOrder({ db: t.db, actor: actors.rep, input: { customer, channel: "phone", lines: [{ sku: "BOLT-M8", quantity }], draft: false } });
const auditOf = (code: string, action: string) =>
  t.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "customer"), eq(auditEvents.entityId, code), eq(auditEvents.action, action)));

describe("editing a customer", () => {
  it("changes the details given, keeps the rest, audits what changed; orders keep the address they were entered with", async () => {
    const created = await newCustomer("EDIT-1");
    const before = await orderFor("EDIT-1");
    const moved = { line1: "9 Harbor Way", city: "Hoboken", region: "NJ", postalCode: "07030", country: "US" };
    const edited = await updateCustomer({
      db: t.db,
      actor: actors.rep,
      input: { code: "EDIT-1", version: created.version, name: "Edit One Supply", billingEmail: "ap@example.com", phone: "+1 201 555 0100", shippingAddress: moved },
    });
    expect(edited).toMatchObject({ name: "Edit One Supply", billingEmail: "ap@example.com", email: "buyer@example.com", phone: "+1 201 555 0100", shippingAddress: moved, billingAddress: address, segment: "wholesale" });
    expect(edited.version).toBe(created.version + 1);
    const [audit] = await auditOf("EDIT-1", "updated");
    expect(audit).toMatchObject({
      actor: actors.rep.name,
      before: { name: "EDIT-1 Supply", billingEmail: null, phone: null, shippingAddress: address },
      after: { name: "Edit One Supply", billingEmail: "ap@example.com", phone: "+1 201 555 0100", shippingAddress: moved },
    });
    // The order entered before ships where it said; a new one ships to the new address.
    const reread = await callerAs(t.db, "rep").orders.get({ number: before.number });
    expect(reread.shipTo).toEqual(address);
    expect((await orderFor("EDIT-1")).shipTo).toEqual(moved);

    // null clears an optional field; an edit that changes nothing writes nothing.
    const cleared = await updateCustomer({ db: t.db, actor: actors.rep, input: { code: "EDIT-1", phone: null } });
    expect(cleared.phone).toBeNull();
    const same = await updateCustomer({ db: t.db, actor: actors.rep, input: { code: "EDIT-1", name: "Edit One Supply" } });
    expect(same.version).toBe(cleared.version);
    expect(await auditOf("EDIT-1", "updated")).toHaveLength(2);
  });

  it("refuses an edit based on an older version, a bad e-mail, an unknown or archived segment, naming the field", async () => {
    const created = await newCustomer("EDIT-2");
    await updateCustomer({ db: t.db, actor: actors.rep, input: { code: "EDIT-2", version: created.version, name: "First edit" } });
    const stale = await api.call("PATCH", "/customers/EDIT-2", { key: keys.rep, body: { version: created.version, name: "Second edit" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "STALE_VERSION", details: { currentVersion: created.version + 1, yourVersion: created.version } });
    expect((await getCustomer({ db: t.db, code: "EDIT-2" })).name).toBe("First edit");

    const email = await api.call("PATCH", "/customers/EDIT-2", { key: keys.rep, body: { billingEmail: "not an address" } });
    expect(email.status).toBe(400);
    expect(email.body.error.details.fields).toHaveProperty("billingEmail");
    const address = await api.call("PATCH", "/customers/EDIT-2", { key: keys.rep, body: { billingAddress: { line1: "", city: "X", postalCode: "1", country: "USA" } } });
    expect(address.status).toBe(400);
    expect(Object.keys(address.body.error.details.fields)).toEqual(expect.arrayContaining(["billingAddress.line1", "billingAddress.country"]));
    const segment = await api.call("PATCH", "/customers/EDIT-2", { key: keys.rep, body: { segment: "nope" } });
    expect(segment.status).toBe(400);
    expect(segment.body.error.details.fields.segment).toEqual([expect.stringMatching(/no active segment/)]);
    expect((await api.call("PATCH", "/customers/NOBODY", { key: keys.rep, body: { name: "X" } })).status).toBe(404);
  });

  it("keeps an archived segment on a customer that has it, but does not let one be chosen anew", async () => {
    await createCustomer({
      db: t.db,
      actor: actors.admin,
      input: { code: "EDIT-3", name: "Edit Three", segment: "contractor", demandClass: "B", currency: "USD", creditLimit: 0, paymentTermsDays: 30, taxExempt: false, billingAddress: address },
    });
    await archiveReferenceValue({ db: t.db, actor: actors.admin, input: { kind: "segments", code: "contractor" }, archived: true });
    const kept = await updateCustomer({ db: t.db, actor: actors.rep, input: { code: "EDIT-3", segment: "contractor", name: "Edit Three Co" } });
    expect(kept).toMatchObject({ segment: "contractor", name: "Edit Three Co" });
    await expect(updateCustomer({ db: t.db, actor: actors.rep, input: { code: "EDIT-1", segment: "contractor" } })).rejects.toMatchObject({ details: { fields: { segment: [expect.stringMatching(/archived/)] } } });
  });
});

describe("credit limit", () => {
  it("a rep opens an account at 0: a limit above it is for finance, managers and admins", async () => {
    const refused = await api.call("POST", "/customers", {
      key: keys.rep,
      body: { code: "REP-1", name: "Rep's Account", segment: "wholesale", creditLimit: 500_00, billingAddress: address },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "CREDIT_LIMIT_NOT_ALLOWED", details: { fields: { creditLimit: [expect.any(String)] } } });
    const opened = await api.call("POST", "/customers", { key: keys.rep, body: { code: "REP-1", name: "Rep's Account", segment: "wholesale", billingAddress: address } });
    expect(opened.status).toBe(200);
    expect(opened.body.creditLimit).toBe(0);
  });

  it("finance sets it with a reason (audited); the next order is checked against it; reps may not", async () => {
    await newCustomer("CREDIT-1", 1_000);
    expect((await orderFor("CREDIT-1", 10)).status).toBe("on_hold");
    const raised = await api.call("PUT", "/customers/CREDIT-1/credit-limit", { key: keys.finance, body: { creditLimit: 100_000_000, reason: "Bank guarantee received" } });
    expect(raised.status).toBe(200);
    expect(raised.body.creditLimit).toBe(100_000_000);
    // (Other lines than the held order: the same lines again the same day would be held as a duplicate.)
    expect((await orderFor("CREDIT-1", 12)).status).toBe("open");
    const [audit] = await auditOf("CREDIT-1", "credit_limit_changed");
    expect(audit).toMatchObject({ before: { creditLimit: 1_000 }, after: { creditLimit: 100_000_000, reason: "Bank guarantee received" } });

    expect((await api.call("PUT", "/customers/CREDIT-1/credit-limit", { key: keys.rep, body: { creditLimit: 0, reason: "x" } })).status).toBe(403);
    const negative = await api.call("PUT", "/customers/CREDIT-1/credit-limit", { key: keys.finance, body: { creditLimit: -5, reason: "x" } });
    expect(negative.status).toBe(400);
    expect(negative.body.error.details.fields).toHaveProperty("creditLimit");
    const noReason = await api.call("PUT", "/customers/CREDIT-1/credit-limit", { key: keys.finance, body: { creditLimit: 5 } });
    expect(noReason.body.error.details.fields).toHaveProperty("reason");
    // The same limit again changes nothing.
    await setCreditLimit({ db: t.db, actor: actors.finance, input: { code: "CREDIT-1", creditLimit: 100_000_000, reason: "again" } });
    expect(await auditOf("CREDIT-1", "credit_limit_changed")).toHaveLength(1);
  });
});

describe("archiving", () => {
  it("an archived customer gets no new orders and leaves the list; restored, it is back", async () => {
    await newCustomer("GONE-1");
    const open = await orderFor("GONE-1");
    expect((await api.call("PUT", "/customers/GONE-1/archived", { key: keys.rep, body: { archived: true } })).status).toBe(403);
    const archived = await api.call("PUT", "/customers/GONE-1/archived", { key: keys.manager, body: { archived: true } });
    expect(archived.body.isArchived).toBe(true);
    await expect(orderFor("GONE-1")).rejects.toMatchObject({ details: { fields: { customer: [expect.stringMatching(/archived/)] } } });
    const codes = async (status: "active" | "archived") => (await listCustomers({ db: t.db, input: { limit: 200, status } })).items.map((c) => c.code);
    expect(await codes("active")).not.toContain("GONE-1");
    expect(await codes("archived")).toEqual(["GONE-1"]);
    // Its open order goes on.
    expect((await callerAs(t.db, "rep").orders.get({ number: open.number })).status).toBe("open");

    await setCustomerArchived({ db: t.db, actor: actors.manager, input: { code: "GONE-1", archived: false } });
    expect(await codes("active")).toContain("GONE-1");
    expect((await orderFor("GONE-1", 12)).status).toBe("open");
    expect((await auditOf("GONE-1", "archived")).length + (await auditOf("GONE-1", "restored")).length).toBe(2);
  });
});
