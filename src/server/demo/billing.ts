import { sql } from "drizzle-orm";
import { addDays } from "~/lib/dates";
import { runDunning } from "~/server/billing";
import { correctPrice } from "~/server/billing/correct-price";
import { createReturn } from "~/server/billing/create-return";
import { decideReturn } from "~/server/billing/decide-return";
import { invoiceOrder } from "~/server/billing/invoice-order";
import { receiveReturn } from "~/server/billing/receive-return";
import { recordPayment } from "~/server/billing/record-payment";
import { reverseAllocation } from "~/server/billing/reverse-allocation";
import { voidInvoice } from "~/server/billing/void-invoice";
import * as clock from "~/server/clock";
import type { Db } from "~/server/db/client";
import { executeRows } from "~/server/db/execute";
import { type Agenda, DAY, HOUR, MINUTE, workingMoment } from "./agenda";
import type { Cast } from "./cast";
import { deriveSeed, hashUnit, Random } from "./random";

export type BillingSeedSummary = {
  payments: number;
  paidByHand: number;
  overpayments: number;
  bouncedCheques: number;
  returns: number;
  returnsReceived: number;
  priceCorrections: number;
  voidedInvoices: number;
  dunningRuns: number;
};

/**
 * How a customer pays, from its code (so the same accounts are always the slow ones): days after the due
 * date an invoice is paid, or never. Most pay around the due date, some late, a few not at all.
 */
function payDelay(customer: string, invoice: string): number | null {
  const kind = hashUnit(`${customer}/payer`);
  const jitter = hashUnit(`${invoice}/pay`);
  if (kind < 0.6) return Math.round(-12 + jitter * 14); // prompt: up to 12 days early, 2 late
  if (kind < 0.85) return Math.round(jitter * 14); // slow: up to two weeks late
  if (kind < 0.95) return Math.round(15 + jitter * 30); // late: weeks late
  return null; // does not pay: dunning, an overdue exception, and later a hold
}

const METHODS = [
  ["bank_transfer", 0.6],
  ["cheque", 0.2],
  ["card", 0.15],
  ["other", 0.05],
] as const;

const RETURN_REASONS = ["damaged", "defective", "wrong_item", "not_needed", "ordered_by_mistake"] as const;

/**
 * Finance's history, through the use cases: invoices come from the warehouse's shipments (and at submission
 * for prepaid customers); every working morning the dunning run looks at what is overdue; late morning the
 * bank's and the mail's payments are recorded and allocated (oldest first, by hand when a remittance names
 * the invoices, an over-payment left as credit); now and then a customer returns something (a manager
 * approves the costly ones, the warehouse receives them, a credit note follows), a price is corrected, an
 * invoice voided and billed again, a cheque bounces.
 */
export function bookBilling(db: Db, agenda: Agenda, cast: Cast, options: { seed: number }) {
  const life = new Random(deriveSeed(options.seed, "billing"));
  const summary: BillingSeedSummary = { payments: 0, paidByHand: 0, overpayments: 0, bouncedCheques: 0, returns: 0, returnsReceived: 0, priceCorrections: 0, voidedInvoices: 0, dunningRuns: 0 };
  const finance = cast.finance;
  const method = () => {
    let roll = life.next();
    for (const [m, share] of METHODS) if ((roll -= share) < 0) return m;
    return "bank_transfer" as const;
  };

  /** The day's payments: every open invoice whose customer pays about now, one payment per customer. */
  const receivePayments = async () => {
    const today = clock.today();
    const open = await executeRows<{ number: string; customer: string; due_date: string; balance: string }>(
      db,
      sql`select i.number, c.code as customer, i.due_date::text, (i.total - i.amount_paid)::text as balance
          from invoices i join customers c on c.id = i.customer_id
          where i.status in ('issued', 'partially_paid') order by c.code, i.due_date, i.number`,
    );
    const due = new Map<string, { number: string; balance: number }[]>();
    for (const row of open) {
      const delay = payDelay(row.customer, row.number);
      if (delay === null || addDays(row.due_date, delay) > today) continue;
      due.set(row.customer, [...(due.get(row.customer) ?? []), { number: row.number, balance: Number(row.balance) }]);
    }
    for (const [customer, invoices] of due) {
      const owed = invoices.reduce((s, i) => s + i.balance, 0);
      const how = method();
      const reference = `${how === "cheque" ? "CHQ" : how === "card" ? "CARD" : how === "bank_transfer" ? "BT" : "REM"}-${life.int(100_000, 999_999)}`;
      const overpay = life.chance(0.04) ? Math.ceil(owed / 10_000) * 10_000 + 10_000 - owed : 0;
      // A remittance advice naming the invoices is allocated by hand; otherwise oldest first.
      const byHand = invoices.length > 1 && life.chance(0.35);
      await recordPayment({
        db,
        actor: finance,
        input: {
          customer,
          amount: owed + overpay,
          method: how,
          reference,
          allocations: byHand ? invoices.map((i) => ({ invoice: i.number, amount: i.balance })) : undefined,
          autoAllocate: true,
        },
      });
      summary.payments++;
      if (byHand) summary.paidByHand++;
      if (overpay > 0) summary.overpayments++;
    }
  };

  /** A customer sends something back from a delivered order; the warehouse receives it a few days later. */
  const openReturn = async (moment: number) => {
    const [row] = await executeRows<{ number: string; sku: string; shipped: number }>(
      db,
      sql`select o.number, p.sku, l.shipped - l.returned as shipped from orders o
          join order_lines l on l.order_id = o.id join products p on p.id = l.product_id
          where o.fulfillment_status = 'delivered' and l.shipped - l.returned > 0
            and not exists (select 1 from returns r where r.order_id = o.id)
          order by o.submitted_at desc, l.line_no limit 1 offset ${life.int(0, 12)}`,
    );
    if (!row) return;
    const quantity = Math.min(row.shipped, life.int(1, 3));
    const rma = await createReturn({
      db,
      actor: cast.rep,
      input: { number: row.number, lines: [{ sku: row.sku, quantity, reason: life.pick([...RETURN_REASONS]), disposition: life.chance(0.75) ? "restock" : "scrap" }], notes: "Customer called; label e-mailed." },
    });
    summary.returns++;
    let receiveFrom = moment;
    if (rma.status === "requested") {
      receiveFrom = workingMoment(moment + DAY, 30 * MINUTE);
      const approve = life.chance(0.85);
      agenda.book(receiveFrom, "decide return", () =>
        decideReturn({ db, actor: cast.manager, input: { id: rma.number, approve, note: approve ? "Long-standing account" : "Outside the 30-day return window" } }),
      );
      if (!approve) return;
    }
    agenda.book(workingMoment(receiveFrom + life.int(2, 5) * DAY, life.int(0, 90) * MINUTE), "receive return", async () => {
      await receiveReturn({ db, actor: cast.warehouse, input: { id: rma.number } });
      summary.returnsReceived++;
    });
  };

  /** A price agreed lower after the invoice went out: a credit note for the difference. */
  const correctAPrice = async () => {
    const [row] = await executeRows<{ number: string; line_total: string }>(
      db,
      sql`select i.number, l.line_total::text from invoices i join invoice_lines l on l.invoice_id = i.id
          where i.status in ('issued', 'partially_paid') and l.line_total > 5000 order by i.issue_date desc, i.number limit 1 offset ${life.int(0, 5)}`,
    );
    if (!row) return;
    const amount = Math.round(Number(row.line_total) * 0.05);
    await correctPrice({ db, actor: finance, input: { invoice: row.number, reason: "Contract price agreed after invoicing (5% off)", lines: [{ lineNo: (await firstLineNo(row.number))!, amount }] } });
    summary.priceCorrections++;
  };
  const firstLineNo = async (invoice: string) =>
    (await executeRows<{ line_no: number }>(db, sql`select l.line_no from invoice_lines l join invoices i on i.id = l.invoice_id where i.number = ${invoice} and l.line_total > 5000 order by l.line_no limit 1`))[0]?.line_no;

  /**
   * Billed to the wrong contact: voided (its number stays used) and billed again. An invoice of goods: billing them
   * again by hand bills units, so a freight-only invoice (a later parcel's freight) would leave nothing to bill.
   */
  const voidAndRebill = async () => {
    const [row] = await executeRows<{ number: string; order: string }>(
      db,
      sql`select i.number, o.number as order from invoices i join orders o on o.id = i.order_id
          where i.status = 'issued' and i.amount_paid = 0 and exists (select 1 from invoice_lines l where l.invoice_id = i.id)
          order by i.issue_date desc, i.number limit 1 offset 2`,
    );
    if (!row) return;
    await voidInvoice({ db, actor: finance, input: { number: row.number, reason: "Billed to the wrong AP contact; reissued" } });
    await invoiceOrder({ db, actor: finance, input: { number: row.order, draft: false } });
    summary.voidedInvoices++;
  };

  /** A cheque comes back unpaid: its allocations are taken back, and the customer pays by transfer a week later. */
  const bounceACheque = async () => {
    const [row] = await executeRows<{ id: string; customer: string }>(
      db,
      // Ties broken by what is the same in every run (not the allocation's random id): the seed stays deterministic.
      sql`select a.id, c.code as customer from allocations a join payments p on p.id = a.payment_id join customers c on c.id = p.customer_id
          join invoices i on i.id = a.invoice_id
          where p.method = 'cheque' and a.reversed_at is null order by p.received_on desc, p.created_at desc, p.reference, i.number, a.created_at limit 1`,
    );
    if (!row) return;
    await reverseAllocation({ db, actor: finance, input: { id: row.id, reason: "Cheque returned unpaid by the bank (insufficient funds)" } });
    summary.bouncedCheques++;
  };

  const span = agenda.end - agenda.start;
  for (let day = Math.floor(agenda.start / DAY) * DAY; day < agenda.end; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    // 6:00 New York: the dunning job; 10:30: the bank statement and the mail.
    agenda.book(day + 11 * HOUR, "dunning run", async () => {
      await runDunning(db);
      summary.dunningRuns++;
    });
    agenda.book(day + 15 * HOUR + 30 * MINUTE + life.int(0, 30) * MINUTE, "receive payments", receivePayments);
    if (day > agenda.start + span * 0.25 && life.chance(0.35)) {
      const at = day + 14 * HOUR + life.int(0, 300) * MINUTE;
      agenda.book(at, "open return", () => openReturn(at));
    }
  }
  for (const share of [0.4, 0.7, 0.9]) agenda.book(workingMoment(agenda.start + span * share, 2 * HOUR), "price correction", correctAPrice);
  agenda.book(workingMoment(agenda.start + span * 0.6, 3 * HOUR), "void and re-bill", voidAndRebill);
  agenda.book(workingMoment(agenda.start + span * 0.75, 4 * HOUR), "bounced cheque", bounceACheque);
  return summary;
}
