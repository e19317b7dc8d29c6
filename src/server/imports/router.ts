import { z } from "zod";
import { can } from "../auth/permissions";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { ZPageInput, zPage } from "../db/pagination";
import { IMPORT_KINDS, IMPORT_ROW_STATUSES } from "./constants";
import { ZImport, ZImportRow } from "./dto";
import { IMPORT_KIND_DEFINITIONS } from "./kinds";
import { getImport, listImports } from "./list-imports";
import { listImportRows, PROBLEM_STATUSES } from "./list-import-rows";
import { cancelImport, discardImport, startImport } from "./start-import";

const tags = ["imports"];
const ZId = z.object({ id: z.uuid("Not an import id") });

const ZImportKind = z.object({
  kind: z.enum(IMPORT_KINDS),
  label: z.string(),
  summary: z.string(),
  /** Whether the caller's role may import this kind (its use case's permission). */
  allowed: z.boolean(),
  permission: z.string(),
  columns: z.array(z.object({ name: z.string(), required: z.boolean(), description: z.string(), example: z.string() })),
});

/**
 * Admin → Import and its REST twin (/imports). The file itself is uploaded to `POST /api/v1/imports?kind=…`
 * (src/app/api/v1/imports/route.ts: a stream, not JSON) and the error report is `GET /api/v1/imports/{id}/errors`.
 */
export const importsRouter = createTRPCRouter({
  kinds: permissionProcedure("imports.manage")
    .meta({ openapi: { method: "GET", path: "/imports/kinds", tags, summary: "What a CSV import can load: each kind's columns, and whether your role may import it", protect: true } })
    .input(z.object({}).optional())
    .output(z.object({ items: z.array(ZImportKind) }))
    .query(({ ctx }) => ({
      items: IMPORT_KINDS.map((name) => {
        const kind = IMPORT_KIND_DEFINITIONS[name];
        return {
          kind: name,
          label: kind.label,
          summary: kind.summary,
          allowed: !ctx.actor.readOnly && can(ctx.actor.role, kind.permission),
          permission: kind.permission,
          columns: kind.columns.map((c) => ({ name: c.name, required: c.required ?? false, description: c.description, example: c.example })),
        };
      }),
    })),

  list: permissionProcedure("imports.manage")
    .meta({ openapi: { method: "GET", path: "/imports", tags, summary: "Uploaded files and their runs, newest first", protect: true } })
    .input(ZPageInput.extend({ limit: ZPageInput.shape.limit.default(20) }))
    .output(zPage(ZImport))
    .query(({ ctx, input }) => listImports({ db: ctx.db, input })),

  get: permissionProcedure("imports.manage")
    .meta({ openapi: { method: "GET", path: "/imports/{id}", tags, summary: "One import: its check's counts, its run's progress and summary", protect: true } })
    .input(ZId)
    .output(ZImport)
    .query(({ ctx, input }) => getImport({ db: ctx.db, id: input.id })),

  rows: permissionProcedure("imports.manage")
    .meta({ openapi: { method: "GET", path: "/imports/{id}/rows", tags, summary: "An import's rows in file order with their outcome; status=problems: refused or failed ones", protect: true } })
    .input(ZPageInput.extend({ id: z.uuid("Not an import id"), status: z.enum([...IMPORT_ROW_STATUSES, "problems", "all"]).default("all") }))
    .output(zPage(ZImportRow))
    .query(({ ctx, input: { id, status, ...page } }) =>
      listImportRows({ db: ctx.db, id, input: page, statuses: status === "all" ? undefined : status === "problems" ? PROBLEM_STATUSES : [status] }),
    ),

  start: permissionProcedure("imports.manage")
    .meta({ openapi: { method: "POST", path: "/imports/{id}/start", tags, summary: "Import the checked rows (or go on with a failed or canceled run); 409 when not ready", protect: true } })
    .input(ZId)
    .output(ZImport)
    .mutation(({ ctx, input }) => startImport({ db: ctx.db, actor: ctx.actor, id: input.id })),

  cancel: permissionProcedure("imports.manage")
    .meta({ openapi: { method: "POST", path: "/imports/{id}/cancel", tags, summary: "Stop a queued or running import after its current batch (what was imported stays)", protect: true } })
    .input(ZId)
    .output(ZImport)
    .mutation(({ ctx, input }) => cancelImport({ db: ctx.db, actor: ctx.actor, id: input.id })),

  discard: permissionProcedure("imports.manage")
    .meta({ openapi: { method: "POST", path: "/imports/{id}/discard", tags, summary: "Drop an upload that was not started, and its rows", protect: true } })
    .input(ZId)
    .output(ZImport)
    .mutation(({ ctx, input }) => discardImport({ db: ctx.db, actor: ctx.actor, id: input.id })),
});
