import { TRPCError } from "@trpc/server";
import { createOpenApiFetchHandler, generateOpenApiDocument } from "trpc-to-openapi";
import type { Db } from "../db";
import { authenticateApiKey } from "../integration";
import type { ApiErrorBody } from "./errors";
import { appRouter } from "./root";
import type { Context } from "./trpc";

export const REST_BASE = "/api/v1";

/** The REST door of API.md: the same procedures as the pages, authenticated by API key. */
export function createRestHandler(getDb: () => Promise<Db>) {
  return async function handleRest(incoming: Request): Promise<Response> {
    const req = await withJsonBody(incoming);
    const response = await createOpenApiFetchHandler({
      endpoint: REST_BASE,
      router: appRouter,
      req,
      createContext: async (): Promise<Context> => {
        const db = await getDb();
        const authorization = req.headers.get("authorization");
        if (!authorization) return { db, actor: null, headers: req.headers };
        const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
        const actor = token ? await authenticateApiKey(db, token) : null;
        if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "The API key is not valid or has been revoked." });
        return { db, actor, headers: req.headers };
      },
    });
    return response.ok ? response : reshapeError(response);
  };
}

/** Actions such as `POST /orders/{number}/submit` need no body: an empty one is taken as `{}`. */
async function withJsonBody(req: Request): Promise<Request> {
  if (req.method === "GET" || req.method === "HEAD" || req.headers.get("content-type")) return req;
  const text = await req.text();
  const headers = new Headers(req.headers);
  headers.set("content-type", "application/json");
  return new Request(req.url, { method: req.method, headers, body: text.trim() === "" ? "{}" : text });
}

/** API.md errors are `{ "error": { code, message, details } }`; our formatter put that body in `data.error`. */
async function reshapeError(response: Response): Promise<Response> {
  const raw = (await response.json().catch(() => ({}))) as { message?: string; code?: string; data?: { error?: ApiErrorBody } };
  const error: ApiErrorBody = raw.data?.error ?? { code: raw.code ?? "ERROR", message: raw.message ?? "Request failed" };
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  return new Response(JSON.stringify({ error }), { status: response.status, headers });
}

let openApiDocument: ReturnType<typeof generateOpenApiDocument> | undefined;

export function getOpenApiDocument() {
  openApiDocument ??= generateOpenApiDocument(appRouter, {
    title: "Orderdesk API",
    description:
      "The integration API of Orderdesk. Authenticate with `Authorization: Bearer <key>` (Admin → API keys). " +
      "Money is integer minor units beside `currency`; lists take `limit` and `cursor` and answer `{ items, nextCursor }`; " +
      'errors answer `{ "error": { "code", "message", "details" } }`.',
    version: "1.0.0",
    baseUrl: REST_BASE,
    docsUrl: "/api/docs",
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An Orderdesk API key" } },
  });
  return openApiDocument;
}
