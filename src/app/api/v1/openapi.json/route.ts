import { getOpenApiJson } from "~/server/api/rest";

export const dynamic = "force-dynamic";

/**
 * Operations served by their own Next routes rather than by a procedure (binary answers), added to the
 * generated document: today the invoice PDF (src/app/api/v1/invoices/[number]/pdf/route.ts).
 */
const ROUTE_OPERATIONS = {
  "/invoices/{number}/pdf": {
    get: {
      operationId: "invoices-pdf",
      summary: "An invoice as a PDF (company header, bill-to and ship-to, lines, tax per rate, totals, terms; VOID or DRAFT when so)",
      tags: ["invoices"],
      security: [{ bearerAuth: [] }],
      parameters: [{ in: "path", name: "number", required: true, description: "The invoice number (INV-200001), or a draft's id", schema: { type: "string", minLength: 1, maxLength: 60 } }],
      responses: {
        "200": { description: "The invoice's PDF", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } },
        "401": { description: "No API key, or one that is not valid", content: { "application/json": { schema: { $ref: "#/components/schemas/error.UNAUTHORIZED" } } } },
        "403": { description: "The key's role may not read invoices", content: { "application/json": { schema: { $ref: "#/components/schemas/error.FORBIDDEN" } } } },
        "404": { description: "No such invoice", content: { "application/json": { schema: { $ref: "#/components/schemas/error.NOT_FOUND" } } } },
      },
    },
  },
};

let json: string | undefined;

/** The document (generated once per process) with the route operations beside the procedures'. */
function documentJson(): string {
  if (!json) {
    const doc = JSON.parse(getOpenApiJson()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, operations] of Object.entries(ROUTE_OPERATIONS)) doc.paths[path] = { ...doc.paths[path], ...operations };
    json = JSON.stringify(doc);
  }
  return json;
}

/**
 * The OpenAPI document, generated and serialized once per process. (Next compresses responses itself and
 * drops a route's own Content-Encoding, so it is not pre-compressed here.)
 */
export function GET() {
  return new Response(documentJson(), { headers: { "content-type": "application/json", "cache-control": "no-cache" } });
}
