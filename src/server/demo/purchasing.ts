import { addDays } from "~/lib/dates";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { allocateAndPromise } from "~/server/fulfillment";
import { cancelPurchaseOrder } from "~/server/purchasing/cancel-purchase-order";
import { closePurchaseOrder } from "~/server/purchasing/close-purchase-order";
import { createPurchaseOrder } from "~/server/purchasing/create-purchase-order";
import { draftPurchaseOrders } from "~/server/purchasing/draft-purchase-orders";
import { getPurchaseOrder } from "~/server/purchasing/get-purchase-order";
import { receivePurchaseOrder } from "~/server/purchasing/receive-purchase-order";
import { runReplenishment } from "~/server/purchasing/run-replenishment";
import type { TPurchaseOrder } from "~/server/purchasing/schemas";
import { sendPurchaseOrder } from "~/server/purchasing/send-purchase-order";
import { updatePurchaseOrder } from "~/server/purchasing/update-purchase-order";
import { type Agenda, DAY, HOUR, isoDay, MINUTE, nextWeekday, workingMoment } from "./agenda";
import type { Cast } from "./cast";
import type { Market } from "./market";
import { deriveSeed, Random, WeightedTable } from "./random";
import { VENDOR_SPECS } from "./vendors";


/** How a sent purchase order is delivered. */
type Delivery = "on_time" | "late" | "split" | "short" | "canceled";
const DELIVERIES = new WeightedTable<Delivery>([
  ["on_time", 66],
  ["late", 12],
  ["split", 13],
  ["short", 5],
  ["canceled", 4],
]);
const CLOSE_REASONS = ["Vendor discontinued the item", "Remainder back-ordered at the vendor for months; sourcing elsewhere", "Short shipment accepted, balance canceled"];
const CANCEL_SENT_REASONS = ["Vendor cannot ship this month; reordered elsewhere", "Ordered twice"];
const CANCEL_DRAFT_REASONS = ["Found stock to transfer from another DC instead", "Combined with next week's order"];

export type PurchasingSeedSummary = { replenishmentRuns: number; purchaseOrders: number; receipts: number };

/**
 * The buyer's week, booked on the agenda: every Monday morning the manager recalculates replenishment
 * and drafts purchase orders from the suggestions (one per vendor and warehouse), reviews and sends
 * them; the warehouse receives them around their expected date (receipts hand the stock to backorders,
 * oldest first, through orders' allocateBackorders, as in production). Some arrive late, in two drops or
 * short (then closed), a few are canceled. Twice the manager buys by hand (created, edited, sent), and
 * a last hand-made draft waits to be sent.
 */
export function bookPurchasing(
  db: Db,
  agenda: Agenda,
  cast: Cast,
  market: Market,
  options: { seed: number; /** After stock came in (the auto-plan job's cue). */ afterStockArrival?: () => void },
): PurchasingSeedSummary {
  const life = new Random(deriveSeed(options.seed, "purchasing/life"));
  const summary: PurchasingSeedSummary = { replenishmentRuns: 0, purchaseOrders: 0, receipts: 0 };
  const onStockArrival = allocateAndPromise;

  const receive = async (number: string, share: (line: TPurchaseOrder["lines"][number], i: number) => number) => {
    const po = await getPurchaseOrder({ db, number });
    if (po.status !== "sent" && po.status !== "partially_received") return po;
    const lines = po.lines
      .map((line, i) => ({ sku: line.sku, quantity: Math.min(line.remaining, Math.max(0, Math.round(share(line, i)))) }))
      .filter((l) => l.quantity > 0);
    if (lines.length === 0) return po;
    const { purchaseOrder } = await receivePurchaseOrder({ db, actor: cast.warehouse, input: { number, version: po.version, lines }, onStockArrival });
    summary.receipts++;
    options.afterStockArrival?.();
    return purchaseOrder;
  };

  /** The vendor delivers: when and how much is decided as the order is sent. */
  const bookDelivery = (po: TPurchaseOrder, sentAt: number) => {
    const delivery = DELIVERIES.pick(life);
    const expected = new Date(`${po.expectedDate}T00:00:00Z`).getTime();
    const dropAt = (offsetDays: number) => Math.max(sentAt + HOUR, workingMoment(expected + offsetDays * DAY + life.int(14, 21) * HOUR + life.int(0, 59) * MINUTE));
    switch (delivery) {
      case "on_time":
        agenda.book(dropAt(life.int(-2, 1)), "receive purchase order", () => receive(po.number, (l) => l.remaining));
        break;
      case "late":
        agenda.book(dropAt(life.int(4, 12)), "receive purchase order", () => receive(po.number, (l) => l.remaining));
        break;
      case "split":
      case "short": {
        const shares = po.lines.map((_, i) => (i === 0 || life.chance(0.5) ? life.float(0.3, 0.75) : 0));
        const first = dropAt(life.int(-1, 2));
        const rest = first + life.int(2, 9) * DAY;
        const reason = life.pick(CLOSE_REASONS);
        agenda.book(first, "receive purchase order", () => receive(po.number, (l, i) => Math.max(l.quantity > 1 ? 1 : 0, Math.floor(l.quantity * (shares[i] ?? 0)))));
        if (delivery === "split") agenda.book(workingMoment(rest), "receive purchase order", () => receive(po.number, (l) => l.remaining));
        else agenda.book(workingMoment(rest), "close purchase order", () => closePurchaseOrder({ db, actor: cast.manager, input: { number: po.number, reason } }));
        break;
      }
      case "canceled": {
        const reason = life.pick(CANCEL_SENT_REASONS);
        agenda.book(workingMoment(sentAt + life.float(1, 4) * DAY), "cancel purchase order", () => cancelPurchaseOrder({ db, actor: cast.manager, input: { number: po.number, reason } }));
        break;
      }
    }
  };

  /** A draft is reviewed and sent (most the same day, a few wait for a question to the vendor), or dropped. */
  const bookSend = (number: string, draftedAt: number) => {
    if (life.chance(0.03)) {
      const reason = life.pick(CANCEL_DRAFT_REASONS);
      agenda.book(workingMoment(draftedAt + life.float(1, 6) * HOUR), "cancel purchase order", () => cancelPurchaseOrder({ db, actor: cast.manager, input: { number, reason } }));
      return;
    }
    const at = workingMoment(draftedAt + (life.chance(0.85) ? life.float(0.5, 5) * HOUR : life.float(1, 4) * DAY), life.int(0, 60) * MINUTE);
    agenda.book(at, "send purchase order", async () => {
      const sent = await sendPurchaseOrder({ db, actor: cast.manager, input: { number } });
      bookDelivery(sent, at);
    });
  };

  // Every Monday at 10 am Eastern: replenishment, then purchase orders for what it suggests.
  const firstMonday = nextWeekday(agenda.start + 2 * DAY, 1);
  for (let monday = firstMonday; monday < agenda.end; monday += 7 * DAY) {
    const at = monday + 15 * HOUR + life.int(0, 40) * MINUTE;
    agenda.book(at, "replenishment and drafts", async () => {
      await runReplenishment(db, cast.manager);
      summary.replenishmentRuns++;
      const drafted = await draftPurchaseOrders({ db, actor: cast.manager, input: {} }).catch((error: unknown) => {
        if (error instanceof AppError && error.code === "NOTHING_TO_DRAFT") return null;
        throw error;
      });
      for (const po of drafted?.purchaseOrders ?? []) {
        summary.purchaseOrders++;
        bookSend(po.number, at);
      }
    });
  }

  // By hand: a special buy for a promotion, edited before it goes out; and one still being put together.
  const handMade = [agenda.start + (agenda.end - agenda.start) * 0.35, agenda.start + (agenda.end - agenda.start) * 0.7, agenda.end - life.float(20, 30) * HOUR];
  handMade.forEach((moment, k) => {
    const vendor = VENDOR_SPECS[(k * 3 + 1) % VENDOR_SPECS.length]!;
    const skus = market.skus.filter((sku) => (vendor.categories as readonly string[]).includes(sku.slice(0, 3)));
    const picked = [...new Set(Array.from({ length: 4 }, () => life.pick(skus)))];
    const quantities = picked.map(() => life.int(2, 12) * 10);
    const at = workingMoment(moment, life.int(0, 120) * MINUTE);
    const isLast = k === handMade.length - 1;
    agenda.book(at, "create purchase order", async () => {
      const po = await createPurchaseOrder({
        db,
        actor: cast.manager,
        input: {
          vendor: vendor.code,
          warehouse: k % 2 === 0 ? "EAST" : "CENTRAL",
          notes: isLast ? "Waiting for the vendor's volume price before sending" : null,
          lines: picked.map((sku, i) => ({ sku, quantity: quantities[i]! })),
        },
      });
      summary.purchaseOrders++;
      if (isLast) return;
      const editAt = at + life.int(20, 90) * MINUTE;
      agenda.book(editAt, "update purchase order", async () => {
        await updatePurchaseOrder({
          db,
          actor: cast.manager,
          input: {
            number: po.number,
            version: po.version,
            notes: "Promotion stock: deliver before the end of the month",
            expectedDate: addDays(po.expectedDate, -2) > isoDay(editAt) ? addDays(po.expectedDate, -2) : po.expectedDate,
            lines: po.lines.map((l, i) => ({ sku: l.sku, quantity: i === 0 ? l.quantity * 2 : l.quantity })),
          },
        });
        bookSend(po.number, editAt);
      });
    });
  });

  return summary;
}
