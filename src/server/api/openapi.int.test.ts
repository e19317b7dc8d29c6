import { readFileSync } from "node:fs";
import SwaggerParser from "@apidevtools/swagger-parser";
import type { AnyProcedure } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, type Action } from "~/server/auth/permissions";
import { ROLES, type Role } from "~/server/auth/roles";
import { servedOpenApiJson } from "./openapi";
import { appRouter } from "./root";
import type { Meta } from "./trpc";

/**
 * docs/api.md, the OpenAPI document and the server agree: the document served at /api/v1/openapi.json is
 * valid OpenAPI (a standard validator), every operation the page names exists there with that method and
 * path, every operation there is listed in the page's tables, and each table row names the query parameters
 * and the roles the server really takes.
 */

type Operation = {
  parameters?: { in: string; name: string; required?: boolean }[];
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

const METHODS = ["get", "post", "put", "patch", "delete"];
const document = (): Document => JSON.parse(servedOpenApiJson()) as Document;

/** One `METHOD /path?query=` the page names: in the first cell of an operations table (with its roles), or in prose. */
type Documented = { method: string; path: string; query: string[]; roles: string | null; line: number };

/** Reads docs/api.md: operations are written in backticks as `GET /orders/{number}`, relative to /api/v1. */
function documentedOperations(markdown: string): Documented[] {
  const found: Documented[] = [];
  let inOperations = false;
  markdown.split("\n").forEach((text, index) => {
    if (text.startsWith("## ")) inOperations = text === "## Operations";
    const cells = text.startsWith("| `") ? text.split(/(?<!\\)\|/).slice(1, -1) : null;
    const tableRow = inOperations && cells !== null;
    for (const match of text.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^`\s]*)`/g)) {
      const [path, query = ""] = match[2]!.split("?");
      if (path!.startsWith("/api/")) continue; // the health and document routes, outside /api/v1's operations
      const inFirstCell = tableRow && cells![0]!.includes(match[0]);
      found.push({
        method: match[1]!,
        path: path!,
        query: query.split("&").map((pair) => pair.split("=")[0]!).filter(Boolean),
        roles: inFirstCell ? cells![1]!.trim() : null,
        line: index + 1,
      });
    }
  });
  return found;
}

const documented = documentedOperations(readFileSync(new URL("../../../docs/api.md", import.meta.url), "utf8"));

/** The procedures behind REST operations, by `METHOD /path`, with the permission their meta states. */
const procedures = new Map<string, Meta["permission"]>(
  Object.values(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).flatMap((procedure) => {
    const meta = procedure._def.meta as Meta | undefined;
    return meta?.openapi ? [[`${meta.openapi.method} ${meta.openapi.path}`, meta.permission] as const] : [];
  }),
);

const ALL: readonly Role[] = ROLES;
const DESK: readonly Role[] = ["rep", "manager", "admin"];

/** The roles cell of a table row, as a set: `all`, `desk`, or a list of roles. */
function rolesOf(cell: string): readonly Role[] | "exception team" | null {
  if (cell === "all") return ALL;
  if (cell === "desk") return DESK;
  // Exceptions are worked by the type's team (checked in the use case); the procedure lets every role in.
  if (cell === "the type's team, managers") return "exception team";
  const names = cell.split(",").map((name) => name.trim());
  return names.every((name) => (ROLES as readonly string[]).includes(name)) ? (names as Role[]) : null;
}

describe("OpenAPI document (GET /api/v1/openapi.json)", () => {
  it("is valid OpenAPI 3.1 by a standard validator (@apidevtools/swagger-parser)", async () => {
    const doc = document();
    expect(doc.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    // The validator has teeth: a wrong type or a dangling reference fails it.
    const broken = structuredClone(doc);
    (broken.paths["/customers/{code}"]!.get as Record<string, unknown>).operationId = 5;
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow(/operationId must be string/);
    const dangling = structuredClone(doc);
    (dangling.paths["/customers/{code}"]!.get as Record<string, unknown>).responses = {
      200: { description: "x", content: { "application/json": { schema: { $ref: "#/components/schemas/nothing" } } } },
    };
    await expect(SwaggerParser.validate(dangling as never)).rejects.toThrow(/Missing \$ref pointer/);
  });

  // For 3.1 the validator checks the document against the schema only; these are the 3.0 spec checks it skips.
  it("declares each path's parameters exactly, and unique operation ids", () => {
    const problems: string[] = [];
    const ids = new Map<string, string>();
    for (const [path, item] of Object.entries(document().paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
      for (const method of METHODS.filter((m) => item[m])) {
        const operation = item[method]!;
        const declared = (operation.parameters ?? []).filter((p) => p.in === "path");
        if (JSON.stringify(declared.map((p) => p.name).sort()) !== JSON.stringify(inPath)) problems.push(`${method} ${path}: path parameters ${declared.map((p) => p.name)}`);
        if (declared.some((p) => !p.required)) problems.push(`${method} ${path}: a path parameter is not required`);
        const id = operation.operationId ?? "";
        if (!id) problems.push(`${method} ${path}: no operationId`);
        else if (ids.has(id)) problems.push(`${method} ${path}: operationId ${id} also on ${ids.get(id)}`);
        ids.set(id, `${method} ${path}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("describes errors as the door answers them, { error: { code, message, details } }, on every operation", () => {
    const doc = document();
    expect(Object.keys(doc.components.schemas).filter((name) => name.startsWith("error."))).toEqual([]);
    const wrong = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).flatMap((method) => {
        const responses = item[method]!.responses ?? {};
        const errors = Object.entries(responses).filter(([status]) => !status.startsWith("2"));
        return [
          ...(responses.default ? [] : [`${method} ${path}: no default response`]),
          ...errors.filter(([, response]) => response.content?.["application/json"]?.schema?.$ref !== "#/components/schemas/ApiError").map(([status]) => `${method} ${path} ${status}`),
        ];
      }),
    );
    expect(wrong).toEqual([]);
  });
});

describe("docs/api.md agrees with the OpenAPI document", () => {
  it("reads the operations of the page (the parser finds its tables)", () => {
    expect(documented.filter((op) => op.roles !== null).length).toBeGreaterThan(100);
    expect(documented).toContainEqual({ method: "GET", path: "/customers", query: ["search", "segment", "status"], roles: "rep, finance, manager, admin", line: expect.any(Number) });
    expect(documented).toContainEqual({ method: "GET", path: "/payments/{id}", query: [], roles: "rep, finance, manager, admin", line: expect.any(Number) });
  });

  it("every operation the page names exists with that method and path", () => {
    const paths = document().paths;
    const missing = documented
      .filter((op) => !paths[op.path]?.[op.method.toLowerCase()])
      .map((op) => `docs/api.md:${op.line} ${op.method} ${op.path}`);
    expect(missing).toEqual([]);
  });

  it("every operation of the document is a row of the page's tables", () => {
    const listed = new Set(documented.filter((op) => op.roles !== null).map((op) => `${op.method} ${op.path}`));
    const unlisted = Object.entries(document().paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`).filter((op) => !listed.has(op)),
    );
    expect(unlisted).toEqual([]);
  });

  it("the query parameters a row names are the operation's", () => {
    const paths = document().paths;
    const wrong = documented.flatMap((op) => {
      const known = (paths[op.path]?.[op.method.toLowerCase()]?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      return op.query.filter((name) => !known.includes(name)).map((name) => `docs/api.md:${op.line} ${op.method} ${op.path}: no query parameter "${name}" (has ${known.join(", ")})`);
    });
    expect(wrong).toEqual([]);
  });

  it("the roles a row names are the ones the permission table lets call it", () => {
    const wrong: string[] = [];
    let compared = 0;
    for (const op of documented.filter((o) => o.roles !== null)) {
      const key = `${op.method} ${op.path}`;
      if (!procedures.has(key)) continue; // a Next route (the invoice PDF), not a procedure
      compared += 1;
      const permission = procedures.get(key);
      const roles = rolesOf(op.roles!);
      const allowed = permission && permission in PERMISSIONS ? [...PERMISSIONS[permission as Action]].sort() : permission;
      if (roles === "exception team") {
        if (permission !== "exceptions.work") wrong.push(`docs/api.md:${op.line} ${key}: "${op.roles}" but the procedure checks ${permission}`);
      } else if (roles === null) {
        wrong.push(`docs/api.md:${op.line} ${key}: roles "${op.roles}" are not role names`);
      } else if (JSON.stringify([...roles].sort()) !== JSON.stringify(allowed)) {
        wrong.push(`docs/api.md:${op.line} ${key}: the page says ${op.roles}, ${permission} allows ${String(allowed)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
});
