import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { neutraliseCell, unparseRows } from "~/lib/csv-cell";
import { can } from "../auth/permissions";
import type { Db } from "../db";
import { AppError } from "../errors";
import { IMPORT_KINDS, MAX_IMPORT_BYTES, type ImportKindName } from "../imports/constants";
import { stageImport } from "../imports/stage-import";
import { toTRPCError } from "./errors";
import { createSessionContext } from "./context";
import { restError, withApiKey } from "./rest";
import { createCaller } from "./root";
import type { Context } from "./trpc";

/** Signed-in users (the Import page) send their session cookie; other systems an API key. */
async function withCaller(req: Request, getDb: () => Promise<Db>, handle: (ctx: Context) => Promise<Response>): Promise<Response> {
  // The use cases' refusals answer as the REST door's do (400 naming the field, 403, 404, 409).
  const guarded = async (ctx: Context) => {
    try {
      return await handle(ctx);
    } catch (error) {
      throw error instanceof AppError ? toTRPCError(error) : error;
    }
  };
  if (req.headers.get("authorization")) return withApiKey(req, getDb, guarded);
  try {
    return await guarded(await createSessionContext(req.headers));
  } catch (error) {
    return restError(error instanceof AppError ? toTRPCError(error) : error);
  }
}

function assertImporter(ctx: Context): asserts ctx is Context & { actor: NonNullable<Context["actor"]> } {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in, or send an API key as 'Authorization: Bearer <key>'." });
  if (!can(ctx.actor.role, "imports.manage")) throw new TRPCError({ code: "FORBIDDEN", message: `The ${ctx.actor.role} role may not import files.` });
}

/**
 * `POST /api/v1/imports?kind=orders&name=file.csv` with the CSV as the body (`Content-Type: text/csv`): read as
 * it streams in and checked row by row; answers 201 with the import (status `ready`: nothing written yet).
 */
export function handleImportUpload(req: Request, getDb: () => Promise<Db>): Promise<Response> {
  return withCaller(req, getDb, (ctx) => importUploadResponse(ctx, req));
}

/** The upload for a caller already known (tests give one without a session). */
export async function importUploadResponse(ctx: Context, req: Request): Promise<Response> {
  {
    assertImporter(ctx);
    const params = new URL(req.url).searchParams;
    const kind = params.get("kind") ?? "";
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw AppError.invalidField("kind", `is one of ${IMPORT_KINDS.join(", ")}`);
    const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    // Not a type a cross-site form can send: a browser asks first (CORS), and this server does not agree.
    if (type !== "text/csv") throw new AppError("invalid", "UNSUPPORTED_MEDIA_TYPE", "Content-Type: send the file as text/csv.");
    const length = Number(req.headers.get("content-length") ?? 0);
    if (length > MAX_IMPORT_BYTES) throw AppError.invalidField("file", `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into several files`);
    if (!req.body) throw AppError.invalidField("file", "is empty: send the CSV as the request body");
    const body = Readable.fromWeb(req.body as import("node:stream/web").ReadableStream<Uint8Array>);
    const created = await stageImport({ db: ctx.db, actor: ctx.actor, kind: kind as ImportKindName, fileName: params.get("name") ?? `${kind}.csv`, body });
    return Response.json(created, { status: 201, headers: { location: `/api/v1/imports/${created.id}` } });
  }
}

/**
 * `GET /api/v1/imports/{id}/errors`: the rows refused at upload or failed in the run, as the file had them
 * (same columns) with `row`, `status` and `error` added: fix them and upload this file again.
 */
export function handleImportErrors(req: Request, getDb: () => Promise<Db>, id: string): Promise<Response> {
  return withCaller(req, getDb, async (ctx) => {
    assertImporter(ctx);
    const caller = createCaller(ctx);
    const found = await caller.imports.get({ id });
    const width = found.columns.length;
    const chunk = (items: { rowNo: number; status: string; message: string | null; values: string[] }[]) =>
      items.length === 0 ? "" : `${unparseRows(items.map((r) => [...Array.from({ length: width }, (_, i) => neutraliseCell(r.values[i] ?? "")), String(r.rowNo), r.status, neutraliseCell(r.message ?? "")]))}\r\n`;
    let page = await caller.imports.rows({ id, status: "problems", limit: 500 });
    const encoder = new TextEncoder();
    let started = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${unparseRows([[...found.columns, "row", "status", "error"]])}\r\n${chunk(page.items)}`));
        } else {
          try {
            page = await caller.imports.rows({ id, status: "problems", limit: 500, cursor: page.nextCursor ?? undefined });
          } catch (error) {
            controller.error(error);
            return;
          }
          controller.enqueue(encoder.encode(chunk(page.items)));
        }
        if (!page.nextCursor) controller.close();
      },
    });
    const base = found.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_").slice(0, 80) || "import";
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${base}-errors.csv"`,
        "cache-control": "private, no-store, no-transform",
      },
    });
  });
}
