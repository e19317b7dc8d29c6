import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "~/lib/dates";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { runAt, today } from "~/server/clock";
import { auditEvents } from "~/server/db/schema";
import { createApiKey } from "~/server/integration";
import { createOrder } from "~/server/orders/create-order";
import { setTaxRate } from "~/server/pricing/tax-and-limits";
import { callerAs } from "~/test/caller";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";
import { addTaxExemption } from "./add-tax-exemption";
import { createCustomer } from "./create-customer";
import { getCustomer } from "./get-customer";
import { removeTaxExemption } from "./remove-tax-exemption";
import { ZAddTaxExemptionInput } from "./schemas";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
const keys = { finance: "", rep: "" };

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  await setTaxRate({ db: t.db, actor: actors.admin, input: { country: "US", region: "NJ", taxCategory: "standard", ratePercent: 6.625 } });
  await setTaxRate({ db: t.db, actor: actors.admin, input: { country: "US", region: "NY", taxCategory: "standard", ratePercent: 4 } });
  api = await startRestServer(t.db);
  for (const role of ["finance", "rep"] as const) keys[role] = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: `${role} key`, role } })).key;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

const newCustomer = (code: string, taxExempt = false) =>
  createCustomer({
    db: t.db,
    actor: actors.admin,
    input: { code, name: `${code} Resale`, segment: "wholesale", demandClass: "B", currency: "USD", creditLimit: 100_000_000, paymentTermsDays: 30, taxExempt, billingAddress: address },
  });
const order = (customer: string, shipTo = address) =>
  createOrder({ db: t.db, actor: actors.rep, input: { customer, channel: "phone", shipTo, lines: [{ sku: "BOLT-M8", quantity: 10 }], draft: false } });
const taxSteps = (o: Awaited<ReturnType<typeof order>>) =>
  o.lines[0]!.priceExplanation.filter((s) => s.step === "tax" || s.step === "exemption_expired").map((s) => s.description);

describe("tax exemption certificates", () => {
  it("finance records one: listed on the customer with its status, audited; orders shipped to its state are not taxed", async () => {
    await newCustomer("RESALE-NJ");
    const expiresOn = addDays(today(), 200);
    const customer = await addTaxExemption({
      db: t.db,
      actor: actors.finance,
      // As a form sends it: the schema upper-cases the number and the state.
      input: ZAddTaxExemptionInput.parse({ code: "RESALE-NJ", certificateNumber: "rx-123", region: "nj", issuedOn: "2025-01-01", expiresOn }),
    });
    expect(customer.taxExempt).toBe(true);
    expect(customer.taxExemptions).toEqual([
      expect.objectContaining({ certificateNumber: "RX-123", country: "US", region: "NJ", issuedOn: "2025-01-01", expiresOn, status: "valid", days: 200, addedBy: "Fran Finance" }),
    ]);
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, "RESALE-NJ"), eq(auditEvents.action, "tax_exemption_added")));
    expect(audit).toMatchObject({ actor: "Fran Finance", after: expect.objectContaining({ certificateNumber: "RX-123", region: "NJ" }) });

    const nj = await order("RESALE-NJ");
    expect(nj.taxTotal).toBe(0);
    expect(taxSteps(nj)).toEqual([`Tax exempt: certificate RX-123 for NJ, valid until ${expiresOn}`]);
    const ny = await order("RESALE-NJ", { ...address, region: "NY", city: "Albany", postalCode: "12207" });
    expect(ny.taxTotal).toBeGreaterThan(0);
  });

  it("an order dated after the expiry is taxed, and its explanation says why", async () => {
    await newCustomer("LAPSED");
    await addTaxExemption({ db: t.db, actor: actors.finance, input: { code: "LAPSED", certificateNumber: "RX-9", country: "US", region: "NJ", issuedOn: "2024-01-01", expiresOn: addDays(today(), 10) } });
    const expiry = addDays(today(), 10);
    // On the expiry day still exempt; the day after taxed (the order's date is the app clock's).
    const onTheDay = await runAt(new Date(`${expiry}T15:00:00Z`), () => order("LAPSED"));
    expect(onTheDay.taxTotal).toBe(0);
    const after = await runAt(new Date(`${addDays(expiry, 1)}T15:00:00Z`), () => order("LAPSED"));
    expect(after.taxTotal).toBe(Math.round(after.subtotal * 0.06625 - after.discountTotal * 0.06625));
    expect(taxSteps(after)).toEqual([`Exemption certificate RX-9 expired on ${expiry}`, "Tax 6.625% for standard goods in NJ, US"]);
    const lapsed = await runAt(new Date(`${addDays(expiry, 1)}T15:00:00Z`), () => getCustomer({ db: t.db, code: "LAPSED" }));
    expect(lapsed.taxExemptions[0]).toMatchObject({ status: "expired", days: 1 });
    expect(lapsed.taxExempt).toBe(false);
  });

  it("refuses a bad state, an expiry before the issue date and an unknown customer, naming the field", async () => {
    const finance = callerAs(t.db, "finance");
    const good = { code: "RESALE-NJ", certificateNumber: "RX-500", region: "NJ", issuedOn: "2026-01-01", expiresOn: "2027-01-01" };
    await expect(finance.customers.addTaxExemption({ ...good, region: "ZZ" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const state = await api.call("POST", "/customers/RESALE-NJ/tax-exemptions", { key: keys.finance, body: { ...good, region: "ZZ" } });
    expect(state.status).toBe(400);
    expect(state.body.error.details.fields.region).toEqual([expect.stringMatching(/US state code/)]);
    const rest = await api.call("POST", "/customers/RESALE-NJ/tax-exemptions", { key: keys.finance, body: { ...good, expiresOn: "2025-12-31" } });
    expect(rest.status).toBe(400);
    expect(rest.body.error.details.fields).toHaveProperty("expiresOn");
    const badDate = await api.call("POST", "/customers/RESALE-NJ/tax-exemptions", { key: keys.finance, body: { ...good, issuedOn: "2026-02-30" } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details.fields).toHaveProperty("issuedOn");
    expect((await api.call("POST", "/customers/NOBODY/tax-exemptions", { key: keys.finance, body: good })).status).toBe(404);
    expect((await api.call("POST", "/customers/RESALE-NJ/tax-exemptions", { key: keys.rep, body: good })).status).toBe(403);
    // The same number for the same state twice: a 409 naming the field.
    const again = await api.call("POST", "/customers/RESALE-NJ/tax-exemptions", { key: keys.finance, body: { ...good, certificateNumber: "RX-123" } });
    expect(again.status).toBe(409);
    expect(again.body.error.details.fields).toHaveProperty("certificateNumber");
  });

  it("REST: added without expiry, listed in GET /customers/{code}, removed with DELETE (audited)", async () => {
    await newCustomer("PUBLIC");
    const added = await api.call("POST", "/customers/PUBLIC/tax-exemptions", { key: keys.finance, body: { certificateNumber: "GOV-1", region: "ALL", issuedOn: "2020-06-01" } });
    expect(added.status).toBe(200);
    const got = await api.call("GET", "/customers/PUBLIC", { key: keys.rep });
    expect(got.body.taxExemptions).toEqual([expect.objectContaining({ certificateNumber: "GOV-1", region: "ALL", expiresOn: null, status: "valid", days: null })]);
    expect(got.body.taxExempt).toBe(true);
    const tx = await order("PUBLIC", { ...address, region: "TX", city: "Austin", postalCode: "73301" });
    expect(taxSteps(tx)).toEqual(["Tax exempt: certificate GOV-1 for all of US, no expiry"]);

    const id = got.body.taxExemptions[0].id as string;
    expect((await api.call("DELETE", `/customers/PUBLIC/tax-exemptions/${id}`, { key: keys.rep })).status).toBe(403);
    const removed = await api.call("DELETE", `/customers/PUBLIC/tax-exemptions/${id}`, { key: keys.finance });
    expect(removed.status).toBe(200);
    expect(removed.body.taxExemptions).toEqual([]);
    expect((await api.call("DELETE", `/customers/PUBLIC/tax-exemptions/${id}`, { key: keys.finance })).status).toBe(404);
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, "PUBLIC"), eq(auditEvents.action, "tax_exemption_removed")));
    expect(audit?.before).toMatchObject({ certificateNumber: "GOV-1", region: "ALL" });
    expect((await order("PUBLIC")).taxTotal).toBeGreaterThan(0);
    // Another customer's certificate id is not found through this one.
    const other = (await getCustomer({ db: t.db, code: "RESALE-NJ" })).taxExemptions[0]!.id;
    await expect(removeTaxExemption({ db: t.db, actor: actors.finance, input: { code: "PUBLIC", id: other } })).rejects.toMatchObject({ kind: "not_found" });
  });

  it("creating a customer with taxExempt: true (existing clients) records a country-wide ON-FILE certificate", async () => {
    const created = await newCustomer("OLD-CLIENT", true);
    expect(created.taxExempt).toBe(true);
    expect(created.taxExemptions).toEqual([expect.objectContaining({ certificateNumber: "ON-FILE", region: "ALL", country: "US", expiresOn: null, issuedOn: today() })]);
    expect((await order("OLD-CLIENT")).taxTotal).toBe(0);
  });
});
