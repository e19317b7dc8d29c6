import { sql } from "drizzle-orm";
import * as clock from "../clock";
import { customers } from "../customers";
import type { Db, DbOrTx } from "../db";
import { executeRows } from "../db/execute";
import { AppError } from "../errors";
import { addDays } from "~/lib/dates";
import { agingBucket, daysBetween, daysSalesOutstanding } from "./amounts";
import { AGING_BUCKETS, type AgingBucket } from "./constants";
import { allocations, creditNotes, invoices, payments, refunds } from "./schema";
import { loadCustomer, paymentLabel } from "./queries";
import type { TAging, TCustomerBalance, TStatement } from "./schemas";

/**
 * Receivables as they stood at the end of a day (`asOf`, default today): an invoice counts when issued by
 * then and not void by then, for its total less the allocations applied by then and not reversed by then.
 * So aging on a past date gives the same numbers it gave that day.
 */
const openItemsAsOf = (asOf: string, customerId?: string) => sql`
  select i.id, i.number, i.customer_id, i.order_id, i.issue_date, i.due_date, i.total, i.customer_reference,
         i.total - coalesce(sum(a.amount) filter (where a.applied_on <= ${asOf}::date and (a.reversed_on is null or a.reversed_on > ${asOf}::date)), 0) as balance
  from ${invoices} i left join ${allocations} a on a.invoice_id = i.id
  where i.issue_date <= ${asOf}::date and i.status <> 'draft' and (i.status <> 'void' or i.voided_at::date > ${asOf}::date)
    ${customerId ? sql`and i.customer_id = ${customerId}` : sql``}
  group by i.id
  having i.total - coalesce(sum(a.amount) filter (where a.applied_on <= ${asOf}::date and (a.reversed_on is null or a.reversed_on > ${asOf}::date)), 0) > 0`;

/** Unapplied customer money at the end of `asOf`: payments and credit notes less what was applied or refunded by then. */
const creditsAsOf = (asOf: string, customerId?: string) => sql`
  select 'payment' as kind, p.id, p.customer_id, p.received_on as date, p.method, p.reference, null as number,
         p.amount - coalesce((select sum(a.amount) from ${allocations} a where a.payment_id = p.id and a.applied_on <= ${asOf}::date and (a.reversed_on is null or a.reversed_on > ${asOf}::date)), 0)
                  - coalesce((select sum(r.amount) from ${refunds} r where r.payment_id = p.id and r.refunded_on <= ${asOf}::date), 0) as amount
  from ${payments} p where p.received_on <= ${asOf}::date ${customerId ? sql`and p.customer_id = ${customerId}` : sql``}
  union all
  select 'credit_note', c.id, c.customer_id, c.issue_date, null, null, c.number,
         c.total - coalesce((select sum(a.amount) from ${allocations} a where a.credit_note_id = c.id and a.applied_on <= ${asOf}::date and (a.reversed_on is null or a.reversed_on > ${asOf}::date)), 0)
                  - coalesce((select sum(r.amount) from ${refunds} r where r.credit_note_id = c.id and r.refunded_on <= ${asOf}::date), 0)
  from ${creditNotes} c where c.number is not null and c.issue_date <= ${asOf}::date ${customerId ? sql`and c.customer_id = ${customerId}` : sql``}`;

const emptyBuckets = () => Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, number>;

/** AR aging per customer and overall, with customer credit and DSO (receivables ÷ the last 90 days' invoicing × 90). */
export async function agingReport(options: { db: Db; input: { asOf?: string; customer?: string } }): Promise<TAging> {
  const { db, input } = options;
  const asOf = input.asOf ?? clock.today();
  const customer = input.customer ? await loadCustomer(db, input.customer) : undefined;
  const late = (from: number, to?: number) =>
    sql`coalesce(sum(o.balance) filter (where ${asOf}::date - o.due_date ${to === undefined ? sql`>= ${from}` : sql`between ${from} and ${to}`}), 0)::bigint`;
  const [rows, credits, [sales]] = await Promise.all([
    executeRows<Record<string, string | number | null> & { customer_id: string; code: string; name: string; oldest: string | null }>(
      db,
      sql`select o.customer_id, c.code, c.name, min(o.due_date)::text as oldest,
                 coalesce(sum(o.balance) filter (where ${asOf}::date - o.due_date <= 0), 0)::bigint as "current",
                 ${late(1, 30)} as "1-30", ${late(31, 60)} as "31-60", ${late(61, 90)} as "61-90", ${late(91)} as "90+"
          from (${openItemsAsOf(asOf, customer?.id)}) o join ${customers} c on c.id = o.customer_id
          group by o.customer_id, c.code, c.name`,
    ),
    executeRows<{ customer_id: string; code: string; name: string; amount: string }>(
      db,
      sql`select k.customer_id, c.code, c.name, sum(k.amount)::bigint as amount from (${creditsAsOf(asOf, customer?.id)}) k join ${customers} c on c.id = k.customer_id
          where k.amount > 0 group by k.customer_id, c.code, c.name`,
    ),
    executeRows<{ sales: string }>(
      db,
      sql`select coalesce(sum(total), 0)::bigint as sales from ${invoices}
          where issue_date > ${addDays(asOf, -90)}::date and issue_date <= ${asOf}::date and status <> 'draft' and (status <> 'void' or voided_at::date > ${asOf}::date)
          ${customer ? sql`and customer_id = ${customer.id}` : sql``}`,
    ),
  ]);
  const byCustomer = new Map<string, TAging["customers"][number]>();
  for (const r of rows) {
    const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, Number(r[b])])) as Record<AgingBucket, number>;
    byCustomer.set(r.customer_id, { customer: { code: r.code, name: r.name }, buckets, total: AGING_BUCKETS.reduce((s, b) => s + buckets[b], 0), credit: 0, oldestDueDate: r.oldest });
  }
  for (const c of credits) {
    const row = byCustomer.get(c.customer_id) ?? { customer: { code: c.code, name: c.name }, buckets: emptyBuckets(), total: 0, credit: 0, oldestDueDate: null };
    row.credit = Number(c.amount);
    byCustomer.set(c.customer_id, row);
  }
  const list = [...byCustomer.values()].sort((a, b) => b.total - a.total || a.customer.code.localeCompare(b.customer.code));
  const totals = emptyBuckets();
  for (const row of list) for (const b of AGING_BUCKETS) totals[b] += row.buckets[b];
  const total = AGING_BUCKETS.reduce((s, b) => s + totals[b], 0);
  return {
    asOf,
    currency: customer?.currency ?? "USD",
    totals,
    total,
    credit: list.reduce((s, r) => s + r.credit, 0),
    dso: daysSalesOutstanding(total, Number(sales?.sales ?? 0), 90),
    customers: list,
  };
}

/** A customer's statement: open invoices with their age, unapplied credit, and what is owed after it. */
export async function customerStatement(options: { db: Db; input: { customer: string; asOf?: string } }): Promise<TStatement> {
  const { db, input } = options;
  const asOf = input.asOf ?? clock.today();
  const customer = await loadCustomer(db, input.customer);
  const [items, credits, [address]] = await Promise.all([
    executeRows<{ number: string; order: string; customer_reference: string | null; issue_date: string; due_date: string; total: string; balance: string }>(
      db,
      sql`select o.number, ord.number as order, o.customer_reference, o.issue_date::text, o.due_date::text, o.total, o.balance
          from (${openItemsAsOf(asOf, customer.id)}) o join orders ord on ord.id = o.order_id order by o.due_date, o.number`,
    ),
    executeRows<{ kind: "payment" | "credit_note"; date: string; method: string | null; reference: string | null; number: string | null; amount: string }>(
      db,
      sql`select kind, date::text, method, reference, number, amount from (${creditsAsOf(asOf, customer.id)}) k where amount > 0 order by date`,
    ),
    executeRows<{ line1: string; city: string; region: string; postal_code: string; country: string }>(
      db,
      sql`select line1, city, region, postal_code, country from customer_addresses where customer_id = ${customer.id} and kind = 'billing'`,
    ),
  ]);
  const buckets = emptyBuckets();
  const openInvoices = items.map((i) => {
    const bucket = agingBucket(i.due_date, asOf);
    const balance = Number(i.balance);
    buckets[bucket] += balance;
    return {
      number: i.number,
      order: i.order,
      customerReference: i.customer_reference,
      issueDate: i.issue_date,
      dueDate: i.due_date,
      total: Number(i.total),
      amountPaid: Number(i.total) - balance,
      balance,
      daysOverdue: Math.max(0, daysBetween(i.due_date, asOf)),
      bucket,
    };
  });
  const creditList = credits.map((c) => ({
    kind: c.kind,
    label: c.kind === "payment" ? paymentLabel({ method: c.method!, reference: c.reference, receivedOn: c.date }) : c.number!,
    date: c.date,
    amount: Number(c.amount),
  }));
  const totalDue = openInvoices.reduce((s, i) => s + i.balance, 0);
  const totalCredit = creditList.reduce((s, c) => s + c.amount, 0);
  return {
    asOf,
    customer: {
      code: customer.code,
      name: customer.name,
      paymentTermsDays: customer.paymentTermsDays,
      billingAddress: address ? { line1: address.line1, city: address.city, region: address.region, postalCode: address.postal_code, country: address.country } : null,
    },
    currency: customer.currency,
    openInvoices,
    credits: creditList,
    buckets,
    totalDue,
    totalCredit,
    balance: totalDue - totalCredit,
  };
}

/** The customer's money now, for order entry's account panel: open and overdue balance, credit, the oldest overdue. */
export async function customerBalance(db: DbOrTx, customerId: string): Promise<TCustomerBalance> {
  const today = clock.today();
  const [row] = await executeRows<{ currency: string; open: string; overdue: string; count: string; oldest: string | null; credit: string }>(
    db,
    sql`select c.currency,
          coalesce((select sum(total - amount_paid) from ${invoices} where customer_id = c.id and status in ('issued', 'partially_paid')), 0) as open,
          coalesce((select sum(total - amount_paid) from ${invoices} where customer_id = c.id and status in ('issued', 'partially_paid') and due_date < ${today}::date), 0) as overdue,
          (select count(*) from ${invoices} where customer_id = c.id and status in ('issued', 'partially_paid')) as count,
          (select min(due_date)::text from ${invoices} where customer_id = c.id and status in ('issued', 'partially_paid') and due_date < ${today}::date) as oldest,
          coalesce((select sum(amount - amount_allocated - amount_refunded) from ${payments} where customer_id = c.id), 0)
            + coalesce((select sum(total - amount_applied - amount_refunded) from ${creditNotes} where customer_id = c.id and number is not null), 0) as credit
        from ${customers} c where c.id = ${customerId}`,
  );
  if (!row) throw AppError.notFound("customer", customerId);
  return {
    currency: row.currency,
    openBalance: Number(row.open),
    overdueBalance: Number(row.overdue),
    credit: Number(row.credit),
    openInvoices: Number(row.count),
    oldestOverdueDays: row.oldest ? daysBetween(row.oldest, today) : 0,
  };
}
