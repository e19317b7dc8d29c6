import { addDays } from "~/lib/dates";
import type { Actor } from "~/server/auth/actor";
import { today } from "~/server/clock";
import type { Segment } from "~/server/customers/constants";
import type { Db } from "~/server/db/client";
import { getCustomer } from "~/server/customers";
import { orderBilling } from "~/server/billing";
import { orderPlanning, orderShipments } from "~/server/fulfillment";
import type { Channel } from "~/server/orders/constants";
import { cancelOrder } from "~/server/orders/cancel-order";
import { keptLine } from "~/server/orders/manual-price";
import { convertQuote } from "~/server/orders/convert-quote";
import { createOrder, createQuote } from "~/server/orders/create-order";
import { duplicateOrder } from "~/server/orders/duplicate-order";
import { loadOrder, toOrderDto } from "~/server/orders/queries";
import { releaseHold } from "~/server/orders/release-hold";
import type { TOrder, TOrderLineInput } from "~/server/orders/schemas";
import { submitOrder } from "~/server/orders/submit-order";
import { updateOrder } from "~/server/orders/update-order";
import { type Agenda, DAY, HOUR, isoDay, MINUTE, workingMoment } from "./agenda";
import type { Cast } from "./cast";
import type { bookExceptionDesk } from "./exceptions";
import { OrderClock } from "./intake-clock";
import type { Market, MarketCustomer } from "./market";
import { deriveSeed, Random, WeightedTable } from "./random";

/** How the desk's orders come in. */
type Intake = "rep" | "manager" | "web_shop";
const INTAKE = new WeightedTable<Intake>([
  ["rep", 66],
  ["manager", 12],
  ["web_shop", 22],
]);
const REP_CHANNELS = new WeightedTable<Channel>([
  ["phone", 40],
  ["email", 32],
  ["field_sales", 10],
  ["edi", 12],
  ["portal", 6],
]);
const LINE_COUNTS = new WeightedTable<number>([20, 16, 14, 12, 10, 8, 6, 5, 3, 3, 2, 1].map((weight, i): [number, number] => [i + 1, weight]));
/** Resellers and plants buy in bulk. */
const SEGMENT_QUANTITY: Record<Segment, number> = { wholesale: 2, industrial: 1.5, contractor: 1, retail: 1 };

const NOTES = [
  "Deliver to receiving dock 3",
  "Call on arrival",
  "Liftgate required",
  "Ship complete only",
  "Job site delivery, ask for the foreman",
  "Will-call pickup",
  "Attach packing list to the outside of the carton",
];
const OVERRIDE_REASONS = ["Matched a competitor's quote", "Volume deal agreed with the buyer", "Price agreed on the last order", "Damaged packaging, customer accepts"];
const CANCEL_REASONS = [
  "Customer ordered twice",
  "Customer found it cheaper elsewhere",
  "Lead time too long for the job",
  "Project postponed by the customer",
  "Customer asked to cancel by phone",
];
const DRAFT_CANCEL_REASONS = ["Customer went with another supplier", "Entered for the wrong account"];
const HOLD_CANCEL_REASONS = ["Credit not approved: customer to pay open invoices first", "Manual price not approved; customer declined list price"];
const QUOTE_LOST_REASONS = ["Lost to a competitor on price", "Customer's project was canceled", "No answer from the customer after two follow-ups"];
const RELEASE_NOTES = ["Checked with the customer", "Customer paid down the balance", "Approved: good payment history", "Price approved for this order"];

export type OrderSeedSummary = { orders: number; quotes: number };

type Content = { customer: MarketCustomer; lines: TOrderLineInput[]; notes: string | null; customerReference: string | null };

/**
 * Books the order desk's history on the agenda: `orders` orders and `quotes` quotes over the window,
 * arriving like real intake (business hours, weekdays, a growing business), each placed through the
 * use cases and followed by what people then do with it: drafts submitted or dropped, holds released
 * by the manager (or the order canceled), edits, cancellations, quotes converted, lost or left to
 * expire, repeat orders duplicated from earlier ones. What has not happened by now stays pending.
 */
export function bookOrders(
  db: Db,
  agenda: Agenda,
  cast: Cast,
  market: Market,
  options: { orders: number; quotes: number; seed: number; desk: Pick<ReturnType<typeof bookExceptionDesk>, "workHolds" | "fixAddress"> },
) {
  const content = new Random(deriveSeed(options.seed, "orders/content"));
  // Typos in web orders come from a stream of their own: they do not shift the rest of the story.
  const typos = new Random(deriveSeed(options.seed, "orders/typos"));
  const life = new Random(deriveSeed(options.seed, "orders/life"));
  const intake = new OrderClock(new Date(agenda.start), new Date(agenda.end));
  const summary: OrderSeedSummary = { orders: 0, quotes: 0 };
  const total = options.orders + options.quotes;

  const draw = (isQuote: boolean): Content => {
    const customer = market.customers.pick(content);
    const count = LINE_COUNTS.pick(content);
    const lines: TOrderLineInput[] = [];
    for (let attempt = 0; lines.length < count && attempt < count * 4; attempt++) {
      const product = market.products.pick(content);
      if (lines.some((l) => l.sku === product.sku)) continue;
      // Squaring skews toward the small end of the range: most lines are for a few units.
      const [min, max] = product.qty;
      const quantity = Math.max(1, Math.round((min + Math.floor((max - min + 1) * content.next() ** 2)) * SEGMENT_QUANTITY[customer.segment]));
      lines.push({ sku: product.sku, quantity });
    }
    return {
      customer,
      lines,
      notes: content.chance(0.08) ? content.pick(NOTES) : null,
      customerReference: isQuote ? (content.chance(0.4) ? `RFQ-${content.int(1_000, 9_999)}` : null) : content.chance(0.85) ? `PO-${content.int(10_000, 99_999)}` : null,
    };
  };

  /** A manual price on one line: mostly within the rep's limit, sometimes beyond it (a price approval). */
  const withManualPrice = (lines: TOrderLineInput[]): TOrderLineInput[] => {
    const i = content.int(0, lines.length - 1);
    const listPrice = market.listPrices.get(lines[i]!.sku) ?? 0;
    const off = content.chance(0.45) ? content.float(0.03, 0.09) : content.float(0.14, 0.3);
    return lines.map((line, k) => (k === i ? { ...line, unitPrice: Math.max(1, Math.round(listPrice * (1 - off))), overrideReason: content.pick(OVERRIDE_REASONS) } : line));
  };

  /** Who places it: the web shop signs in with its API key (as the REST door does), people are themselves. */
  const actorFor = async (who: Intake): Promise<Actor> => (who === "web_shop" ? cast.webShop() : who === "rep" ? cast.rep : cast.manager);

  // ── What happens to an order after it is placed ────────────────────────────────────────────────

  const statusOf = async (number: string) => loadOrder(db, number);

  /**
   * The teams work the held order's exceptions in their queues: most are resolved (the same day, or after a
   * call to the customer), some orders are canceled from their exception, and a few wait in the queue.
   */
  const bookHoldReview = (number: string, from: number) => {
    const when = life.next();
    if (when < 0.1) return;
    const delay = when < 0.5 ? life.float(1, 8) * HOUR : when < 0.85 ? life.float(1, 3) * DAY : life.float(3, 8) * DAY;
    const releases = life.chance(0.88);
    const note = life.pick(RELEASE_NOTES);
    const reason = life.pick(HOLD_CANCEL_REASONS);
    agenda.book(workingMoment(from + delay, life.int(0, 90) * MINUTE), "hold review", async () => {
      const order = await statusOf(number);
      if (order.status !== "on_hold") return;
      // Goods already left: the order can no longer be canceled, so the manager releases it.
      if (order.fulfillmentStatus !== "unfulfilled") await releaseHold({ db, actor: cast.manager, input: { number, note } });
      else await options.desk.workHolds(number, { release: releases, note, reason });
    });
  };

  /** An edit of a live order: a quantity changed, a line added, or only the notes. */
  const bookEdit = (number: string, from: number) => {
    const kind = life.pick(["quantity", "quantity", "quantity", "add_line", "notes"] as const);
    const factor = life.chance(0.7) ? life.float(1.2, 2) : life.float(0.4, 0.8);
    const note = life.pick(NOTES);
    const extra = kind === "add_line" ? market.products.pick(life) : null;
    const extraQuantity = life.int(1, 6);
    const pickLine = life.next();
    const at = workingMoment(from + life.float(2, 96) * HOUR, life.int(0, 120) * MINUTE);
    const actor = life.chance(0.85) ? cast.rep : cast.manager;
    agenda.book(at, "edit order", async () => {
      const order = await statusOf(number);
      if (order.status !== "open" && order.status !== "on_hold") return;
      // Once something has shipped, the customer's changes go on a new order; a note still can be added.
      if (kind !== "notes" && order.fulfillmentStatus !== "unfulfilled") return;
      const dto = await toOrderDto(db, order);
      const current = dto.lines.map(keptLine);
      let changed: TOrder;
      if (kind === "notes") {
        changed = await updateOrder({ shipments: orderShipments, planning: orderPlanning, db, actor, input: { number, version: order.version, notes: dto.notes ? `${dto.notes}. ${note}` : note } });
      } else {
        const lines = [...current];
        if (kind === "add_line" && extra && !lines.some((l) => l.sku === extra.sku)) lines.push({ sku: extra.sku, quantity: extraQuantity });
        else {
          // A line already invoiced (a prepaid order) cannot go below what was billed.
          const i = Math.floor(pickLine * lines.length);
          lines[i] = { ...lines[i]!, quantity: Math.max(1, dto.lines[i]!.invoiced, Math.round(lines[i]!.quantity * factor)) };
        }
        changed = await updateOrder({ shipments: orderShipments, planning: orderPlanning, db, actor, input: { number, version: order.version, lines } });
      }
      if (changed.status === "on_hold") bookHoldReview(number, at);
    });
  };

  const bookCancel = (number: string, from: number, actor: Actor) => {
    const reason = life.pick(CANCEL_REASONS);
    agenda.book(workingMoment(from + life.float(1, 200) * HOUR, life.int(0, 120) * MINUTE), "cancel order", async () => {
      const order = await statusOf(number);
      if (order.status !== "open" && order.status !== "on_hold") return;
      // Too late: it has shipped (the rep tells the customer to refuse it or send it back).
      if (order.fulfillmentStatus !== "unfulfilled") return;
      await cancelOrder({ shipments: orderShipments, db, actor, input: { number, reason } });
    });
  };

  /** A customer orders the same again a few weeks later: the rep duplicates the order and submits it. */
  const bookRepeat = (number: string, from: number) => {
    const at = workingMoment(from + life.float(14, 40) * DAY, life.int(0, 240) * MINUTE);
    const submits = life.chance(0.8);
    agenda.book(at, "duplicate order", async () => {
      const copy = await duplicateOrder({ db, actor: cast.rep, number });
      summary.orders++;
      if (!submits) return;
      const submitAt = at + life.int(3, 30) * MINUTE;
      agenda.book(submitAt, "submit order", async () => {
        const submitted = await submitOrder({ db, actor: cast.rep, number: copy.number, billing: orderBilling, planning: orderPlanning });
        afterSubmit(submitted, submitAt, cast.rep, false);
      });
    });
  };

  /** What follows a submitted order, decided as it is placed. */
  function afterSubmit(order: TOrder, at: number, actor: Actor, mayRepeat = true) {
    if (order.status === "on_hold") bookHoldReview(order.number, at);
    if (life.chance(0.1)) bookEdit(order.number, at);
    if (life.chance(0.06)) bookCancel(order.number, at, actor.kind === "api_key" ? cast.rep : actor);
    if (mayRepeat && life.chance(0.04)) bookRepeat(order.number, at);
  }

  // ── Placing orders and quotes ──────────────────────────────────────────────────────────────────

  const placeOrder = (at: number) => {
    const who = INTAKE.pick(content);
    const channel: Channel = who === "web_shop" ? "web" : REP_CHANNELS.pick(content);
    let doc = draw(false);
    if (who !== "web_shop" && content.chance(0.07)) doc = { ...doc, lines: withManualPrice(doc.lines) };
    const isDraft = who !== "web_shop" && content.chance(0.12);
    const requestedDate = content.chance(0.3) ? content.int(2, 21) : null;
    const mistyped = who === "web_shop" && typos.chance(0.04);
    agenda.book(at, "place order", async () => {
      const actor = await actorFor(who);
      // The shopper typed the ZIP with a digit missing: the address rule holds the order.
      const onFile = mistyped ? await getCustomer({ db, code: doc.customer.code }) : null;
      const address = onFile?.shippingAddress ?? onFile?.billingAddress;
      const shipTo = address ? { ...address, postalCode: address.postalCode.slice(0, 4) } : undefined;
      const requested = requestedDate === null ? null : isoDay(at + requestedDate * DAY);
      const order = await createOrder({
        billing: orderBilling, planning: orderPlanning,
        db,
        actor,
        input: {
          customer: doc.customer.code,
          channel,
          customerReference: doc.customerReference,
          requestedDate: requested,
          notes: doc.notes,
          lines: doc.lines,
          draft: isDraft,
          ...(shipTo ? { shipTo } : {}),
        },
      });
      summary.orders++;
      if (shipTo && order.status === "on_hold") options.desk.fixAddress(order.number, at);
      if (!isDraft) return afterSubmit(order, at, actor);
      // A draft: finished and submitted later, dropped, or still waiting.
      const fate = life.next();
      const later = workingMoment(at + life.float(0.5, 50) * HOUR, life.int(0, 90) * MINUTE);
      if (fate < 0.6) {
        agenda.book(later, "submit order", async () => {
          const submitted = await submitOrder({ db, actor, number: order.number, billing: orderBilling, planning: orderPlanning });
          afterSubmit(submitted, later, actor);
        });
      } else if (fate < 0.75) {
        const reason = life.pick(DRAFT_CANCEL_REASONS);
        agenda.book(later, "cancel order", () => cancelOrder({ shipments: orderShipments, db, actor, input: { number: order.number, reason } }));
      }
    });
  };

  const placeQuote = (at: number) => {
    const doc = draw(true);
    const actor = content.chance(0.8) ? cast.rep : cast.manager;
    const channel = REP_CHANNELS.pick(content);
    // Most quotes hold for the default 30 days; prices on volatile items only for two weeks.
    const validDays = content.chance(0.35) ? 14 : null;
    agenda.book(at, "create quote", async () => {
      const validUntil = validDays === null ? undefined : addDays(today(), validDays);
      const quote = await createQuote({
        db,
        actor,
        input: { customer: doc.customer.code, channel, customerReference: doc.customerReference, notes: doc.notes, lines: doc.lines, validUntil },
      });
      summary.quotes++;
      // Won (converted while valid), lost, or left to expire.
      const fate = life.next();
      const later = workingMoment(at + life.float(1, (validDays ?? 30) - 6) * DAY, life.int(0, 240) * MINUTE);
      if (fate < 0.4) {
        agenda.book(later, "convert quote", async () => {
          const order = await convertQuote({ db, actor, number: quote.number, billing: orderBilling, planning: orderPlanning });
          summary.orders++;
          afterSubmit(order, later, actor, false);
        });
      } else if (fate < 0.6) {
        const reason = life.pick(QUOTE_LOST_REASONS);
        agenda.book(later, "cancel quote", () => cancelOrder({ shipments: orderShipments, db, actor, input: { number: quote.number, reason } }));
      }
    });
  };

  // Orders and quotes interleave evenly over the window; each slot gets a moment inside its own share
  // of the intake, so numbers follow time.
  let quotesSoFar = 0;
  for (let j = 0; j < total; j++) {
    const at = intake.at((j + content.next()) / total).getTime();
    const quotesBy = Math.floor(((j + 1) * options.quotes) / total);
    if (quotesBy > quotesSoFar) {
      quotesSoFar = quotesBy;
      placeQuote(at);
    } else {
      placeOrder(at);
    }
  }
  return summary;
}
