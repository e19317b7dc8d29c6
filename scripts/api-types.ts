/**
 * npm run api:types
 * Writes the REST API's TypeScript types (src/generated/openapi.d.ts) from the OpenAPI document, for
 * openapi-fetch clients. Run it after changing a procedure's openapi meta or its schemas, and commit the file:
 * src/server/api/openapi-client.int.test.ts fails while it is stale.
 */
import { writeFileSync } from "node:fs";
import { API_TYPES_FILE, generateApiTypes } from "~/test/api-types";

writeFileSync(API_TYPES_FILE, await generateApiTypes());
console.log(`Wrote ${API_TYPES_FILE}`);
