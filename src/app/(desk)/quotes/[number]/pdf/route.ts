import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { OrderPdf } from "~/components/documents/order-pdf";
import { createSessionContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";

export const dynamic = "force-dynamic";

/** The printable quote (or order confirmation): the same permission checks as the page, through the caller. */
export async function GET(req: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const caller = createCaller(await createSessionContext(req.headers));
  try {
    const order = await caller.orders.get({ number: decodeURIComponent(number) });
    const pdf = await renderToBuffer(createElement(OrderPdf, { order }) as Parameters<typeof renderToBuffer>[0]);
    return new Response(new Uint8Array(pdf), {
      headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${order.number}.pdf"` },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const status = code === "UNAUTHORIZED" ? 401 : code === "FORBIDDEN" ? 403 : code === "NOT_FOUND" ? 404 : 500;
    if (status === 500) throw error;
    return new Response(status === 404 ? `No order or quote ${number}` : "Not allowed", { status });
  }
}
