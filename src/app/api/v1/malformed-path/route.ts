import { createRestHandler } from "~/server/api/rest";
import { getDb } from "~/server/db";
import { malformedApiPathError, malformedPathSegment } from "~/server/web/path-escapes";

export const dynamic = "force-dynamic";

const door = createRestHandler(getDb);

/**
 * Where next.config.js rewrites an API path whose escapes do not decode (`/api/v1/orders/%`): Next would answer
 * it with a bare 500 while routing (src/server/web/path-escapes.ts). The request keeps its own URL, so the answer
 * names the path: `400 INVALID_INPUT`, before the key is checked and without reading the body. Asked for by its
 * own name it is no API operation, and the REST door says so (404).
 */
async function handler(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  const segment = malformedPathSegment(pathname);
  if (segment === null) return door(req);
  const body = req.method === "HEAD" ? null : JSON.stringify({ error: malformedApiPathError(pathname, segment) });
  return new Response(body, { status: 400, headers: { "content-type": "application/json", "cache-control": "no-store, no-transform" } });
}

export { handler as DELETE, handler as GET, handler as HEAD, handler as OPTIONS, handler as PATCH, handler as POST, handler as PUT };
