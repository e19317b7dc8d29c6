import { sql } from "drizzle-orm";
import * as clock from "../clock";
import { recordReceivables } from "../customers";
import type { DbOrTx } from "../db";
import { executeRows } from "../db/execute";
import { addDays } from "~/lib/dates";
import { daysBetween } from "./amounts";
import { billingSettings, invoices } from "./schema";
import { BILLING_SETTINGS_DEFAULTS } from "./settings";

/**
 * After anything that changes what a customer owes (an invoice issued or voided, money applied or taken
 * back, the daily run), in the same transaction: the customer's unpaid total and overdue hold, which the
 * order path's credit check reads with the customer.
 */
export async function refreshReceivables(tx: DbOrTx, customerId: string, options: { /** An invoice about to be issued, not yet counted. */ issuing?: number } = {}) {
  const today = clock.today();
  // One round trip: the unpaid total, the oldest overdue invoice, and the company's limit (settings row or default).
  const [row] = await executeRows<{ unpaid: string | null; oldest_number: string | null; oldest_due: string | null; configured: boolean; hold_days: number | null }>(
    tx,
    sql`select (select sum(total - amount_paid) from ${invoices} where customer_id = ${customerId} and status in ('issued', 'partially_paid')) as unpaid,
               o.number as oldest_number, o.due_date::text as oldest_due,
               s.id is not null as configured, s.hold_overdue_days as hold_days
        from (select 1) one
        left join ${billingSettings} s on s.id = 1
        left join lateral (select number, due_date from ${invoices}
                           where customer_id = ${customerId} and status in ('issued', 'partially_paid') and due_date < ${today}::date
                           order by due_date, number limit 1) o on true`,
  );
  const limit = row?.configured ? row.hold_days : BILLING_SETTINGS_DEFAULTS.holdOverdueDays;
  const late = row?.oldest_due ? daysBetween(row.oldest_due, today) : 0;
  const overdueHold =
    limit !== null && row?.oldest_due && row.oldest_due < addDays(today, -limit)
      ? `${row.oldest_number} is ${late} days overdue (orders wait beyond ${limit} days).`
      : null;
  await recordReceivables(tx, customerId, { unpaidInvoices: Number(row?.unpaid ?? 0) + (options.issuing ?? 0), overdueHold });
}
