import { sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { executeRows } from "~/server/db/execute";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { setHoldback } from "~/server/inventory/holdbacks";
import { setReorderPoint } from "~/server/inventory/reorder-points";
import { cancelTransfer, createTransfer, receiveTransfer } from "~/server/inventory/transfers";
import { allocateAndPromise } from "~/server/fulfillment";
import { runReplenishment } from "~/server/purchasing/run-replenishment";
import { type Agenda, DAY, HOUR, isoDay, MINUTE, nextWeekday, workingMoment } from "./agenda";
import type { Cast } from "./cast";
import type { Market } from "./market";
import { WAREHOUSE_SPECS } from "./market";
import { deriveSeed, Random } from "./random";


export type StockSeedSummary = { adjustments: number; transfers: number; holdbacks: number; reorderPointChanges: number };

type Level = { sku: string; warehouse: string; on_hand: number; reserved: number; reorder_point: number | null; reorder_quantity: number | null };

/**
 * The warehouse's and the planners' part of the history: cycle counts on most working days (the
 * difference booked through adjustStock; found stock goes to backorders first), now and then damaged
 * goods, a transfer each week from a warehouse with plenty to one running short (received a few days
 * later, one canceled), larger reorder points for the best sellers, class A hold-backs on them, and a
 * last replenishment run (last night's job), so the replenishment page has suggestions.
 */
export function bookStock(
  db: Db,
  agenda: Agenda,
  cast: Cast,
  market: Market,
  options: { seed: number; /** After stock came in (the auto-plan job's cue). */ afterStockArrival?: () => void },
): StockSeedSummary {
  const life = new Random(deriveSeed(options.seed, "stock/life"));
  const summary: StockSeedSummary = { adjustments: 0, transfers: 0, holdbacks: 0, reorderPointChanges: 0 };
  const onStockArrival = allocateAndPromise;
  const warehouses = WAREHOUSE_SPECS.map((w) => w.code);

  const levelOf = async (sku: string, warehouse: string) => {
    const [level] = await executeRows<Level>(
      db,
      sql`select p.sku, w.code as warehouse, l.on_hand, l.reserved, l.reorder_point, l.reorder_quantity
        from stock_levels l join products p on p.id = l.product_id join warehouses w on w.id = l.warehouse_id
        where p.sku = ${sku} and w.code = ${warehouse}`,
    );
    return level;
  };

  // Cycle counts: most working days the warehouse counts a few bins; most counts match.
  for (let day = Math.floor(agenda.start / DAY) * DAY + DAY; day < agenda.end; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6 || !life.chance(0.6)) continue;
    const counts = Array.from({ length: 3 }, () => ({ sku: life.pick(market.skus), warehouse: life.pick(warehouses), off: life.chance(0.35) ? life.int(-3, 3) : 0 }));
    const damaged = life.chance(0.12) ? { sku: market.products.pick(life).sku, warehouse: life.pick(warehouses), quantity: life.int(1, 2) } : null;
    const at = day + 20 * HOUR + life.int(0, 90) * MINUTE;
    agenda.book(at, "cycle count", async () => {
      for (const count of counts) {
        if (count.off === 0) continue;
        const level = await levelOf(count.sku, count.warehouse);
        if (!level) continue;
        // A count never finds less than what is reserved: the picker would have found those units.
        const quantity = Math.max(count.off, level.reserved - level.on_hand);
        if (quantity === 0) continue;
        await adjustStock({ db, actor: cast.warehouse, input: { sku: count.sku, warehouse: count.warehouse, quantity, reason: "cycle_count", reference: `Count ${isoDay(at)}` }, onStockArrival });
        summary.adjustments++;
        if (quantity > 0) options.afterStockArrival?.();
      }
      if (damaged) {
        const level = await levelOf(damaged.sku, damaged.warehouse);
        const quantity = Math.min(damaged.quantity, (level?.on_hand ?? 0) - (level?.reserved ?? 0));
        if (quantity <= 0) return;
        await adjustStock({ db, actor: cast.warehouse, input: { sku: damaged.sku, warehouse: damaged.warehouse, quantity: -quantity, reason: "damaged", reference: "Forklift damage" } });
        summary.adjustments++;
      }
    });
  }

  // A transfer every Wednesday: the level most short of its reorder point that another warehouse can cover.
  const firstWednesday = nextWeekday(agenda.start + DAY, 3);
  let week = 0;
  for (let wednesday = firstWednesday; wednesday < agenda.end; wednesday += 7 * DAY, week++) {
    const at = wednesday + 16 * HOUR + life.int(0, 120) * MINUTE;
    const isCanceled = week === 2;
    const receiveAfter = life.float(1, 3) * DAY;
    agenda.book(at, "transfer", async () => {
      const [candidate] = await executeRows<{ sku: string; from: string; to: string; quantity: number }>(
        db,
        sql`select p.sku, src.code as "from", dst.code as "to",
              least(coalesce(d.reorder_quantity, d.reorder_point, 10), (s.on_hand - s.reserved) - 2 * coalesce(s.reorder_point, 0))::int as quantity
            from stock_levels d
            join stock_levels s on s.product_id = d.product_id and s.warehouse_id <> d.warehouse_id
            join products p on p.id = d.product_id
            join warehouses dst on dst.id = d.warehouse_id
            join warehouses src on src.id = s.warehouse_id
            where d.reorder_point is not null and d.on_hand - d.reserved <= d.reorder_point
              and (s.on_hand - s.reserved) - 2 * coalesce(s.reorder_point, 0) >= 5
              and not exists (select 1 from stock_transfer_lines tl join stock_transfers t on t.id = tl.transfer_id where tl.product_id = d.product_id and t.status = 'in_transit')
            order by (d.reorder_point - (d.on_hand - d.reserved)) desc, p.sku, src.code, dst.code
            limit 1`,
      );
      if (!candidate || candidate.quantity <= 0) return;
      const transfer = await createTransfer({ db, actor: cast.warehouse, input: { sku: candidate.sku, from: candidate.from, to: candidate.to, quantity: candidate.quantity } });
      summary.transfers++;
      if (isCanceled) {
        agenda.book(workingMoment(at + 2 * HOUR), "cancel transfer", () =>
          cancelTransfer({ db, actor: cast.warehouse, input: { number: transfer.number, reason: "Truck full; sending next week" }, onStockArrival })
        );
      } else {
        agenda.book(workingMoment(at + receiveAfter), "receive transfer", async () => {
          await receiveTransfer({ db, actor: cast.warehouse, input: { number: transfer.number }, onStockArrival });
          options.afterStockArrival?.();
        });
      }
    });
  }

  // Five weeks before now (or early in a shorter history) the planner raises the reorder points of the
  // best sellers in EAST by half.
  agenda.book(workingMoment(Math.max(agenda.end - 35 * DAY, agenda.start + (agenda.end - agenda.start) * 0.3), 2 * HOUR), "set reorder points", async () => {
    for (const level of await bestSellers(db, "EAST", 5)) {
      if (level.reorder_point === null) continue;
      const reorderPoint = Math.round(level.reorder_point * 1.5);
      await setReorderPoint({ db, actor: cast.manager, input: { sku: level.sku, warehouse: "EAST", reorderPoint, reorderQuantity: Math.max(reorderPoint, Math.round((level.reorder_quantity ?? reorderPoint) * 1.5)) } });
      summary.reorderPointChanges++;
    }
  });

  // Three weeks before now the admin keeps a quarter of the free stock of the six best sellers in EAST for class A.
  agenda.book(workingMoment(Math.max(agenda.end - 21 * DAY, agenda.start + (agenda.end - agenda.start) * 0.5), 3 * HOUR), "set hold-backs", async () => {
    for (const level of await bestSellers(db, "EAST", 6)) {
      const free = level.on_hand - level.reserved;
      if (free < 8) continue;
      await setHoldback({ db, actor: cast.admin, input: { sku: level.sku, warehouse: "EAST", demandClass: "A", quantity: Math.floor(free / 4) } });
      summary.holdbacks++;
    }
  });

  // Last night's run of the nightly job (02:00 New York, 07:00 UTC): what the replenishment page shows.
  const lastNight = Math.floor((agenda.end - 7 * HOUR) / DAY) * DAY + 7 * HOUR;
  agenda.book(lastNight, "replenishment", () => runReplenishment(db));

  return summary;
}

/** The most ordered SKUs so far (live and converted demand), with their level in a warehouse. */
async function bestSellers(db: Db, warehouse: string, limit: number) {
  return executeRows<Level>(
    db,
    sql`select p.sku, w.code as warehouse, l.on_hand, l.reserved, l.reorder_point, l.reorder_quantity
      from (select ol.product_id, sum(ol.quantity) as sold from order_lines ol join orders o on o.id = ol.order_id
            where o.kind = 'order' and o.status <> 'canceled' group by ol.product_id) s
      join products p on p.id = s.product_id
      join stock_levels l on l.product_id = s.product_id
      join warehouses w on w.id = l.warehouse_id and w.code = ${warehouse}
      order by s.sold desc, p.sku
      limit ${limit}`,
  );
}
