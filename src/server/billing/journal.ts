import { sql } from "drizzle-orm";
import type { Db } from "../db";
import { executeRows } from "../db/execute";
import { AppError } from "../errors";
import { JOURNAL_ACCOUNTS } from "./constants";
import { entriesFor, type JournalFact } from "./journal-entries";
import { allocations, creditNotes, invoices, payments, refunds } from "./schema";
import { loadBillingSettings } from "./settings";
import type { TJournal } from "./schemas";

/**
 * The accounting journal of a period (inclusive dates), from the billing documents themselves, so it can
 * never disagree with them: invoices issued and voided, credit notes, payments, allocations and their
 * reversals, refunds. Each document's entries balance (journal-entries.ts), so the period does too.
 */
export async function journal(options: { db: Db; input: { from: string; to: string } }): Promise<TJournal> {
  const { db, input } = options;
  if (input.from > input.to) throw AppError.invalidField("to", "must be on or after from");
  const range = (column: ReturnType<typeof sql>) => sql`${column} between ${input.from}::date and ${input.to}::date`;
  const [settings, rows] = await Promise.all([
    loadBillingSettings(db),
    executeRows<{ kind: JournalFact["kind"]; date: string; document: string; subtotal: string | null; discount_total: string | null; tax_total: string | null; shipping_total: string | null; total: string | null; amount: string | null; source: string | null }>(
      db,
      sql`select 'invoice' as kind, issue_date::text as date, number as document, subtotal, discount_total, tax_total, shipping_total, total, null::bigint as amount, null as source
            from ${invoices} where number is not null and ${range(sql`issue_date`)}
          union all
          select 'invoice_void', (voided_at at time zone 'America/New_York')::date::text, number, subtotal, discount_total, tax_total, shipping_total, total, null, null
            from ${invoices} where status = 'void' and number is not null and ${range(sql`(voided_at at time zone 'America/New_York')::date`)}
          union all
          select 'credit_note', issue_date::text, number, subtotal, 0, tax_total, 0, total, null, null
            from ${creditNotes} where number is not null and ${range(sql`issue_date`)}
          union all
          select 'payment', received_on::text, 'PAY-' || left(id::text, 8), null, null, null, null, null, amount, null
            from ${payments} where ${range(sql`received_on`)}
          union all
          select 'allocation', a.applied_on::text, i.number, null, null, null, null, null, a.amount, coalesce(c.number, 'Payment PAY-' || left(a.payment_id::text, 8))
            from ${allocations} a join ${invoices} i on i.id = a.invoice_id left join ${creditNotes} c on c.id = a.credit_note_id where ${range(sql`a.applied_on`)}
          union all
          select 'allocation_reversal', a.reversed_on::text, i.number, null, null, null, null, null, a.amount, coalesce(c.number, 'Payment PAY-' || left(a.payment_id::text, 8))
            from ${allocations} a join ${invoices} i on i.id = a.invoice_id left join ${creditNotes} c on c.id = a.credit_note_id where a.reversed_on is not null and ${range(sql`a.reversed_on`)}
          union all
          select 'refund', refunded_on::text, 'REF-' || left(id::text, 8), null, null, null, null, null, amount, null
            from ${refunds} where ${range(sql`refunded_on`)}
          order by 2, 3, 1`,
    ),
  ]);
  const n = (v: string | null) => Number(v ?? 0);
  const entries = rows.flatMap((r) =>
    entriesFor({
      kind: r.kind,
      date: r.date,
      document: r.document,
      subtotal: n(r.subtotal),
      discountTotal: n(r.discount_total),
      taxTotal: n(r.tax_total),
      shippingTotal: n(r.shipping_total),
      total: n(r.total),
      amount: n(r.amount),
      source: r.source ?? "",
    } as JournalFact),
  ).map((e) => ({ ...e, accountCode: settings.accounts[e.account] }));
  const byAccount = JOURNAL_ACCOUNTS.map((account) => ({
    account,
    accountCode: settings.accounts[account],
    debit: entries.filter((e) => e.account === account).reduce((s, e) => s + e.debit, 0),
    credit: entries.filter((e) => e.account === account).reduce((s, e) => s + e.credit, 0),
  }));
  return {
    from: input.from,
    to: input.to,
    currency: "USD",
    entries,
    totals: { debit: entries.reduce((s, e) => s + e.debit, 0), credit: entries.reduce((s, e) => s + e.credit, 0) },
    byAccount,
  };
}
