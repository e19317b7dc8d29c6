import { and, asc, desc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import { customers } from "../customers";
import type { Db, DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { AppError } from "../errors";
import { allocationDtos, type PaymentRow } from "./queries";
import { allocations, payments, refunds } from "./schema";
import type { TListPaymentsInput, TPayment } from "./schemas";
import { isUuid } from "~/lib/uuid";

export async function loadPayment(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<PaymentRow> {
  if (!isUuid(id)) throw AppError.notFound("payment", id);
  const query = db.select().from(payments).where(eq(payments.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw AppError.notFound("payment", id);
  return row;
}

/** A payment with where it went (allocations, also those taken back) and what was refunded. */
export async function getPayment(options: { db: DbOrTx; id: string }): Promise<TPayment> {
  const row = await loadPayment(options.db, options.id);
  return (await toPaymentDtos(options.db, [row]))[0]!;
}

export async function toPaymentDtos(db: DbOrTx, rows: PaymentRow[]): Promise<TPayment[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [heads, applied, paidBack] = await Promise.all([
    db.select({ id: customers.id, code: customers.code, name: customers.name }).from(customers).where(inArray(customers.id, [...new Set(rows.map((r) => r.customerId))])),
    allocationDtos(db, inArray(allocations.paymentId, ids) as ReturnType<typeof eq>),
    db.select().from(refunds).where(inArray(refunds.paymentId, ids)).orderBy(asc(refunds.createdAt)),
  ]);
  const customerOf = new Map(heads.map((h) => [h.id, { code: h.code, name: h.name }]));
  return rows.map((row) => ({
    id: row.id,
    customer: customerOf.get(row.customerId)!,
    method: row.method,
    reference: row.reference,
    receivedOn: row.receivedOn,
    currency: row.currency,
    amount: row.amount,
    amountAllocated: row.amountAllocated,
    amountRefunded: row.amountRefunded,
    unallocated: row.amount - row.amountAllocated - row.amountRefunded,
    notes: row.notes,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt.toISOString(),
    allocations: applied.filter((a) => a.source.kind === "payment" && a.source.id === row.id),
    refunds: paidBack
      .filter((r) => r.paymentId === row.id)
      .map((r) => ({ id: r.id, amount: r.amount, method: r.method, reference: r.reference, refundedOn: r.refundedOn, createdBy: r.createdBy })),
  }));
}

/** Payments, newest first (received date, then id), by customer or with money still unallocated. */
export async function listPayments(options: { db: Db; input: TListPaymentsInput }) {
  const { db, input } = options;
  const conditions = [];
  if (input.customer) {
    const [customer] = await db.select({ id: customers.id }).from(customers).where(eq(customers.code, input.customer));
    if (!customer) return { items: [], nextCursor: null };
    conditions.push(eq(payments.customerId, customer.id));
  }
  if (input.unallocated) conditions.push(sql`${payments.amount} - ${payments.amountAllocated} - ${payments.amountRefunded} > 0`);
  if (input.cursor) {
    const [on, id] = decodeCursor(input.cursor, 2) as [string, string];
    conditions.push(or(lt(payments.receivedOn, on), and(eq(payments.receivedOn, on), gt(payments.id, id))));
  }
  const rows = await db
    .select()
    .from(payments)
    .where(and(...conditions))
    .orderBy(desc(payments.receivedOn), asc(payments.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => r, (r) => [r.receivedOn, r.id]);
  return { items: await toPaymentDtos(db, page.items), nextCursor: page.nextCursor };
}
