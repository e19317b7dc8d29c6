import { z } from "zod";
import { IMPORT_KINDS } from "../imports/constants";
import { ZImport } from "../imports/dto";
import { EXPORT_LISTS } from "./exports";
import { API_ERROR_REF, getOpenApiJson } from "./rest";

const { $schema: _dialect, ...IMPORT_SCHEMA } = z.toJSONSchema(ZImport);

/**
 * Operations served by their own Next routes rather than by a procedure (binary answers), added to the
 * generated document: the invoice PDF (src/app/api/v1/invoices/[number]/pdf/route.ts), the list exports
 * (src/app/api/v1/exports/[list]/route.ts), and the CSV import's upload and error report (src/app/api/v1/imports).
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
  "/imports": {
    post: {
      operationId: "imports-upload",
      summary: "Upload a CSV file to import: read as it streams in and checked row by row; nothing is written until POST /imports/{id}/start",
      tags: ["imports"],
      security: [{ bearerAuth: [] }],
      parameters: [
        { in: "query", name: "kind", required: true, description: "What the file loads", schema: { type: "string", enum: [...IMPORT_KINDS] } },
        { in: "query", name: "name", required: false, description: "The file's name, shown in the list", schema: { type: "string", maxLength: 200 } },
      ],
      requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
      responses: {
        "201": { description: "The import, checked (status ready)", content: { "application/json": { schema: IMPORT_SCHEMA } } },
        "400": { description: "Not a CSV, a missing column, an empty or too large file", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        "401": { description: "No API key, or one that is not valid", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        "403": { description: "The key's role may not import this kind", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        default: { description: "Any other error (see docs/api.md, Errors)", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
      },
    },
  },
  "/imports/{id}/errors": {
    get: {
      operationId: "imports-errors-csv",
      summary: "The refused and failed rows as CSV: the file's columns, then row, status and error",
      tags: ["imports"],
      security: [{ bearerAuth: [] }],
      parameters: [{ in: "path", name: "id", required: true, description: "The import's id", schema: { type: "string", format: "uuid" } }],
      responses: {
        "200": { description: "The error report (UTF-8, CRLF, a header row)", content: { "text/csv": { schema: { type: "string" } } } },
        "401": { description: "No API key, or one that is not valid", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        "403": { description: "The key's role may not import files", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
        "404": { description: "No such import", content: { "application/json": { schema: { $ref: API_ERROR_REF } } } },
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
