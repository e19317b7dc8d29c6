import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { isIsoDate } from "~/components/billing/receivables-format";
import { StatementPdf } from "~/components/documents/statement-pdf";
import { pdfRefusal } from "~/components/fulfillment/not-found";
import { createSessionContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { getBillingSettings } from "~/server/billing/settings";

export const dynamic = "force-dynamic";

/**
 * A customer's statement as a PDF (`?asOf=2026-03-31`, default today): the statement through the caller,
 * with the same permission check as the page (invoices.view). The company header is the billing settings'
 * — read directly, because everyone who may see a statement may see whose statement it is, while the
 * settings procedure is for receivables.view.
 */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const asked = new URL(req.url).searchParams.get("asOf") ?? undefined;
  const ctx = await createSessionContext(req.headers);
  const caller = createCaller(ctx);
  try {
    const statement = await caller.receivables.statement({ customer: decodeURIComponent(code), asOf: isIsoDate(asked) ? asked : undefined });
    const company = await getBillingSettings({ db: ctx.db });
    const pdf = await renderToBuffer(createElement(StatementPdf, { statement, company }) as Parameters<typeof renderToBuffer>[0]);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="statement-${statement.customer.code.replace(/[^\w.-]/g, "_")}-${statement.asOf}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    const refused = pdfRefusal(error, `customer ${code}`);
    if (refused) return refused;
    throw error;
  }
}
