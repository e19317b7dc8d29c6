import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { PackingSlipPdf } from "~/components/documents/packing-slip-pdf";
import { pdfRefusal } from "~/components/fulfillment/not-found";
import { createSessionContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";

export const dynamic = "force-dynamic";

/** A shipment's packing slip: the shipment and its order through the caller, with the same permission checks as the pages. */
export async function GET(req: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const caller = createCaller(await createSessionContext(req.headers));
  try {
    const shipment = await caller.fulfillment.get({ id: decodeURIComponent(number) });
    const order = await caller.orders.get({ number: shipment.order });
    const pdf = await renderToBuffer(createElement(PackingSlipPdf, { shipment, order }) as Parameters<typeof renderToBuffer>[0]);
    return new Response(new Uint8Array(pdf), {
      headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${shipment.number}-packing-slip.pdf"` },
    });
  } catch (error) {
    const refused = pdfRefusal(error, `shipment ${number}`);
    if (refused) return refused;
    throw error;
  }
}
