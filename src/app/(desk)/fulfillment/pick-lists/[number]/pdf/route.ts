import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { PickListPdf } from "~/components/documents/pick-list-pdf";
import { pdfRefusal } from "~/components/fulfillment/not-found";
import { createSessionContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";

export const dynamic = "force-dynamic";

/** The printable pick list: the same permission checks as the page, through the caller. */
export async function GET(req: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const caller = createCaller(await createSessionContext(req.headers));
  try {
    const list = await caller.fulfillment.pickList({ id: decodeURIComponent(number) });
    const pdf = await renderToBuffer(createElement(PickListPdf, { list }) as Parameters<typeof renderToBuffer>[0]);
    return new Response(new Uint8Array(pdf), {
      headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${list.number}.pdf"` },
    });
  } catch (error) {
    const refused = pdfRefusal(error, `pick list ${number}`);
    if (refused) return refused;
    throw error;
  }
}
