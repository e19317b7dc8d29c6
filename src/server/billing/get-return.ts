import { and, asc, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { products } from "../catalog";
import { customers } from "../customers";
import type { Db, DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { AppError } from "../errors";
import { warehouses } from "../inventory";
import { orderLines, orders } from "../orders";
import { creditNotes, returnLines, returnReasons, returns } from "./schema";
import type { TListReturnsInput, TReturn } from "./schemas";
import { isUuid } from "~/lib/uuid";

export type ReturnRow = typeof returns.$inferSelect;

/** A return by number (RMA-400001) or id, locked when it is about to change; 404 naming it. */
export async function loadReturn(db: DbOrTx, key: string, options: { forUpdate?: boolean } = {}): Promise<ReturnRow> {
  const where = isUuid(key) ? eq(returns.id, key) : eq(returns.number, key.trim().toUpperCase());
  const query = db.select().from(returns).where(where).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw AppError.notFound("return", key);
  return row;
}

export async function getReturn(options: { db: DbOrTx; id: string }): Promise<TReturn> {
  return (await toReturnDtos(options.db, [await loadReturn(options.db, options.id)]))[0]!;
}

export async function toReturnDtos(db: DbOrTx, rows: ReturnRow[]): Promise<TReturn[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [heads, lines] = await Promise.all([
    db
      .select({ id: returns.id, order: orders.number, currency: orders.currency, customerCode: customers.code, customerName: customers.name, note: creditNotes.number, noteTotal: creditNotes.total })
      .from(returns)
      .innerJoin(orders, eq(orders.id, returns.orderId))
      .innerJoin(customers, eq(customers.id, returns.customerId))
      .leftJoin(creditNotes, eq(creditNotes.id, returns.creditNoteId))
      .where(inArray(returns.id, ids)),
    db
      .select({
        returnId: returnLines.returnId,
        lineNo: orderLines.lineNo,
        sku: products.sku,
        description: products.name,
        quantity: returnLines.quantity,
        reason: returnLines.reason,
        reasonLabel: returnReasons.label,
        disposition: returnLines.disposition,
        warehouse: warehouses.code,
      })
      .from(returnLines)
      .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
      .innerJoin(products, eq(products.id, returnLines.productId))
      .innerJoin(returnReasons, eq(returnReasons.code, returnLines.reason))
      .innerJoin(warehouses, eq(warehouses.id, returnLines.warehouseId))
      .where(inArray(returnLines.returnId, ids))
      .orderBy(asc(orderLines.lineNo)),
  ]);
  const headOf = new Map(heads.map((h) => [h.id, h]));
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return rows.map((row) => {
    const head = headOf.get(row.id)!;
    return {
      id: row.id,
      number: row.number,
      order: head.order,
      customer: { code: head.customerCode, name: head.customerName },
      status: row.status,
      currency: head.currency,
      value: row.value,
      notes: row.notes,
      requestedBy: row.requestedBy,
      decidedBy: row.decidedBy,
      decidedAt: iso(row.decidedAt),
      decisionNote: row.decisionNote,
      receivedBy: row.receivedBy,
      receivedAt: iso(row.receivedAt),
      creditNote: head.note ? { number: head.note, total: head.noteTotal! } : null,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      lines: lines.filter((l) => l.returnId === row.id).map(({ returnId: _id, ...l }) => l),
    };
  });
}

/** Returns, newest first, by status, order or customer. */
export async function listReturns(options: { db: Db; input: TListReturnsInput }) {
  const { db, input } = options;
  const conditions = [];
  if (input.status) conditions.push(eq(returns.status, input.status));
  if (input.order) conditions.push(sql`${returns.orderId} = (select id from ${orders} where number = ${input.order.toUpperCase()})`);
  if (input.customer) conditions.push(sql`${returns.customerId} = (select id from ${customers} where code = ${input.customer})`);
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [string, string];
    conditions.push(or(lt(returns.createdAt, new Date(at)), and(eq(returns.createdAt, new Date(at)), lt(returns.id, id))));
  }
  const rows = await db
    .select()
    .from(returns)
    .where(and(...conditions))
    .orderBy(desc(returns.createdAt), desc(returns.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => r, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: await toReturnDtos(db, page.items), nextCursor: page.nextCursor };
}

export async function listReturnReasons(options: { db: DbOrTx }) {
  return options.db.select({ code: returnReasons.code, label: returnReasons.label }).from(returnReasons).where(eq(returnReasons.isActive, true)).orderBy(asc(returnReasons.label));
}
