import { and, asc, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { customers } from "../customers";
import type { Db, DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { AppError } from "../errors";
import { orders } from "../orders";
import { taxByRate } from "./amounts";
import { allocationDtos, type CreditNoteRow } from "./queries";
import { allocations, creditNoteLines, creditNotes, invoices, refunds, returns } from "./schema";
import type { TCreditNote, TListCreditNotesInput } from "./schemas";
import { isUuid } from "~/lib/uuid";

/** A credit note by number (CN-300001) or id, locked when it is about to change; 404 naming it. */
export async function loadCreditNote(db: DbOrTx, key: string, options: { forUpdate?: boolean } = {}): Promise<CreditNoteRow> {
  const where = isUuid(key) ? eq(creditNotes.id, key) : eq(creditNotes.number, key.trim().toUpperCase());
  const query = db.select().from(creditNotes).where(and(where, sql`${creditNotes.number} is not null`)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw AppError.notFound("credit note", key);
  return row;
}

export async function getCreditNote(options: { db: DbOrTx; number: string }): Promise<TCreditNote> {
  return (await toCreditNoteDtos(options.db, [await loadCreditNote(options.db, options.number)]))[0]!;
}

export async function toCreditNoteDtos(db: DbOrTx, rows: CreditNoteRow[]): Promise<TCreditNote[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [heads, lines, applied, paidBack] = await Promise.all([
    db
      .select({ id: creditNotes.id, customerCode: customers.code, customerName: customers.name, order: orders.number, invoice: invoices.number, return: returns.number })
      .from(creditNotes)
      .innerJoin(customers, eq(customers.id, creditNotes.customerId))
      .leftJoin(orders, eq(orders.id, creditNotes.orderId))
      .leftJoin(invoices, eq(invoices.id, creditNotes.invoiceId))
      .leftJoin(returns, eq(returns.id, creditNotes.returnId))
      .where(inArray(creditNotes.id, ids)),
    db.select().from(creditNoteLines).where(inArray(creditNoteLines.creditNoteId, ids)).orderBy(asc(creditNoteLines.id)),
    allocationDtos(db, inArray(allocations.creditNoteId, ids) as ReturnType<typeof eq>),
    db.select().from(refunds).where(inArray(refunds.creditNoteId, ids)).orderBy(asc(refunds.createdAt)),
  ]);
  const headOf = new Map(heads.map((h) => [h.id, h]));
  return rows.map((row) => {
    const head = headOf.get(row.id)!;
    const own = lines.filter((l) => l.creditNoteId === row.id);
    return {
      id: row.id,
      number: row.number!,
      kind: row.kind,
      customer: { code: head.customerCode, name: head.customerName },
      order: head.order,
      invoice: head.invoice,
      return: head.return,
      currency: row.currency,
      issueDate: row.issueDate,
      reason: row.reason,
      subtotal: row.subtotal,
      taxTotal: row.taxTotal,
      total: row.total,
      amountApplied: row.amountApplied,
      amountRefunded: row.amountRefunded,
      remaining: row.total - row.amountApplied - row.amountRefunded,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      lines: own.map((l) => ({ sku: l.sku, description: l.description, quantity: l.quantity, amount: l.amount, tax: l.tax, taxRatePpm: l.taxRatePpm })),
      taxes: taxByRate(own.map((l) => ({ taxRatePpm: l.taxRatePpm, lineTotal: l.amount, tax: l.tax }))),
      allocations: applied.filter((a) => a.source.id === row.id),
      refunds: paidBack
        .filter((r) => r.creditNoteId === row.id)
        .map((r) => ({ id: r.id, amount: r.amount, method: r.method, reference: r.reference, refundedOn: r.refundedOn, createdBy: r.createdBy })),
    };
  });
}

/** Credit notes, newest first, by customer or order. */
export async function listCreditNotes(options: { db: Db; input: TListCreditNotesInput }) {
  const { db, input } = options;
  const conditions = [sql`${creditNotes.number} is not null`];
  if (input.customer) conditions.push(sql`${creditNotes.customerId} = (select id from ${customers} where code = ${input.customer})`);
  if (input.order) conditions.push(sql`${creditNotes.orderId} = (select id from ${orders} where number = ${input.order.toUpperCase()})`);
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [string, string];
    conditions.push(or(lt(creditNotes.createdAt, new Date(at)), and(eq(creditNotes.createdAt, new Date(at)), lt(creditNotes.id, id)))!);
  }
  const rows = await db
    .select()
    .from(creditNotes)
    .where(and(...conditions))
    .orderBy(desc(creditNotes.createdAt), desc(creditNotes.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => r, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: await toCreditNoteDtos(db, page.items), nextCursor: page.nextCursor };
}
