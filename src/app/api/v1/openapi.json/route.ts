import { getOpenApiJson } from "~/server/api/rest";

export const dynamic = "force-dynamic";

export function GET() {
  return new Response(getOpenApiJson(), { headers: { "content-type": "application/json" } });
}
