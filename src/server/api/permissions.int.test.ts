import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/server/auth/actor";
import { ROLES, type Role } from "~/server/auth/roles";
import { createTestDb, type TestDb } from "~/test/db";
import { createCaller } from "./root";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const callerAs = (role: Role | null) => {
  const actor: Actor | null = role ? { kind: "user", id: `test-${role}`, name: `Test ${role}`, role } : null;
  return createCaller({ db: t.db, actor, headers: new Headers() });
};

describe("permissions are enforced in every procedure, not only by hiding buttons", () => {
  it("refuses anonymous callers", async () => {
    await expect(callerAs(null).customers.list({ limit: 5 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets only admins manage API keys", async () => {
    for (const role of ROLES) {
      const call = callerAs(role).integration.apiKeys();
      if (role === "admin") await expect(call).resolves.toEqual([]);
      else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("keeps finance from adjusting stock and warehouse from customer data", async () => {
    await expect(
      callerAs("finance").inventory.adjust({ sku: "X-1", warehouse: "EAST", quantity: 1, reason: "found" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs("warehouse").customers.list({ limit: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("maps domain errors to their codes (404 for an unknown customer)", async () => {
    await expect(callerAs("rep").customers.get({ code: "NOBODY" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
