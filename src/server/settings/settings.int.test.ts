import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { auditEvents } from "~/server/db/schema";
import { createApiKey } from "~/server/integration";
import { savePriceList } from "~/server/pricing/price-lists";
import { setTaxRate } from "~/server/pricing/tax-and-limits";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
let admin = "";
let rep = "";

beforeAll(async () => {
  t = await createTestDb();
  api = await startRestServer(t.db);
  admin = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "settings admin", role: "admin" } })).key;
  rep = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "settings rep", role: "rep" } })).key;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

const customer = (code: string, segment: unknown) =>
  api.call("POST", "/customers", { key: rep, body: { code, name: `${code} account`, segment, billingAddress: address } });
const product = (sku: string, fields: Record<string, unknown>) =>
  api.call("POST", "/products", { key: admin, body: { sku, name: `${sku} part`, category: "Medical", listPrice: 1000, cost: 500, ...fields } });

describe("settings: the lists every database starts with", () => {
  it("has the former enums' values, and the units' UN/ECE Rec 20 aliases", async () => {
    const segments = await api.call("GET", "/settings/segments", { key: rep });
    expect(segments.status).toBe(200);
    expect(segments.body.items.map((s: { code: string }) => s.code).sort()).toEqual(["contractor", "industrial", "retail", "wholesale"]);
    const taxCategories = await api.call("GET", "/settings/tax-categories", { key: rep });
    expect(taxCategories.body.items.map((s: { code: string }) => s.code).sort()).toEqual(["exempt", "reduced", "standard", "zero"]);
    const units = await api.call("GET", "/settings/units", { key: rep });
    const aliases = Object.fromEntries(units.body.items.map((u: { code: string; aliases: string[] }) => [u.code, u.aliases]));
    expect(aliases).toMatchObject({ each: ["C62", "EA", "H87"], box: ["BX"], case: ["CS"], pallet: ["PF"], kg: ["KGM"], m: ["MTR"], l: ["LTR"] });
  });
});

describe("settings: an admin adds a segment, and it is usable at once", () => {
  it("adds Hospitals (the code lower-cased), audited; a customer and a price list take it", async () => {
    const added = await api.call("POST", "/settings/segments", { key: admin, body: { code: "Hospitals", name: "Hospitals" } });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ code: "hospitals", name: "Hospitals", aliases: [], isArchived: false, version: 1 });
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, "hospitals"));
    expect(audit).toMatchObject({ entityType: "segment", action: "created", actor: "API key settings admin" });

    const made = await customer("MERCY", "hospitals");
    expect(made.status).toBe(200);
    expect(made.body.segment).toBe("hospitals");
    const list = await api.call("POST", "/price-lists", { key: admin, body: { code: "HOSP-2027", name: "Hospitals 2027", segment: "hospitals" } });
    expect(list.status).toBe(200);
    expect(list.body.segment).toBe("hospitals");
  });

  it("refuses the same code twice (409 naming code), and a rep adding one (403)", async () => {
    const again = await api.call("POST", "/settings/segments", { key: admin, body: { code: "hospitals", name: "Hospitals again" } });
    expect(again.status).toBe(409);
    expect(again.body.error.details.fields.code).toEqual(["a segment with code 'hospitals' already exists"]);
    const byRep = await api.call("POST", "/settings/segments", { key: rep, body: { code: "schools", name: "Schools" } });
    expect(byRep.status).toBe(403);
  });

  it("renames a value; its code stays", async () => {
    const renamed = await api.call("PATCH", "/settings/segments/hospitals", { key: admin, body: { name: "Hospitals & clinics", version: 1 } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ code: "hospitals", name: "Hospitals & clinics", version: 2 });
    const stale = await api.call("PATCH", "/settings/segments/hospitals", { key: admin, body: { name: "Hospitals", version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("STALE_VERSION");
  });
});

describe("settings: unknown and archived codes are a 400 naming the field", () => {
  it("refuses an unknown segment, unit and tax category", async () => {
    const unknown = await customer("NOPE", "xyz");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("segment: no active segment with code 'xyz'");
    expect(unknown.body.error.details.fields).toEqual({ segment: ["no active segment with code 'xyz'"] });
    const unit = await product("NOPE-1", { unit: "parsec" });
    expect(unit.status).toBe(400);
    expect(unit.body.error.details.fields).toEqual({ unit: ["no active unit with code 'parsec'"] });
    const tax = await product("NOPE-2", { taxCategory: "food" });
    expect(tax.status).toBe(400);
    expect(tax.body.error.details.fields).toEqual({ taxCategory: ["no active tax category with code 'food'"] });
    const rule = await api.call("POST", "/discount-rules", { key: admin, body: { code: "NOPE", name: "Nope", percentOff: 5, conditions: { segment: "xyz" } } });
    expect(rule.status).toBe(400);
    expect(rule.body.error.details.fields).toEqual({ "conditions.segment": ["no active segment with code 'xyz'"] });
  });

  it("archives a segment: new customers and price lists may not take it, those that have it keep it", async () => {
    const archived = await api.call("POST", "/settings/segments/hospitals/archive", { key: admin, body: {} });
    expect(archived.status).toBe(200);
    expect(archived.body.isArchived).toBe(true);

    const refused = await customer("STJUDE", "hospitals");
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe("segment: no active segment with code 'hospitals' (it is archived)");
    const newList = await api.call("POST", "/price-lists", { key: admin, body: { code: "HOSP-2028", name: "Hospitals 2028", segment: "hospitals" } });
    expect(newList.status).toBe(400);
    expect(newList.body.error.details.fields).toHaveProperty("segment");

    // The records that have it keep it, and may be edited keeping it.
    expect((await api.call("GET", "/customers/MERCY", { key: rep })).body.segment).toBe("hospitals");
    const kept = await savePriceList({ db: t.db, actor: actors.admin, input: { code: "HOSP-2027", name: "Hospitals 2027 (renamed)", currency: "USD", segment: "hospitals", priority: 0, tierBasis: "line", items: [] }, version: 1 });
    expect(kept).toMatchObject({ name: "Hospitals 2027 (renamed)", segment: "hospitals" });

    const restored = await api.call("POST", "/settings/segments/hospitals/restore", { key: admin, body: {} });
    expect(restored.body.isArchived).toBe(false);
    expect((await customer("STJUDE", "hospitals")).status).toBe(200);
  });

  it("keeps an archived tax category's existing rates editable, and refuses it for a new rate", async () => {
    await setTaxRate({ db: t.db, actor: actors.admin, input: { country: "US", region: "NJ", taxCategory: "reduced", ratePercent: 3 } });
    await api.call("POST", "/settings/tax-categories/reduced/archive", { key: admin, body: {} });
    const changed = await setTaxRate({ db: t.db, actor: actors.admin, input: { country: "US", region: "NJ", taxCategory: "reduced", ratePercent: 3.5 } });
    expect(changed).toMatchObject({ taxCategory: "reduced", ratePercent: 3.5 });
    const elsewhere = await api.call("POST", "/tax-rates", { key: admin, body: { country: "US", region: "NY", taxCategory: "reduced", ratePercent: 4 } });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details.fields).toEqual({ taxCategory: ["no active tax category with code 'reduced' (it is archived)"] });
    await api.call("POST", "/settings/tax-categories/reduced/restore", { key: admin, body: {} });
  });
});

describe("settings: units take their UN/ECE Rec 20 aliases on input", () => {
  it("stores KGM as kg and EA as each through REST", async () => {
    const kg = await product("GAUZE-1", { unit: "KGM" });
    expect(kg.status).toBe(200);
    expect(kg.body.unit).toBe("kg");
    const each = await product("GAUZE-2", { unit: "ea" });
    expect(each.body.unit).toBe("each");
    expect((await api.call("GET", "/products/GAUZE-1", { key: rep })).body.unit).toBe("kg");
  });

  it("adds a unit with its aliases and a food tax category, then both are usable", async () => {
    const unit = await api.call("POST", "/settings/units", { key: admin, body: { code: "roll", name: "Roll", aliases: ["ro", "RL"] } });
    expect(unit.status).toBe(200);
    expect(unit.body.aliases).toEqual(["RL", "RO"]);
    expect((await api.call("POST", "/settings/tax-categories", { key: admin, body: { code: "food", name: "Food" } })).status).toBe(200);
    const made = await product("TAPE-1", { unit: "RO", taxCategory: "food" });
    expect(made.body).toMatchObject({ unit: "roll", taxCategory: "food" });
  });

  it("refuses an alias another unit has, or that is another unit's code (409 naming aliases)", async () => {
    const taken = await api.call("PATCH", "/settings/units/roll", { key: admin, body: { aliases: ["EA"] } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details.fields.aliases).toEqual(["'EA' is already an alias of unit 'each'"]);
    const aCode = await api.call("PATCH", "/settings/units/roll", { key: admin, body: { aliases: ["KG"] } });
    expect(aCode.status).toBe(409);
    expect(aCode.body.error.details.fields.aliases).toEqual(["'KG' is the code of unit 'kg'"]);
    const codeIsAlias = await api.call("POST", "/settings/units", { key: admin, body: { code: "ea", name: "EA" } });
    expect(codeIsAlias.status).toBe(409);
    const segmentAliases = await api.call("POST", "/settings/segments", { key: admin, body: { code: "schools", name: "Schools", aliases: ["SC"] } });
    expect(segmentAliases.status).toBe(400);
    expect(segmentAliases.body.error.details.fields).toHaveProperty("aliases");
  });

  it("refuses a bad code or kind as a 400 naming the field", async () => {
    const badCode = await api.call("POST", "/settings/segments", { key: admin, body: { code: "no spaces", name: "No" } });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.details.fields).toHaveProperty("code");
    const badKind = await api.call("GET", "/settings/colors", { key: admin });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details.fields).toHaveProperty("kind");
    const unknown = await api.call("POST", "/settings/segments/nothing/archive", { key: admin, body: {} });
    expect(unknown.status).toBe(404);
  });
});
