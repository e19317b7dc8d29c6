import { handleImportErrors } from "~/server/api/imports";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/** `GET /api/v1/imports/{id}/errors`: the refused and failed rows as CSV (src/server/api/imports.ts). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleImportErrors(req, getDb, id);
}
