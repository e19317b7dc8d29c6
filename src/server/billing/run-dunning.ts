import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import { customers } from "../customers";
import type { Db } from "../db";
import { executeRows } from "../db/execute";
import { openException } from "../exceptions";
import { EMAIL_TOPICS, enqueueMessage, paymentReminderEmail } from "../integration";
import { loadOrderForFulfillment, orders } from "../orders";
import { addDays } from "~/lib/dates";
import { formatMoney } from "~/lib/money";
import { daysBetween, dunningStageDue } from "./amounts";
import { recordOrderBilling } from "./queries";
import { refreshReceivables } from "./refresh-receivables";
import { invoices } from "./schema";
import { loadBillingSettings } from "./settings";

export const DUNNING: Actor = { kind: "user", id: "system", name: "Collections", role: "finance" };

/**
 * The daily receivables run: each open invoice past its due date makes its order `overdue`, opens (or keeps)
 * a `payment_overdue` exception in finance's queue, and gets the reminder its dunning stage calls for
 * (admin's schedule, e.g. 3, 15 and 30 days) — each stage once. One order per transaction, so a failure
 * leaves the rest done; running it twice the same day changes nothing.
 */
export async function runDunning(db: Db, options: { actor?: Actor } = {}) {
  const actor = options.actor ?? DUNNING;
  const today = clock.today();
  const settings = await loadBillingSettings(db);
  // Only orders where something is to do today: not yet marked overdue, no active overdue exception, or a
  // reminder stage reached that was not sent (so a daily run over a long history stays cheap).
  const schedule = sql.join([...settings.dunningDays].sort((a, b) => a - b).map((d) => sql`${d}::int`), sql`, `);
  const due = await executeRows<{ orderId: string }>(
    db,
    sql`select i.order_id as "orderId" from ${invoices} i join ${orders} o on o.id = i.order_id
        where i.status in ('issued', 'partially_paid') and i.due_date < ${today}::date
          and (o.billing_status <> 'overdue'
               or not exists (select 1 from exceptions e where e.order_id = o.id and e.type = 'payment_overdue' and e.status in ('open', 'in_progress')
                              and e.cause = (select string_agg(x.number, ',' order by x.due_date, x.number) from ${invoices} x
                                             where x.order_id = o.id and x.status in ('issued', 'partially_paid') and x.due_date < ${today}::date))
               or (select count(*) from unnest(array[${schedule}]::int[]) d where d <= ${today}::date - i.due_date) > i.reminders_sent)
        group by i.order_id order by i.order_id`,
  );
  let reminders = 0;
  for (const { orderId } of due) {
    reminders += await db.transaction(async (tx) => {
      const loaded = await loadOrderForFulfillment(tx, { id: orderId }, { forUpdate: true });
      const order = loaded!.order;
      const late = await tx
        .select()
        .from(invoices)
        .where(and(eq(invoices.orderId, orderId), inArray(invoices.status, ["issued", "partially_paid"]), lt(invoices.dueDate, today), gt(sql`${invoices.total} - ${invoices.amountPaid}`, 0)))
        .orderBy(asc(invoices.dueDate), asc(invoices.number))
        .for("update");
      if (late.length === 0) return 0;
      // Reminders go to the customer's accounts-payable address when it has one.
      const [customer] = await tx
        .select({ email: sql<string | null>`coalesce(${customers.billingEmail}, ${customers.email})`, name: customers.name })
        .from(customers)
        .where(eq(customers.id, order.customerId));
      const money = (n: number) => formatMoney(n, order.currency, "en-US");
      const owed = late.reduce((s, i) => s + i.total - i.amountPaid, 0);
      const oldestDays = daysBetween(late[0]!.dueDate!, today);
      if (order.billingStatus !== "overdue") await recordOrderBilling(tx, { orderId, actor, events: [{ type: "payment_overdue", data: { invoices: late.map((i) => i.number), owed } }] });
      await openException(tx, {
        type: "payment_overdue",
        severity: oldestDays > 30 ? "high" : "medium",
        orderId,
        customerId: order.customerId,
        reason: `${late.map((i) => i.number).join(", ")}: ${money(owed)} unpaid, ${oldestDays} day${oldestDays === 1 ? "" : "s"} past due.`,
        details: { invoices: late.map((i) => i.number), owed, daysOverdue: oldestDays },
        cause: late.map((i) => i.number).join(","),
        actor,
      });
      let sent = 0;
      for (const invoice of late) {
        const days = daysBetween(invoice.dueDate!, today);
        const stage = dunningStageDue(days, settings.dunningDays, invoice.remindersSent);
        if (stage === null) continue;
        await tx.update(invoices).set({ remindersSent: stage }).where(eq(invoices.id, invoice.id));
        const reminder = paymentReminderEmail({
          customerName: customer?.name ?? "customer",
          invoice: invoice.number!,
          order: order.number,
          customerReference: invoice.customerReference,
          currency: order.currency,
          total: invoice.total,
          balance: invoice.total - invoice.amountPaid,
          dueDate: invoice.dueDate!,
          daysOverdue: days,
          final: stage >= settings.dunningDays.length,
          remittance: settings.remittance,
        });
        await enqueueMessage(tx, {
          topic: EMAIL_TOPICS.paymentReminder,
          recipient: customer?.email ?? null,
          ...reminder,
          payload: { ...reminder.payload, stage, pdf: `/invoices/${invoice.number}/pdf` },
        });
        await recordOrderBilling(tx, { orderId, actor, events: [{ type: "payment_reminder", data: { invoice: invoice.number, stage, daysOverdue: days } }] });
        sent += 1;
      }
      return sent;
    });
  }
  // Holds follow the date: customers held, or with an invoice now overdue beyond the limit, are looked at again.
  const limit = settings.holdOverdueDays;
  const ids = await executeRows<{ id: string }>(
    db,
    sql`select id from ${customers} where overdue_hold is not null
        ${limit === null ? sql`` : sql`union select distinct customer_id from ${invoices} where status in ('issued', 'partially_paid') and due_date < ${addDays(today, -limit)}::date`}`,
  );
  for (const { id } of ids) await db.transaction((tx) => refreshReceivables(tx, id));
  return { orders: due.length, reminders };
}

