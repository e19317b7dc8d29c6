import { handleImportUpload } from "~/server/api/imports";
import { createRestHandler } from "~/server/api/rest";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/** `POST /api/v1/imports?kind=…&name=…`: a CSV file streamed in (src/server/api/imports.ts). */
export function POST(req: Request) {
  return handleImportUpload(req, getDb);
}

// `GET /imports` (the list) is a procedure like any other: this folder's route takes the path, so it passes it on.
const rest = createRestHandler(getDb);
export { rest as GET, rest as HEAD };
