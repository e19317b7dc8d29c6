/**
 * What /api/trpc refuses before tRPC reads a request (issue 14, rows 9 and 11). Pure: takes a fetch Request.
 *
 * - A mutation (every POST: queries travel as GET) must be `application/json` (415 otherwise): an HTML form can
 *   only send urlencoded, multipart or text/plain, and a cross-site JSON fetch needs a CORS preflight nobody
 *   answers. When the browser says where it comes from (`Origin`, `Sec-Fetch-Site`), it must be this origin
 *   (403 otherwise). A request with neither header is not a browser's (every browser sends `Origin` on POST).
 * - A batch holds at most MAX_TRPC_BATCH_SIZE calls (400 above it); the client's batch link splits at the same size.
 */

/** The largest tRPC batch the server takes; src/trpc/react.tsx's batch link uses the same number. */
export const MAX_TRPC_BATCH_SIZE = 20;

export type TrpcRefusal = { status: 400 | 403 | 415; code: "BAD_REQUEST" | "FORBIDDEN" | "UNSUPPORTED_MEDIA_TYPE"; message: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins this request may come from: its URL's, and the one the Host (or a proxy's X-Forwarded-*) names. */
export function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const origins = new Set([url.origin]);
  const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const proto = forwardedProto || url.protocol.replace(/:$/, "");
  for (const host of [request.headers.get("x-forwarded-host")?.split(",")[0]?.trim(), request.headers.get("host")]) {
    if (!host) continue;
    try {
      origins.add(new URL(`${proto}://${host}`).origin);
    } catch {
      // not a host: ignore
    }
  }
  return origins;
}

/** The number of calls in a tRPC request: `/api/trpc/a,b,c?batch=1` holds three. */
export function batchSizeOf(request: Request, endpoint: string): number {
  const url = new URL(request.url);
  if (url.searchParams.get("batch") !== "1") return 1;
  const path = url.pathname.startsWith(`${endpoint}/`) ? url.pathname.slice(endpoint.length + 1) : "";
  return path.split(",").length;
}

function isJson(contentType: string | null): boolean {
  return contentType?.split(";", 1)[0]?.trim().toLowerCase() === "application/json";
}

/** Why /api/trpc refuses this request, or null to let tRPC answer it. */
export function checkTrpcRequest(request: Request, endpoint: string): TrpcRefusal | null {
  const size = batchSizeOf(request, endpoint);
  if (size > MAX_TRPC_BATCH_SIZE) {
    return {
      status: 400,
      code: "BAD_REQUEST",
      message: `A batch may hold at most ${MAX_TRPC_BATCH_SIZE} calls; this one holds ${size}. Send them in smaller batches.`,
    };
  }
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;

  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") {
    return { status: 403, code: "FORBIDDEN", message: "Changes are accepted only from Orderdesk's own pages." };
  }
  const origin = request.headers.get("origin");
  if (origin !== null && !ownOrigins(request).has(origin)) {
    return { status: 403, code: "FORBIDDEN", message: "Changes are accepted only from Orderdesk's own pages." };
  }
  if (!isJson(request.headers.get("content-type"))) {
    return { status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "Changes must be sent as application/json." };
  }
  return null;
}
