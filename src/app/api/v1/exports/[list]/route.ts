import { handleExport } from "~/server/api/exports";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/exports/{list}.csv?<the list's filters>`: a whole list as CSV, streamed page by page
 * (src/server/api/exports.ts). Signed-in users send their session cookie; other systems an API key.
 */
export async function GET(req: Request, { params }: { params: Promise<{ list: string }> }) {
  const { list } = await params;
  return handleExport(req, getDb, list);
}
