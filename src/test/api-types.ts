import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import { servedOpenApiJson } from "~/server/api/openapi";

/** Where `npm run api:types` writes the client types; committed, and checked for staleness by a test. */
export const API_TYPES_FILE = "src/generated/openapi.d.ts";

/**
 * The TypeScript types of the REST API (openapi-typescript) from the document served at /api/v1/openapi.json,
 * for openapi-fetch: what an integrator generates from the document, made here from the same one.
 */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.parse(servedOpenApiJson()));
  return `${COMMENT_HEADER}// Made by \`npm run api:types\` from GET /api/v1/openapi.json; do not edit.\n\n${astToString(ast)}`;
}
