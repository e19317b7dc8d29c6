import { creditNotePdfResponse } from "~/components/billing/invoice-pdf-response";
import { pdfRefusal } from "~/components/fulfillment/not-found";
import { createSessionContext } from "~/server/api/context";

export const dynamic = "force-dynamic";

/** A credit note's PDF for the desk (`?download=1` saves it): the same permission check as its page. */
export async function GET(req: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  try {
    return await creditNotePdfResponse(await createSessionContext(req.headers), decodeURIComponent(number), { download: new URL(req.url).searchParams.has("download") });
  } catch (error) {
    const refused = pdfRefusal(error, `credit note ${number}`);
    if (refused) return refused;
    throw error;
  }
}
