import { EXPORT_LISTS } from "./exports";
import { API_ERROR_REF, getOpenApiJson } from "./rest";

/**
 * Operations served by their own Next routes rather than by a procedure (binary answers), added to the
 * generated document: the invoice PDF (src/app/api/v1/invoices/[number]/pdf/route.ts) and the list exports
 * (src/app/api/v1/exports/[list]/route.ts).
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
        "401": { description: "No API key, or one that is not valid", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        "403": { description: "The key's role may not read invoices", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        "404": { description: "No such invoice", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        default: { description: "Any other error (see docs/api.md, Errors)", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
      },
    },
  },
  "/exports/{list}.csv": {
    get: {
      operationId: "exports-csv",
      summary: "A whole list as CSV, streamed (the query takes the list's own filters; cursor and limit are ignored)",
      tags: ["exports"],
      security: [{ bearerAuth: [] }],
      parameters: [{ in: "path", name: "list", required: true, description: "The list to export", schema: { type: "string", enum: Object.keys(EXPORT_LISTS) } }],
      responses: {
        "200": { description: "The list as CSV (UTF-8, CRLF, a header row)", content: { "text/csv": { schema: { type: "string" } } } },
        "400": { description: "A filter that is not valid for the list", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        "401": { description: "No API key, or one that is not valid", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        "403": { description: "The key's role may not view the list", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        "404": { description: "No such list", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        default: { description: "Any other error (see docs/api.md, Errors)", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
      },
    },
  },
};

let json: string | undefined;

/**
 * The document served at `/api/v1/openapi.json`: the procedures' (generated once per process) with the route
 * operations beside them. Clients are generated from this one (`npm run api:types`).
 */
export function servedOpenApiJson(): string {
  if (!json) {
    const doc = JSON.parse(getOpenApiJson()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, operations] of Object.entries(ROUTE_OPERATIONS)) doc.paths[path] = { ...doc.paths[path], ...operations };
    json = JSON.stringify(doc);
  }
  return json;
}
