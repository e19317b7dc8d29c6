import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { auditEvents } from "~/server/db/schema";
import { createTestDb, type TestDb } from "~/test/db";
import type { Actor } from "./actor";
import { verifyCredentials } from "./sign-in";
import { sessionUser, startSession } from "./sessions";
import { userSessions } from "./schema";

let t: TestDb;
let admin: Actor;
beforeAll(async () => {
  t = await createTestDb();
  const bootstrap = createCaller({ db: t.db, actor: { kind: "user", id: "system", name: "System", role: "admin" }, headers: new Headers() });
  const created = await bootstrap.users.create({ email: "ada@example.com", name: "Ada Admin", role: "admin", password: "admin password" });
  admin = { kind: "user", id: created.id, name: created.name, role: "admin" };
});
afterAll(() => t.cleanup());

const asAdmin = () => createCaller({ db: t.db, actor: admin, headers: new Headers() });
const signIn = (userId: string) => startSession(t.db, { userId, address: "10.0.0.1", userAgent: "test" });

describe("users and their sessions", () => {
  it("an admin creates a user who can sign in; the audit names who, never the password", async () => {
    const user = await asAdmin().users.create({ email: " Rita@Example.com", name: "Rita Rep", role: "rep", password: "first password" });
    expect(user).toMatchObject({ email: "rita@example.com", role: "rep" });
    expect(await verifyCredentials({ db: t.db, email: "rita@example.com", password: "first password", address: "10.0.0.1" })).not.toBeNull();
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(audit).toMatchObject({ entityType: "user", action: "created", actor: "Ada Admin" });
    expect(JSON.stringify(audit)).not.toContain("first password");
    await expect(asAdmin().users.create({ email: "rita@example.com", name: "Again", role: "rep", password: "first password" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(asAdmin().users.create({ email: "x@example.com", name: "Short", role: "rep", password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("only admins manage users", async () => {
    const manager = createCaller({ db: t.db, actor: { kind: "user", id: "m", name: "M", role: "manager" }, headers: new Headers() });
    await expect(manager.users.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a session reads the user fresh: a new role applies at once; sign-out ends only that session", async () => {
    const user = await asAdmin().users.create({ email: "sam@example.com", name: "Sam", role: "rep", password: "sam password" });
    const laptop = await signIn(user.id);
    const phone = await signIn(user.id);
    expect(await sessionUser(t.db, laptop)).toMatchObject({ id: user.id, role: "rep" });
    await asAdmin().users.change({ userId: user.id, role: "finance" });
    expect(await sessionUser(t.db, laptop)).toMatchObject({ role: "finance" });
    const { endSession } = await import("./sessions");
    await endSession(t.db, laptop);
    expect(await sessionUser(t.db, laptop)).toBeNull();
    expect(await sessionUser(t.db, phone)).not.toBeNull();
    expect((await asAdmin().users.list()).find((u) => u.id === user.id)).toMatchObject({ liveSessions: 1, isActive: true });
  });

  it("a session expires after a working day, and a forged id is no session", async () => {
    const user = await asAdmin().users.create({ email: "eve@example.com", name: "Eve", role: "rep", password: "eve password" });
    const at = new Date("2026-03-02T08:00:00Z");
    const id = await startSession(t.db, { userId: user.id, address: "10.0.0.1", userAgent: "test", now: at });
    expect(await sessionUser(t.db, id, new Date("2026-03-02T19:59:00Z"))).not.toBeNull();
    expect(await sessionUser(t.db, id, new Date("2026-03-02T20:00:01Z"))).toBeNull();
    expect(await sessionUser(t.db, "not-a-uuid'; drop table users; --")).toBeNull();
  });

  it("deactivating ends every session and refuses sign-in; reactivating lets the user in again", async () => {
    const user = await asAdmin().users.create({ email: "dan@example.com", name: "Dan", role: "warehouse", password: "dan password" });
    const session = await signIn(user.id);
    await asAdmin().users.change({ userId: user.id, isActive: false });
    expect(await sessionUser(t.db, session)).toBeNull();
    expect(await t.db.$count(userSessions, eq(userSessions.userId, user.id))).toBe(0);
    expect(await verifyCredentials({ db: t.db, email: "dan@example.com", password: "dan password", address: "10.0.1.1" })).toBeNull();
    await asAdmin().users.change({ userId: user.id, isActive: true });
    expect(await verifyCredentials({ db: t.db, email: "dan@example.com", password: "dan password", address: "10.0.1.1" })).not.toBeNull();
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id))).map((e) => e.action);
    expect(actions).toEqual(["created", "deactivated", "reactivated"]);
  });

  it("a new password ends every session; sign out everywhere does too", async () => {
    const user = await asAdmin().users.create({ email: "flo@example.com", name: "Flo", role: "finance", password: "old password" });
    const a = await signIn(user.id);
    const b = await signIn(user.id);
    expect(await asAdmin().users.resetPassword({ userId: user.id, password: "new password" })).toEqual({ userId: user.id, endedSessions: 2 });
    expect(await sessionUser(t.db, a)).toBeNull();
    expect(await sessionUser(t.db, b)).toBeNull();
    expect(await verifyCredentials({ db: t.db, email: "flo@example.com", password: "old password", address: "10.0.2.1" })).toBeNull();
    expect(await verifyCredentials({ db: t.db, email: "flo@example.com", password: "new password", address: "10.0.2.1" })).not.toBeNull();
    await signIn(user.id);
    expect(await asAdmin().users.signOutEverywhere({ userId: user.id })).toEqual({ userId: user.id, endedSessions: 1 });
  });

  it("nobody deactivates or demotes themselves, and the last active admin stays one", async () => {
    await expect(asAdmin().users.change({ userId: admin.id, isActive: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asAdmin().users.change({ userId: admin.id, role: "rep" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const other = await asAdmin().users.create({ email: "otto@example.com", name: "Otto", role: "admin", password: "otto password" });
    const asOther = createCaller({ db: t.db, actor: { kind: "user", id: other.id, name: "Otto", role: "admin" }, headers: new Headers() });
    await asOther.users.change({ userId: admin.id, role: "manager" });
    await expect(asAdmin().users.change({ userId: other.id, isActive: false })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(asAdmin().users.change({ userId: "00000000-0000-4000-8000-000000000000", name: "Nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
