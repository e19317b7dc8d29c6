import { and, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError } from "../errors";
import { loadOrderForFulfillment } from "../orders";
import { formatMoney, roundHalfUp } from "~/lib/money";
import { issueCreditNote } from "./create-credit-note";
import { getCreditNote } from "./get-credit-note";
import { loadInvoice } from "./queries";
import { creditNoteLines, creditNotes, invoiceLines } from "./schema";
import type { TCreditNote, TPriceCorrectionInput } from "./schemas";

/**
 * A price agreed lower after the invoice went out: never an edit of the issued invoice, but a credit note for
 * the difference per line (net; tax at the line's own proportion), at most what the line still carries after
 * earlier corrections. It goes against that invoice first; the rest is customer credit.
 */
export async function correctPrice(options: { db: Db; actor: Actor; input: TPriceCorrectionInput }): Promise<TCreditNote> {
  const { db, actor, input } = options;
  const id = await db.transaction(async (tx) => {
    const seen = await loadInvoice(tx, input.invoice);
    await loadOrderForFulfillment(tx, { id: seen.orderId }, { forUpdate: true });
    const invoice = await loadInvoice(tx, seen.id, { forUpdate: true });
    if (invoice.status === "draft" || invoice.status === "void") {
      throw AppError.invalidField("invoice", `${invoice.number ?? "a draft"} is ${invoice.status}: ${invoice.status === "draft" ? "change the order and invoice again" : "there is nothing to correct"}`);
    }
    const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
    const credited = await tx
      .select({ invoiceLineId: creditNoteLines.invoiceLineId, amount: sql<number>`sum(${creditNoteLines.amount})`.mapWith(Number) })
      .from(creditNoteLines)
      .innerJoin(creditNotes, eq(creditNotes.id, creditNoteLines.creditNoteId))
      .where(and(inArray(creditNoteLines.invoiceLineId, lines.map((l) => l.id)), sql`${creditNotes.number} is not null`))
      .groupBy(creditNoteLines.invoiceLineId);
    const creditedOf = new Map(credited.map((c) => [c.invoiceLineId, c.amount]));
    const seenLines = new Set<number>();
    const creditLines = input.lines.map((wanted, i) => {
      const line = lines.find((l) => l.lineNo === wanted.lineNo);
      if (!line) throw AppError.invalidField(`lines.${i}.lineNo`, `${invoice.number} has no line ${wanted.lineNo}`);
      if (seenLines.has(wanted.lineNo)) throw AppError.invalidField(`lines.${i}.lineNo`, `line ${wanted.lineNo} is named twice`);
      seenLines.add(wanted.lineNo);
      const left = line.lineTotal - (creditedOf.get(line.id) ?? 0);
      if (wanted.amount > left) throw AppError.invalidField(`lines.${i}.amount`, `line ${wanted.lineNo} (${line.sku}) has only ${formatMoney(left, invoice.currency, "en-US")} left to credit`);
      return {
        orderLineId: line.orderLineId,
        invoiceLineId: line.id,
        sku: line.sku,
        description: `Price correction: ${line.description}`,
        quantity: null,
        amount: wanted.amount,
        tax: line.lineTotal > 0 ? roundHalfUp((wanted.amount * line.tax) / line.lineTotal) : 0,
        taxRatePpm: line.taxRatePpm,
      };
    });
    const { note } = await issueCreditNote(tx, {
      kind: "price_correction",
      customerId: invoice.customerId,
      orderId: invoice.orderId,
      invoiceId: invoice.id,
      currency: invoice.currency,
      reason: input.reason,
      lines: creditLines,
      actor,
    });
    return note.id;
  });
  return getCreditNote({ db, number: id });
}
