import { TRPCError } from "@trpc/server";
import type { AnyProcedure } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { generateOpenApiDocument, type OpenApiMeta } from "trpc-to-openapi";
import type { Db } from "../db";
import type { Actor } from "../auth/actor";
import { authenticateApiKey, recordApiRequest } from "../integration";
import { logUnexpectedError, transientDatabaseError } from "../errors";
import { describeError, toTRPCError, type ApiErrorBody } from "./errors";
import { queryInput } from "./query-input";
import { apiRateLimiter, type RateLimiter, rateLimitMessage } from "./rate-limit";
import { appRouter, createCaller } from "./root";
import type { Context } from "./trpc";

export const REST_BASE = "/api/v1";
/** Bodies above this are refused with 413 before they are read in full (REST_MAX_BODY_BYTES overrides). */
export const MAX_BODY_BYTES = Number(process.env.REST_MAX_BODY_BYTES) || 1_048_576;

type Route = { method: string; pattern: RegExp; path: string; procedure: AnyProcedure };

/**
 * The REST door of docs/api.md: the same procedures as the pages, authenticated by API key. The route
 * table is built once from the procedures' OpenAPI metadata (not per request); the caller checks input
 * with the procedure's own zod schema. JSON bodies are taken as they are (a string is not a boolean):
 * only query parameters, which are text by nature, are converted to the schema's types.
 */
export function createRestHandler(getDb: () => Promise<Db>, options: { maxBodyBytes?: number; rateLimiter?: RateLimiter } = {}) {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const rateLimiter = options.rateLimiter ?? apiRateLimiter();
  return async function handleRest(req: Request): Promise<Response> {
    const started = performance.now();
    let caller: { db: Db; actor: Actor } | undefined;
    const response = await answer();
    if (caller) await logRequest(caller.db, caller.actor, req, response.status, performance.now() - started);
    return response;

    async function answer(): Promise<Response> {
      try {
        const url = new URL(req.url);
        const match = matchRoute(req.method, url.pathname.slice(REST_BASE.length) || "/");
        if (!match) {
          if (req.method === "HEAD") return new Response(null, { status: 204 });
          return errorResponse(404, { code: "NOT_FOUND", message: `No API operation ${req.method} ${url.pathname}.` });
        }
        // Authenticate before reading a byte of the body.
        const db = await getDb();
        const actor = await actorOf(db, req.headers.get("authorization"));
        checkRate(rateLimiter, actor);
        caller = { db, actor };
        const ctx: Context = { db, actor, headers: req.headers };
        const input = { ...(hasBody(req.method) ? await readJsonBody(req, maxBodyBytes) : queryInput(match.route.procedure, url.searchParams)), ...match.pathInput };
        const call = match.route.path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], createCaller(ctx)) as (
          input: unknown,
        ) => Promise<unknown>;
        const data = await call(input);
        return new Response(JSON.stringify(data ?? null), { status: 200, headers: JSON_HEADERS });
      } catch (error) {
        return restError(error);
      }
    }
  };
}

/**
 * The key's request log (Admin → API keys). Written once the answer is known; a call refused for the rate
 * limit is not logged (it came past the limit, and logging it would be the very write the limit saves). A
 * log that cannot be written never fails the call.
 */
async function logRequest(db: Db, actor: Actor, req: Request, status: number, durationMs: number) {
  if (actor.kind !== "api_key") return;
  try {
    await recordApiRequest(db, actor.id, { method: req.method, path: new URL(req.url).pathname.slice(REST_BASE.length) || "/", status, durationMs });
  } catch (error) {
    logUnexpectedError(error);
  }
}

/**
 * For a REST route outside the route table (a PDF, not JSON): authenticates the API key, hands `handle` a caller
 * context, and answers errors as the door does (`{ "error": … }` with the procedure's status).
 */
export async function withApiKey(req: Request, getDb: () => Promise<Db>, handle: (ctx: Context) => Promise<Response>): Promise<Response> {
  const started = performance.now();
  let caller: { db: Db; actor: Actor } | undefined;
  let response: Response;
  try {
    const db = await getDb();
    const actor = await actorOf(db, req.headers.get("authorization"));
    checkRate(apiRateLimiter(), actor);
    caller = { db, actor };
    response = await handle({ db, actor, headers: req.headers });
  } catch (error) {
    response = restError(error);
  }
  if (caller) await logRequest(caller.db, caller.actor, req, response.status, performance.now() - started);
  return response;
}

async function actorOf(db: Db, authorization: string | null) {
  if (!authorization) throw new TRPCError({ code: "UNAUTHORIZED", message: "Send an API key as 'Authorization: Bearer <key>'." });
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  const actor = token ? await authenticateApiKey(db, token) : null;
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "The API key is not valid, has been revoked or has expired." });
  return actor;
}

/** Each API key gets its share of requests (rate-limit.ts): 429 with Retry-After beyond it, before the body is read. */
function checkRate(limiter: RateLimiter, actor: { kind: "user" | "api_key"; id: string }) {
  const decision = limiter.take(`${actor.kind}:${actor.id}`);
  if (decision.ok) return;
  throw new RestError(
    429,
    { code: "RATE_LIMITED", message: rateLimitMessage(actor.kind, decision.retryAfterSeconds, limiter.limit), details: { retryAfterSeconds: decision.retryAfterSeconds } },
    decision.retryAfterSeconds,
  );
}

const hasBody = (method: string) => method !== "GET" && method !== "HEAD" && method !== "DELETE";

/**
 * The JSON body, at most `maxBytes`: a declared Content-Length above it is refused unread, and a body without
 * one is counted as it streams in and cut off (the stream cancelled) at the first chunk past the limit, so a
 * 200 MB upload costs at most the limit in memory. An empty body is `{}` (actions like `/submit`).
 */
async function readJsonBody(req: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers.get("content-length"));
  if (declared > maxBytes) throw bodyTooLarge(maxBytes);
  const type = req.headers.get("content-type");
  if (type && !/^application\/json\b/i.test(type)) {
    throw new RestError(415, { code: "UNSUPPORTED_MEDIA_TYPE", message: `Send JSON (Content-Type: application/json), not ${type}.` });
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw bodyTooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RestError(400, { code: "INVALID_JSON", message: "The request body is not valid JSON." });
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new RestError(400, { code: "INVALID_INPUT", message: "The request body must be a JSON object.", details: { fields: { "(body)": ["must be a JSON object"] } } });
  }
  return parsed as Record<string, unknown>;
}

const bodyTooLarge = (maxBytes: number) =>
  new RestError(413, {
    code: "PAYLOAD_TOO_LARGE",
    message: `The request body is larger than ${maxBytes >= 1024 ? `${Math.round(maxBytes / 1024)} KiB` : `${maxBytes} bytes`}.`,
    details: { maxBytes },
  });

/** An error the REST door answers itself (before any procedure runs). */
class RestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    readonly retryAfterSeconds?: number,
  ) {
    super(body.message);
  }
}

/** An error as the REST door answers it: `{ "error": { code, message, details } }` with its status. */
export function restError(error: unknown): Response {
  if (error instanceof RestError) return errorResponse(error.status, error.body, error.retryAfterSeconds);
  // Outside a procedure (the API key's lookup, say) the database can be gone too: a 503, not a 500.
  const transient = error instanceof TRPCError ? null : transientDatabaseError(error);
  const trpcError = error instanceof TRPCError ? error : transient ? toTRPCError(transient) : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
  if (trpcError.code === "INTERNAL_SERVER_ERROR") logUnexpectedError(trpcError.cause ?? trpcError);
  return errorResponse(getHTTPStatusCodeFromError(trpcError), describeError(trpcError));
}

/** A 503 may be sent again in a moment (the database restarting); a 429 says when. */
const errorResponse = (status: number, error: ApiErrorBody, retryAfterSeconds = status === 503 ? 2 : undefined) =>
  new Response(JSON.stringify({ error }), {
    status,
    headers: retryAfterSeconds ? { ...JSON_HEADERS, "retry-after": String(retryAfterSeconds) } : JSON_HEADERS,
  });

/**
 * API answers are live data (never cached) and small: compressing each one costs the server more (a new
 * gzip stream per response) than it saves on the wire, so the server's compression is told to leave them.
 */
const JSON_HEADERS = { "content-type": "application/json", "cache-control": "no-store, no-transform" };

let routes: Route[] | undefined;

/** Every procedure with an OpenAPI path, as a method + path pattern (built once per process). */
function routeTable(): Route[] {
  routes ??= Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).flatMap(([path, procedure]) => {
    const openapi = (procedure._def.meta as OpenApiMeta | undefined)?.openapi;
    if (!openapi) return [];
    const pattern = new RegExp(`^${openapi.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}/?$`);
    return [{ method: openapi.method, pattern, path, procedure }];
  });
  return routes;
}

function matchRoute(method: string, pathname: string) {
  const lookup = method === "HEAD" ? "GET" : method;
  for (const route of routeTable()) {
    if (route.method !== lookup) continue;
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    const pathInput: Record<string, string> = {};
    for (const [key, raw] of Object.entries(found.groups ?? {})) {
      try {
        pathInput[key] = decodeURIComponent(raw);
      } catch {
        throw new RestError(400, { code: "INVALID_INPUT", message: `The path segment "${raw}" is not a valid URL escape.`, details: { fields: { [key]: ["is not a valid URL escape"] } } });
      }
    }
    return { route, pathInput };
  }
  return null;
}

let openApiJson: string | undefined;

/** The error body every operation answers (`ApiErrorBody`, errors.ts), as the OpenAPI document names it. */
export const API_ERROR_REF = "#/components/schemas/ApiError";
type OpenApiDocument = ReturnType<typeof generateOpenApiDocument>;
const API_ERROR_SCHEMA: NonNullable<NonNullable<OpenApiDocument["components"]>["schemas"]>[string] = {
  type: "object",
  description: "Every error: `code` is stable and safe to branch on; for bad input `details.fields` maps each field path to its messages.",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string", examples: ["INVALID_INPUT", "ORDER_NOT_FOUND", "STALE_VERSION"] },
        message: { type: "string", description: "A sentence for people" },
        details: { type: "object", additionalProperties: true },
      },
      required: ["code", "message"],
    },
  },
  required: ["error"],
};

type OpenApiResponses = Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;

/**
 * trpc-to-openapi describes tRPC's own error body (`{ message, code, issues }`); this door answers
 * `{ "error": { code, message, details } }`. Each error response is pointed at that shape, and a `default`
 * response covers the statuses the door adds (404, 409, 413, 415, 422, 429, 503): clients generated from the
 * document then read errors as they come.
 */
function withDoorErrors(doc: OpenApiDocument): OpenApiDocument {
  const schemas = Object.fromEntries(Object.entries(doc.components?.schemas ?? {}).filter(([name]) => !name.startsWith("error.")));
  doc.components = { ...doc.components, schemas: { ...schemas, ApiError: API_ERROR_SCHEMA } };
  const error = { "application/json": { schema: { $ref: API_ERROR_REF } } };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, { responses?: OpenApiResponses }>)) {
      if (!operation.responses) continue;
      for (const [status, response] of Object.entries(operation.responses)) if (!status.startsWith("2")) response.content = error;
      operation.responses.default = { description: "Any other error (see docs/api.md, Errors)", content: error };
    }
  }
  return doc;
}

/** The OpenAPI document, generated and serialized once per process. */
export function getOpenApiJson(): string {
  openApiJson ??= JSON.stringify(
    withDoorErrors(generateOpenApiDocument(appRouter, {
      title: "Orderdesk API",
      description:
        "The integration API of Orderdesk. Authenticate with `Authorization: Bearer <key>` (Admin → API keys). " +
        "Money is integer minor units beside `currency`; lists take `limit` and `cursor` and answer `{ items, nextCursor }`; " +
        'errors answer `{ "error": { "code", "message", "details" } }`.',
      version: "1.0.0",
      baseUrl: REST_BASE,
      docsUrl: "/api/docs",
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An Orderdesk API key" } },
    })),
  );
  return openApiJson;
}

export function getOpenApiDocument(): OpenApiDocument {
  return JSON.parse(getOpenApiJson());
}
