import type { AnyProcedure } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NAV_ITEMS } from "~/components/shell/nav";
import { SYSTEM_ACTOR, type Actor } from "~/server/auth/actor";
import { can, PERMISSIONS, type Action } from "~/server/auth/permissions";
import { ROLES, type Role } from "~/server/auth/roles";
import { createApiKey } from "~/server/integration";
import { PAGE_PERMISSIONS } from "~/server/web/page-permissions";
import { createTestDb, type TestDb } from "~/test/db";
import { createRestHandler, getOpenApiDocument, REST_BASE } from "./rest";
import { appRouter, createCaller } from "./root";
import type { Meta, ProcedurePermission } from "./trpc";

/**
 * The authorization matrix, generated from the app router: every procedure × every role (and anonymous) is
 * called and its answer compared with the permission table (src/server/auth/permissions.ts). A procedure
 * states who may call it in its meta: `permissionProcedure(action)` sets `permission: action`; the few
 * deliberately open to anyone signed in (or to anyone) say so on the procedure, `.meta({ permission:
 * "signedIn" })`. A procedure without one fails here, before it ships without a check.
 *
 * The calls carry a `null` input. The permission middleware sits before the input parser
 * (`permissionProcedure(action).input(…)`), so a role that may not call the procedure gets FORBIDDEN
 * without its input being looked at, and a role that may gets past the check to the parser (BAD_REQUEST):
 * no use case runs, and 160 procedures × 6 callers take well under a second.
 */

/** Procedures deliberately open to every signed-in user (or API key), or to anyone: each one reviewed. */
const OPEN_PROCEDURES: Record<string, Exclude<ProcedurePermission, Action>> = {
  // Orders and customers by number or name, each part only for roles that may see it (can() inside).
  "search.palette": "signedIn",
  // The caller's own desk settings: read and written only for the signed-in user themselves.
  "preferences.get": "signedIn",
  "preferences.save": "signedIn",
};

/** Actions in the permission table that no procedure, page or sidebar entry uses yet, and why. */
const NOT_YET_USED: Partial<Record<Action, string>> = {};

type Caller = Role | "anonymous";
const CALLERS: readonly Caller[] = [...ROLES, "anonymous"];

type Parser = { safeParse?: (input: unknown) => { success: boolean } };

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>)
  .map(([path, procedure]) => {
    const parser = (procedure._def as { inputs?: Parser[] }).inputs?.[0];
    // Whether the null input is refused by the parser (a 400 once past the check) rather than run.
    const refusesNull = !!parser?.safeParse && !parser.safeParse(null).success;
    return { path, procedure, meta: procedure._def.meta as Meta | undefined, refusesNull };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

const isAction = (permission: unknown): permission is Action => typeof permission === "string" && Object.hasOwn(PERMISSIONS, permission);

/** Whether the permission table lets `caller` through a procedure's check. */
function allowed(permission: ProcedurePermission, caller: Caller): boolean {
  if (permission === "public") return true;
  if (caller === "anonymous") return false;
  return permission === "signedIn" || can(caller, permission);
}

/** What a denied caller must get: anonymous callers are told to sign in, roles that may not are refused. */
const deniedCode = (caller: Caller) => (caller === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");

let t: TestDb;
const keys = {} as Record<Role, string>;

beforeAll(async () => {
  t = await createTestDb();
  for (const role of ROLES) keys[role] = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: `matrix ${role}`, role } })).key;
});
afterAll(() => t?.cleanup());

describe("authorization matrix: every procedure names who may call it", () => {
  it("finds the procedures of every router (the walk is not empty)", () => {
    expect(procedures.length).toBeGreaterThan(100);
    expect(procedures.map((p) => p.path)).toContain("orders.list");
  });

  it("has a permission on every procedure: an action of the table, or a reviewed open procedure", () => {
    const missing = procedures.filter(({ meta }) => meta?.permission === undefined).map((p) => p.path);
    expect(missing, "procedures without a permission: build them with permissionProcedure(action)").toEqual([]);

    const unknown = procedures
      .filter(({ meta }) => meta?.permission !== undefined && !isAction(meta.permission) && meta.permission !== "signedIn" && meta.permission !== "public")
      .map((p) => `${p.path}: ${String(p.meta?.permission)}`);
    expect(unknown).toEqual([]);

    const open = Object.fromEntries(procedures.filter(({ meta }) => meta?.permission === "signedIn" || meta?.permission === "public").map((p) => [p.path, p.meta!.permission]));
    expect(open, "a procedure open to every signed-in user (or to anyone) is added to OPEN_PROCEDURES deliberately").toEqual(OPEN_PROCEDURES);
  });

  it("exposes on REST only procedures checked against an action of the table", () => {
    const restOpen = procedures.filter(({ meta }) => meta?.openapi && !isAction(meta.permission)).map((p) => p.path);
    expect(restOpen).toEqual([]);
  });

  it("uses every action of the table in a procedure, a page or the sidebar (or says why not)", () => {
    const used = new Set<string>([
      ...procedures.map((p) => p.meta?.permission).filter(isAction),
      ...PAGE_PERMISSIONS.map(([, action]) => action),
      ...NAV_ITEMS.map((item) => item.action),
    ]);
    const unused = Object.keys(PERMISSIONS).filter((action) => !used.has(action));
    const unexplained = unused.filter((action) => !(action in NOT_YET_USED));
    expect(unexplained, "actions nobody checks: use them, remove them, or list them in NOT_YET_USED").toEqual([]);
  });
});

describe("authorization matrix: every procedure × every role answers as the permission table says", () => {
  const callerFor = (caller: Caller) => {
    const actor: Actor | null = caller === "anonymous" ? null : { kind: "user", id: `matrix-${caller}`, name: `Matrix ${caller}`, role: caller };
    return createCaller({ db: t.db, actor, headers: new Headers() });
  };

  it("on tRPC: refused roles get FORBIDDEN naming the action, anonymous UNAUTHORIZED, allowed roles get past the check", async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const caller of CALLERS) {
      const api = callerFor(caller);
      for (const { path, meta, refusesNull } of procedures) {
        const permission = meta?.permission;
        if (permission === undefined) continue; // reported above
        const call = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], api) as (input: unknown) => Promise<unknown>;
        calls += 1;
        const { code, message } = await call(null).then(
          () => ({ code: "OK", message: "" }),
          (error: unknown) => (error instanceof TRPCError ? { code: error.code, message: error.message } : { code: `not a TRPCError: ${String(error)}`, message: "" }),
        );
        if (allowed(permission, caller)) {
          // Past the check the input parser refuses the null input; a procedure that takes null runs (and may say anything but these).
          const passed = refusesNull ? code === "BAD_REQUEST" : code !== "FORBIDDEN" && code !== "UNAUTHORIZED" && code !== "INTERNAL_SERVER_ERROR";
          if (!passed) wrong.push(`${path} as ${caller}: ${code}, expected to get past the ${permission} check${refusesNull ? " to the input parser (BAD_REQUEST)" : ""}`);
        } else if (code !== deniedCode(caller)) {
          wrong.push(`${path} as ${caller}: ${code}, expected ${deniedCode(caller)} (${permission})`);
        } else if (caller !== "anonymous" && !message.includes(`"${permission}"`)) {
          // The middleware's action must be the one the meta declares (a later .meta() could disagree with it).
          wrong.push(`${path} as ${caller}: refused with "${message}", not by its declared action ${permission}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBe(procedures.length * CALLERS.length);
  });

  it("on REST: every operation of the OpenAPI document is a procedure of the matrix, answering 401/403 as the table says", async () => {
    const handler = createRestHandler(async () => t.db);
    const byRoute = new Map(procedures.filter((p) => p.meta?.openapi).map((p) => [`${p.meta!.openapi!.method} ${p.meta!.openapi!.path}`, p]));
    const operations = Object.entries(getOpenApiDocument().paths ?? {}).flatMap(([path, item]) =>
      ["get", "post", "put", "patch", "delete"].filter((method) => item && method in item).map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.length, "every REST operation comes from one procedure's meta").toBe(byRoute.size);

    const wrong: string[] = [];
    for (const { method, path } of operations) {
      const procedure = byRoute.get(`${method} ${path}`);
      if (!procedure) {
        wrong.push(`${method} ${path}: no procedure in the matrix`);
        continue;
      }
      const permission = procedure.meta!.permission!;
      // Unknown records (so nothing is changed) and a body the schema refuses.
      const url = `http://127.0.0.1${REST_BASE}${path.replace(/\{\w+\}/g, "MATRIX-404")}`;
      for (const caller of CALLERS) {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (caller !== "anonymous") headers.authorization = `Bearer ${keys[caller]}`;
        const body = method === "GET" || method === "DELETE" ? undefined : JSON.stringify({ __matrix: null });
        const response = await handler(new Request(url, { method, headers, body }));
        const expected = allowed(permission, caller) ? null : caller === "anonymous" ? 401 : 403;
        if (expected === null ? response.status === 401 || response.status === 403 || response.status >= 500 : response.status !== expected) {
          wrong.push(`${method} ${path} as ${caller}: ${response.status} ${await response.text()}, expected ${expected ?? "past the check"} (${permission})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
