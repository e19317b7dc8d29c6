import { getOpenApiDocument } from "~/server/api/rest";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(getOpenApiDocument());
}
