import { invoicePdfResponse } from "~/components/billing/invoice-pdf-response";
import { withApiKey } from "~/server/api/rest";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/invoices/{number}/pdf`: the invoice as a PDF for other systems, with an API key (`invoices.view`).
 * Errors answer like the rest of the REST door: `{ "error": { code, message, details } }` with 401/403/404.
 */
export async function GET(req: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  return withApiKey(req, getDb, (ctx) => invoicePdfResponse(ctx, decodedOnce(number)));
}

/** Next hands over the segment decoded on some paths and raw on others; a lone `%` must not throw (a 500). */
function decodedOnce(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
