import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { CreditNotePdf } from "~/components/documents/credit-note-pdf";
import { InvoicePdf } from "~/components/documents/invoice-pdf";
import { createCaller } from "~/server/api/root";
import type { Context } from "~/server/api/trpc";
import { getBillingSettings } from "~/server/billing/settings";

type PdfOptions = { download?: boolean };

/**
 * The invoice's PDF for whoever `ctx` is (a desk session or an API key): the invoice through the caller, so
 * the same permission check as its page and the REST door (`invoices.view`). The company header comes from
 * the billing settings, which every document prints, so it is read as such (reps may see an invoice but not
 * the receivables settings procedure).
 */
export async function invoicePdfResponse(ctx: Context, key: string, options: PdfOptions = {}): Promise<Response> {
  const invoice = await createCaller(ctx).invoices.get({ number: key });
  const company = await getBillingSettings({ db: ctx.db });
  const name = invoice.number ?? `draft-invoice-${invoice.id.slice(0, 8)}`;
  return pdfResponse(await renderToBuffer(<InvoicePdf invoice={invoice} company={company} />), `${name}.pdf`, options);
}

/** A credit note's PDF, like the invoice's. */
export async function creditNotePdfResponse(ctx: Context, key: string, options: PdfOptions = {}): Promise<Response> {
  const note = await createCaller(ctx).creditNotes.get({ number: key });
  const company = await getBillingSettings({ db: ctx.db });
  return pdfResponse(await renderToBuffer(<CreditNotePdf note={note} company={company} />), `${note.number}.pdf`, options);
}

function pdfResponse(pdf: Buffer, filename: string, options: PdfOptions): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `${options.download ? "attachment" : "inline"}; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
