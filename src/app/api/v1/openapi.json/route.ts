import { servedOpenApiJson } from "~/server/api/openapi";

export const dynamic = "force-dynamic";

/**
 * The OpenAPI document, generated and serialized once per process. (Next compresses responses itself and
 * drops a route's own Content-Encoding, so it is not pre-compressed here.)
 */
export function GET() {
  return new Response(servedOpenApiJson(), { headers: { "content-type": "application/json", "cache-control": "no-cache" } });
}
