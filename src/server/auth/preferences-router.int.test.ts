import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createTestDb, type TestDb } from "~/test/db";
import type { Actor } from "./actor";
import { createUser } from "./users";

let t: TestDb;
let riley: Actor;
let morgan: Actor;
beforeAll(async () => {
  t = await createTestDb();
  const make = async (name: string, role: "rep" | "manager") => {
    const user = await createUser({ db: t.db, input: { name, email: `${role}@prefs.test`, role, password: "a-long-password-1" } });
    return { kind: "user", id: user.id, name, role } satisfies Actor;
  };
  riley = await make("Riley Prefs", "rep");
  morgan = await make("Morgan Prefs", "manager");
}, 60_000);
afterAll(() => t.cleanup());

const as = (actor: Actor) => createCaller({ db: t.db, actor, headers: new Headers() });

describe("user preferences", () => {
  it("keeps a value per user and key; the last save wins; nothing stored reads as null", async () => {
    expect(await as(riley).preferences.get({ key: "orders.list.layout" })).toBeNull();
    await as(riley).preferences.save({ key: "orders.list.layout", value: { hidden: ["lines"], density: "compact" } });
    await as(riley).preferences.save({ key: "orders.list.layout", value: { hidden: [], density: "compact" } });
    expect(await as(riley).preferences.get({ key: "orders.list.layout" })).toEqual({ hidden: [], density: "compact" });
    expect(await as(morgan).preferences.get({ key: "orders.list.layout" })).toBeNull();
  });

  it("refuses a malformed key, an oversized value and an API key, naming the field", async () => {
    await expect(as(riley).preferences.save({ key: "Orders list", value: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("key is dotted words") });
    await expect(as(riley).preferences.save({ key: "orders.list.layout", value: "x".repeat(5_000) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("value is at most 4096 bytes"),
    });
    const key: Actor = { kind: "api_key", id: "key_1", name: "shop", role: "admin" };
    await expect(as(key).preferences.save({ key: "orders.list.layout", value: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/API key/) });
    expect(await as(key).preferences.get({ key: "orders.list.layout" })).toBeNull();
  });

  it("asks who is calling first", async () => {
    const anonymous = createCaller({ db: t.db, actor: null, headers: new Headers() });
    await expect(anonymous.preferences.get({ key: "orders.list.layout" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
