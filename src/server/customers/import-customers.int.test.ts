import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAt } from "~/server/clock";
import { createTestDb, type TestDb } from "~/test/db";
import { getCustomer } from "./get-customer";
import { type CustomerImport, importCustomers } from "./import-customers";
import { customers } from "./schema";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.cleanup());

const LOADED_AT = new Date("2025-03-01T08:00:00Z");
const address = { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "US" };
const customer = (code: string): CustomerImport & { id: string } => ({ id: randomUUID(), code, name: `${code} Supply`, segment: "wholesale", demandClass: "A", creditLimit: 500_000, paymentTermsDays: 45 });

describe("importCustomers", () => {
  it("loads customers with their ids and addresses, at the domain clock's time", async () => {
    const acme = customer("C-1");
    const bolt = customer("C-2");
    const result = await runAt(LOADED_AT, () =>
      importCustomers(t.db, {
        customers: [acme, bolt],
        addresses: [
          { customerId: acme.id, kind: "billing", ...address },
          { customerId: acme.id, kind: "shipping", ...address, line1: "9 Yard Rd" },
          { customerId: bolt.id, kind: "billing", ...address },
          { customerId: bolt.id, kind: "shipping", ...address },
        ],
      }),
    );
    expect(result).toEqual({ customers: 2, addresses: 4 });
    expect(await getCustomer({ db: t.db, code: "C-1" })).toMatchObject({
      name: "C-1 Supply",
      segment: "wholesale",
      demandClass: "A",
      creditLimit: 500_000,
      paymentTermsDays: 45,
      taxExempt: false,
      taxExemptions: [],
      billingAddress: address,
      shippingAddress: { ...address, line1: "9 Yard Rd" },
    });
    const [row] = await t.db.select().from(customers).where(eq(customers.code, "C-2"));
    expect(row).toMatchObject({ id: bolt.id, version: 1, unpaidInvoices: 0, createdAt: LOADED_AT, updatedAt: LOADED_AT });
  });

  it("refuses a code that exists, loading nothing of the batch", async () => {
    await expect(importCustomers(t.db, { customers: [customer("C-3"), customer("C-1")], addresses: [] })).rejects.toMatchObject({
      kind: "conflict",
      code: "CUSTOMER_CODE_TAKEN",
    });
    expect(await t.db.$count(customers, eq(customers.code, "C-3"))).toBe(0);
    expect(await importCustomers(t.db, { customers: [], addresses: [] })).toEqual({ customers: 0, addresses: 0 });
  });
});
