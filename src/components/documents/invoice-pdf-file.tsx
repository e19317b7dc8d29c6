import { renderToBuffer } from "@react-pdf/renderer";
import type { Db } from "~/server/db";
import { getInvoice } from "~/server/billing/list-invoices";
import { getBillingSettings } from "~/server/billing/settings";
import { InvoicePdf } from "./invoice-pdf";

/**
 * An invoice's PDF as a file, for the e-mail that carries it (the job worker's attachment renderer): the same
 * document as its page's and the REST door's PDF (invoice-pdf-response.tsx), read without a caller since no
 * user asks for it.
 */
export async function invoicePdfFile(db: Db, number: string): Promise<{ filename: string; content: Buffer; contentType: string }> {
  const [invoice, company] = await Promise.all([getInvoice({ db, number }), getBillingSettings({ db })]);
  return { filename: `${invoice.number ?? number}.pdf`, content: await renderToBuffer(<InvoicePdf invoice={invoice} company={company} />), contentType: "application/pdf" };
}
