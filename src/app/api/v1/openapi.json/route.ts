import { getOpenApiJson } from "~/server/api/rest";

export const dynamic = "force-dynamic";

/**
 * The OpenAPI document, generated and serialized once per process. (Next compresses responses itself and
 * drops a route's own Content-Encoding, so it is not pre-compressed here.)
 */
export function GET() {
  return new Response(getOpenApiJson(), { headers: { "content-type": "application/json", "cache-control": "no-cache" } });
}
