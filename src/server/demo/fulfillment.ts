import { sql } from "drizzle-orm";
import { addDays, COMPANY_TIME_ZONE, todayIn } from "~/lib/dates";
import * as clock from "~/server/clock";
import type { Db } from "~/server/db/client";
import { executeRows } from "~/server/db/execute";
import { awaitingPayment, orderShipments, planReadyOrders } from "~/server/fulfillment";
import { cancelShipment } from "~/server/fulfillment/cancel-shipment";
import { createPickList } from "~/server/fulfillment/create-pick-list";
import { deliverShipment } from "~/server/fulfillment/deliver-shipment";
import { getShipment } from "~/server/fulfillment/get-shipment";
import { packShipment } from "~/server/fulfillment/pack-shipment";
import { pickShipment } from "~/server/fulfillment/pick-shipment";
import { planShipments } from "~/server/fulfillment/plan-shipments";
import type { TPackage, TShipment } from "~/server/fulfillment/schemas";
import { shipShipment } from "~/server/fulfillment/ship-shipment";
import { closeOrder } from "~/server/orders/close-order";
import { setAutoPlan } from "~/server/orders/set-auto-plan";
import { type Agenda, DAY, HOUR, MINUTE, workingMoment } from "./agenda";
import type { Cast } from "./cast";
import { WAREHOUSE_SPECS } from "./market";
import { deriveSeed, hashUnit, Random } from "./random";
import { chooseService, freightCents, goodsGrams, type ItemUnits, packagesFor, type ParcelSpec, type Service, trackingNumber } from "./shipping";

export type FulfillmentSeedSummary = {
  shipmentsPlanned: number;
  pickLists: number;
  picked: number;
  shortPicks: number;
  packed: number;
  shipped: number;
  delivered: number;
  failedDeliveries: number;
  returned: number;
  canceledBeforeLeaving: number;
  closedOrders: number;
  autoPlanOrders: number;
  autoPlannedShipments: number;
};

const WAREHOUSES: string[] = WAREHOUSE_SPECS.map((w) => w.code);
/** Orders the planner leaves for tomorrow in each warehouse on the last day, so the desk shows a queue. */
const KEEP_READY = 2;
/** Auto-planning is for a few orders the manager picks, not a way of working. */
const MAX_AUTO_PLAN = 6;

const HOLD_REASONS = [
  "Customer asked us to hold it until their receiving dock reopens",
  "Ship-to address changed after planning: planned again to the new address",
  "Carrier cannot reach the job site this week; customer asked to wait",
];
const FAILURES = ["Business closed on delivery attempt", "Address not found: street number does not exist", "Receiving refused: no PO number on the paperwork"];
const CLOSE_REASONS = ["Customer asked to ship what we have and cancel the rest", "Rest of the order no longer needed: job finished"];

type ReadyRow = {
  number: string;
  warehouse: string;
  submitted_day: string;
  requested_date: string | null;
  ship_complete: boolean;
  backordered: boolean;
  auto_plan: boolean;
};

/** What a shipment carries once picked, and the boxes it was packed in (kept between the steps of its day). */
type Picked = { warehouse: string; items: ItemUnits[]; urgent: boolean; packages?: TPackage[] };

/**
 * The warehouse's part of the history, booked on the agenda as its day goes. Every working morning the
 * warehouse user plans the open orders that are due (one to three working days after they came in, a
 * requested date not far off; "ship complete" orders wait for their backorders), batches each DC's planned
 * shipments into pick lists of a few, picks them (now and then a unit or two short: the order reserves
 * again or backorders), packs some, and hands everything picked to the carrier at the afternoon pickup
 * (UPS, FedEx, USPS, DHL, pallets by FedEx Freight), with tracking numbers and freight. Carriers deliver 1–4
 * working days later; one delivery fails and arrives the next day, one comes back and is canceled (restocked,
 * shipped again), one failed lately and waits. A few shipments are canceled before they leave, two partly
 * shipped orders are closed, and the manager sets a few backordered orders to plan themselves: the auto-plan
 * job runs after each receipt. On the last day (today in New York, whatever the hour) the same work is
 * squeezed into the hours before now and stops half way, so each DC's desk has something in every queue.
 */
export function bookFulfillment(db: Db, agenda: Agenda, cast: Cast, specs: Map<string, ParcelSpec>, options: { seed: number }) {
  const life = new Random(deriveSeed(options.seed, "fulfillment/life"));
  const summary: FulfillmentSeedSummary = {
    shipmentsPlanned: 0,
    pickLists: 0,
    picked: 0,
    shortPicks: 0,
    packed: 0,
    shipped: 0,
    delivered: 0,
    failedDeliveries: 0,
    returned: 0,
    canceledBeforeLeaving: 0,
    closedOrders: 0,
    autoPlanOrders: 0,
    autoPlannedShipments: 0,
  };
  const actor = cast.warehouse;
  const span = agenda.end - agenda.start;
  const lastDay = todayIn(COMPANY_TIME_ZONE, new Date(agenda.end));
  const lastDayStart = newYorkMidnight(lastDay);
  const picked = new Map<string, Picked>();
  const autoPlanSet = new Set<string>();
  let jobBookedAt = -1;

  // ── What the desk reads ────────────────────────────────────────────────────────────────────────────

  /** (order, warehouse) pairs with reserved units not on a shipment yet: the desks' "ready to plan". */
  const readyToPlan = () =>
    executeRows<ReadyRow>(
      db,
      sql`with allocated as (select order_id, warehouse_id, sum(quantity)::int as units from stock_allocations group by 1, 2),
          planned as (
            select s.order_id, s.warehouse_id, sum(coalesce(l.picked, l.quantity))::int as units
            from shipments s join shipment_lines l on l.shipment_id = s.id
            where s.status in ('planned', 'picking', 'picked', 'packed') group by 1, 2)
          select o.number, w.code as warehouse, to_char(o.submitted_at at time zone ${COMPANY_TIME_ZONE}, 'YYYY-MM-DD') as submitted_day,
            o.requested_date::text as requested_date, coalesce(o.notes like '%Ship complete only%', false) as ship_complete, o.auto_plan,
            exists (select 1 from order_lines ol where ol.order_id = o.id and ol.backordered > 0) as backordered
          from allocated a
          join orders o on o.id = a.order_id and o.kind = 'order' and o.status = 'open'
          join warehouses w on w.id = a.warehouse_id
          left join planned p on p.order_id = a.order_id and p.warehouse_id = a.warehouse_id
          where a.units > coalesce(p.units, 0) and not ${awaitingPayment(sql`o.id`)}
          order by o.submitted_at, o.number, w.code`,
    );

  /** A warehouse's shipments in some statuses, oldest first. */
  const shipmentsIn = async (warehouse: string, statuses: string[]) => {
    const rows = await executeRows<{ number: string }>(
      db,
      sql`select s.number from shipments s join warehouses w on w.id = s.warehouse_id
          where w.code = ${warehouse} and s.status in (${sql.join(statuses.map((st) => sql`${st}`), sql`, `)}) and not ${awaitingPayment(sql`s.order_id`)}
          order by s.created_at, s.number`,
    );
    return rows.map((r) => r.number);
  };

  const statusOf = async (number: string) => {
    const [row] = await executeRows<{ status: string }>(db, sql`select status from shipments where number = ${number}`);
    return row?.status;
  };

  /**
   * An order is due once it has waited its one to three working days in the queue (sooner when the customer
   * needs it within two days); "ship complete" orders wait for their backorders, auto-planned ones for the job.
   */
  const isDue = (row: ReadyRow, today: string) => {
    if (row.auto_plan || (row.ship_complete && row.backordered)) return false;
    if (isUrgent(row.requested_date, today)) return true;
    const u = hashUnit(`${options.seed}/lag/${row.number}`);
    return workingDaysBetween(row.submitted_day, today) >= (u < 0.5 ? 1 : u < 0.85 ? 2 : 3);
  };

  // ── Each step of a shipment ────────────────────────────────────────────────────────────────────────

  const remember = (shipments: TShipment[], urgent = false) => {
    for (const s of shipments) {
      const known = picked.get(s.number);
      picked.set(s.number, { warehouse: s.warehouse, items: s.lines.map((l) => ({ sku: l.sku, units: l.picked ?? l.quantity })), urgent: known?.urgent ?? urgent });
    }
  };
  /** What a shipment carries: known since it was planned (or picked), else read. */
  const contentsOf = async (number: string): Promise<Picked> => {
    if (!picked.has(number)) remember([await getShipment({ db, id: number })]);
    return picked.get(number)!;
  };

  const plan = async (row: ReadyRow, warehouse?: string) => {
    const { shipments } = await planShipments({ db, actor, input: { number: row.number, warehouse } });
    summary.shipmentsPlanned += shipments.length;
    remember(shipments, isUrgent(row.requested_date, clock.today()));
  };

  /**
   * The picker confirms a shipment; about one in thirty is a unit or two short on a line. On an ordinary day
   * the bigger and heavier shipments then go to the packing bench (the rest are labelled at the dock).
   */
  const pick = async (number: string, mayPack: boolean) => {
    if ((await statusOf(number)) !== "picking") return;
    const { items } = await contentsOf(number);
    let lines: { sku: string; picked: number }[] = [];
    const shortLine = items.find((l) => l.units >= 2);
    if (shortLine && life.chance(0.035)) {
      lines = [{ sku: shortLine.sku, picked: shortLine.units - Math.min(shortLine.units - 1, life.int(1, 2)) }];
      summary.shortPicks++;
    }
    const result = await pickShipment({ db, actor, input: { id: number, lines } });
    summary.picked++;
    remember([result]);
    if (!mayPack || result.status !== "picked") return;
    const heavy = goodsGrams(picked.get(number)!.items, specs) > 20_000;
    if (life.chance(heavy ? 0.5 : 0.1)) agenda.book(clock.now().getTime() + life.int(10, 40) * MINUTE, "pack shipment", () => pack(number));
  };

  const pack = async (number: string) => {
    if ((await statusOf(number)) !== "picked") return;
    const known = await contentsOf(number);
    const packages = packagesFor(known.items, specs, life);
    await packShipment({ db, actor, input: { id: number, packages } });
    known.packages = packages;
    summary.packed++;
  };

  const ship = async (number: string) => {
    const status = await statusOf(number);
    if (status !== "picked" && status !== "packed") return;
    const known = await contentsOf(number);
    const service = chooseService(goodsGrams(known.items, specs), known.urgent, life);
    // Unpacked goods are weighed at the dock: half the time the boxes are entered with the label.
    const boxes = known.packages ?? packagesFor(known.items, specs, life);
    const withBoxes = status === "picked" && life.chance(0.5);
    const shipped = await shipShipment({
      db,
      actor,
      input: {
        id: number,
        carrier: service.carrier,
        service: service.service,
        trackingNumber: trackingNumber(service, known.warehouse, life),
        freightCost: freightCents(service, boxes, life),
        ...(withBoxes ? { packages: boxes } : {}),
      },
    });
    summary.shipped++;
    bookDelivery(shipped, service);
  };

  // Failed deliveries: one a third of the way in (arrives the next day), one later (comes back), one lately (waits).
  const failures = { redeliver: false, returned: false, pending: false };
  const bookDelivery = (shipment: TShipment, service: Service) => {
    const shippedAt = clock.now().getTime();
    const transit = life.int(service.transitDays[0], service.transitDays[1]);
    const at = addWorkingDays(shippedAt, transit) + life.int(15 * 60, 21 * 60) * MINUTE;
    const reason = life.pick(FAILURES);
    const id = shipment.number;
    const deliver = (when: number) =>
      agenda.book(when, "deliver shipment", async () => {
        const status = await statusOf(id);
        if (status !== "shipped" && status !== "delivery_failed") return;
        await deliverShipment({ db, actor, input: { id, outcome: "delivered" } });
        summary.delivered++;
      });
    const fail = () =>
      agenda.book(at, "failed delivery", async () => {
        await deliverShipment({ db, actor, input: { id, outcome: "failed", reason } });
        summary.failedDeliveries++;
      });
    const retryAt = addWorkingDays(at, 1) + life.int(0, 3 * 60) * MINUTE;
    if (at < agenda.end && !failures.redeliver && at > agenda.start + span * 0.35) {
      failures.redeliver = true;
      fail();
      deliver(retryAt);
    } else if (at < agenda.end && !failures.returned && at > agenda.start + span * 0.6) {
      failures.returned = true;
      fail();
      // Back at the DC a few days later, unopened: restocked and reserved for the order again (and shipped again).
      agenda.book(addWorkingDays(at, life.int(3, 5)), "shipment came back", async () => {
        await cancelShipment({ db, actor, input: { id, reason: `Returned to sender: ${reason.toLowerCase()}` } });
        summary.returned++;
      });
    } else if (at < agenda.end && !failures.pending && retryAt >= agenda.end && at > agenda.end - 4 * DAY) {
      failures.pending = true;
      fail();
      deliver(retryAt);
    } else {
      deliver(at);
    }
  };

  // ── The working day ────────────────────────────────────────────────────────────────────────────────

  const bookAutoPlan = (number: string, at: number) => {
    if (autoPlanSet.has(number) || autoPlanSet.size >= MAX_AUTO_PLAN) return;
    autoPlanSet.add(number);
    agenda.book(at, "set auto-plan", async () => {
      const order = await setAutoPlan({ db, actor: cast.manager, input: { number, enabled: true } });
      if (order.status !== "open") return;
      summary.autoPlanOrders++;
      runJobSoon();
    });
  };

  /** The auto-plan job runs every minute; it has work only after stock arrived for an order set to auto-plan. */
  const runJobSoon = () => {
    if (summary.autoPlanOrders === 0) return;
    const at = Math.floor(clock.now().getTime() / MINUTE) * MINUTE + MINUTE;
    if (at === jobBookedAt) return;
    jobBookedAt = at;
    agenda.book(at, "auto-plan job", async () => {
      const { planned } = await planReadyOrders(db);
      summary.autoPlannedShipments += planned.length;
      if (planned.length > 0) remember(await Promise.all(planned.map((id) => getShipment({ db, id }))));
    });
  };

  /** Morning planning: every due order, all its warehouses at once. */
  const planMorning = async () => {
    const today = clock.today();
    const rows = await readyToPlan();
    const due = new Map(rows.filter((r) => isDue(r, today)).map((r) => [r.number, r]));
    for (const row of due.values()) await plan(row);
    for (const r of rows) if (r.ship_complete && r.backordered && !r.auto_plan) bookAutoPlan(r.number, clock.now().getTime() + life.float(1, 3) * HOUR);
  };

  /** Planned shipments of a DC on pick lists of a few each (one picker walks each list); the lists' shipments. */
  const makeLists = async (warehouse: string, shipments: string[], sizes: [number, number]) => {
    const lists: string[][] = [];
    for (let i = 0; i < shipments.length; ) {
      const batch = shipments.slice(i, i + life.int(sizes[0], sizes[1]));
      i += batch.length;
      await createPickList({ db, actor, input: { warehouse, shipments: batch } });
      summary.pickLists++;
      lists.push(batch);
    }
    return lists;
  };

  const bookWorkingDay = (day: number) => {
    agenda.book(day + 13 * HOUR + life.int(0, 20) * MINUTE, "plan shipments", planMorning);
    WAREHOUSES.forEach((warehouse, w) => {
      const listsAt = day + 13 * HOUR + 40 * MINUTE + w * 7 * MINUTE;
      agenda.book(listsAt, "create pick lists", async () => {
        const lists = await makeLists(warehouse, await shipmentsIn(warehouse, ["planned"]), [3, 6]);
        lists.forEach((batch, list) => {
          let t = listsAt + (10 + 4 * list) * MINUTE;
          for (const number of batch) {
            t += life.int(12, 30) * MINUTE;
            agenda.book(t, "pick shipment", () => pick(number, true));
          }
        });
      });
      // The carrier collects what is picked or packed at the end of the afternoon.
      const pickupAt = day + 20 * HOUR + 30 * MINUTE + w * 25 * MINUTE + life.int(0, 20) * MINUTE;
      agenda.book(pickupAt, "carrier pickup", async () => {
        for (const [i, number] of (await shipmentsIn(warehouse, ["picked", "packed"])).entries()) {
          agenda.book(pickupAt + (i + 1) * life.int(1, 3) * MINUTE, "ship shipment", () => ship(number));
        }
      });
    });
  };

  /**
   * Today, whatever the hour: the day's work in the hours before now (from 6 am, or from midnight when it is
   * early), stopping half way in every DC — a few orders left to plan, planned shipments, a pick list being
   * picked, picked and packed shipments waiting for the carrier, and what already left today.
   */
  const bookLastDay = () => {
    const from = Math.max(lastDayStart, Math.min(lastDayStart + 6 * HOUR, agenda.end - 4 * HOUR));
    const at = (fraction: number, offset = 0) => Math.min(agenda.end - 1, Math.round(from + (agenda.end - from) * fraction) + offset);
    agenda.book(at(0.03), "plan shipments", async () => {
      const today = clock.today();
      const rows = await readyToPlan();
      const left = new Map(WAREHOUSES.map((w) => [w, rows.filter((r) => r.warehouse === w).length]));
      const open = await executeRows<{ warehouse: string; n: number }>(
        db,
        sql`select w.code as warehouse, count(*)::int as n from shipments s join warehouses w on w.id = s.warehouse_id
            where s.status in ('planned', 'picking', 'picked', 'packed') group by w.code`,
      );
      const supply = new Map(WAREHOUSES.map((w) => [w, open.find((o) => o.warehouse === w)?.n ?? 0]));
      const done = new Set<ReadyRow>();
      const take = async (r: ReadyRow) => {
        await plan(r, r.warehouse);
        done.add(r);
        left.set(r.warehouse, left.get(r.warehouse)! - 1);
        supply.set(r.warehouse, supply.get(r.warehouse)! + 1);
      };
      for (const r of rows) if (isDue(r, today) && left.get(r.warehouse)! > KEEP_READY) await take(r);
      // A quiet DC takes some of the newer orders too, so that today has work at every station.
      for (const r of rows) {
        if (done.has(r) || r.auto_plan || (r.ship_complete && r.backordered)) continue;
        if (supply.get(r.warehouse)! < 8 && left.get(r.warehouse)! > 1) await take(r);
      }
    });
    WAREHOUSES.forEach((warehouse, w) => {
      const roles = new Map<string, "ship" | "pack_ship" | "pack" | "stay">();
      agenda.book(at(0.12, w * MINUTE), "create pick lists", async () => {
        const planned = await shipmentsIn(warehouse, ["planned"]);
        const keep = planned.length >= 2 ? Math.max(1, Math.round(planned.length * 0.25)) : planned.length;
        const listed = planned.slice(0, planned.length - keep);
        // The last shipments listed are still being picked.
        const stillPicking = listed.length >= 2 ? Math.max(1, Math.round(listed.length * 0.15)) : 0;
        const toPick = listed.slice(0, listed.length - stillPicking);
        await makeLists(warehouse, listed, [2, 4]);
        toPick.forEach((number, i) => agenda.book(at(0.18 + (0.32 * (i + 1)) / (toPick.length + 1), w * MINUTE), "pick shipment", () => pick(number, false)));
      });
      agenda.book(at(0.55, w * MINUTE), "pack shipments", async () => {
        // Something of each kind first: one to ship packed, one packed and waiting, one picked and waiting.
        const ready = await shipmentsIn(warehouse, ["picked"]);
        ready.forEach((number, i) => {
          const role = i === 0 ? "pack_ship" : i === 1 ? "pack" : i === 2 ? "stay" : life.pick(["pack_ship", "ship", "ship", "pack", "stay"] as const);
          roles.set(number, role);
          if (role === "pack" || role === "pack_ship") agenda.book(at(0.56 + (0.12 * (i + 1)) / (ready.length + 1), w * MINUTE), "pack shipment", () => pack(number));
        });
      });
      agenda.book(at(0.7, w * MINUTE), "carrier pickup", async () => {
        const leaving = [...roles].filter(([, role]) => role === "ship" || role === "pack_ship").map(([number]) => number);
        leaving.forEach((number, i) => agenda.book(at(0.72 + (0.2 * (i + 1)) / (leaving.length + 1), w * MINUTE), "ship shipment", () => ship(number)));
      });
    });
  };

  // ── Now and then ───────────────────────────────────────────────────────────────────────────────────

  /** A shipment that has not left is canceled: the customer asked to wait, or it was planned to an old address. */
  const bookHold = (moment: number) => {
    const reason = life.pick(HOLD_REASONS);
    agenda.book(workingMoment(moment) + 2 * HOUR, "cancel shipment", async () => {
      const [row] = await executeRows<{ number: string }>(
        db,
        sql`select number from shipments where status in ('planned', 'picking') order by created_at desc, number desc limit 1`,
      );
      if (!row) return;
      await cancelShipment({ db, actor, input: { id: row.number, reason } });
      summary.canceledBeforeLeaving++;
    });
  };

  /** The rep closes a partly shipped order whose rest waits on a backorder for over a week: ship what we have. */
  const bookClose = (moment: number) => {
    const reason = life.pick(CLOSE_REASONS);
    agenda.book(workingMoment(moment) + 4 * HOUR, "close order", async () => {
      if (summary.closedOrders >= 2) return;
      const [row] = await executeRows<{ number: string }>(
        db,
        sql`select o.number from orders o
            where o.kind = 'order' and o.status = 'open' and o.fulfillment_status = 'partially_shipped' and not o.auto_plan
              and exists (select 1 from order_lines l where l.order_id = o.id and l.backordered > 0)
              and exists (select 1 from exceptions e where e.order_id = o.id and e.type = 'stockout' and e.status = 'open'
                          and e.created_at < ${new Date(clock.now().getTime() - 7 * DAY).toISOString()}::timestamptz)
              and not exists (select 1 from shipments s where s.order_id = o.id and s.status in ('planned', 'picking', 'picked', 'packed'))
            order by o.submitted_at, o.number limit 1`,
      );
      if (!row) return;
      await closeOrder({ shipments: orderShipments, db, actor: cast.rep, input: { number: row.number, reason } });
      summary.closedOrders++;
    });
  };

  /** Once a week the manager lets the oldest order that waits on backorders for everything plan itself. */
  const bookAutoPlanReview = (moment: number) => {
    agenda.book(workingMoment(moment) + 2 * HOUR, "review backorders", async () => {
      const [row] = await executeRows<{ number: string }>(
        db,
        sql`select o.number from orders o
            where o.kind = 'order' and o.status = 'open' and not o.auto_plan and o.fulfillment_status = 'unfulfilled'
              and exists (select 1 from order_lines l where l.order_id = o.id and l.backordered > 0)
              and not exists (select 1 from order_lines l where l.order_id = o.id and l.reserved > 0)
            order by o.submitted_at, o.number limit 1`,
      );
      if (row) bookAutoPlan(row.number, clock.now().getTime() + life.int(5, 40) * MINUTE);
    });
  };

  for (let day = Math.floor(agenda.start / DAY) * DAY; day < agenda.end; day += DAY) {
    // `day` is the UTC midnight that keys a day in the agenda, not a moment: its UTC date is the date the desk's
    // hours fall on in New York (isoDay would read the evening before).
    const date = new Date(day).toISOString().slice(0, 10);
    if (date === lastDay) continue;
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    bookWorkingDay(day);
    if (weekday === 2) bookAutoPlanReview(day);
    if (weekday === 4 && day > agenda.start + span * 0.35) bookClose(day);
  }
  bookLastDay();
  for (const share of [0.3, 0.55, 0.8]) bookHold(agenda.start + span * share);

  return { summary, afterStockArrival: runJobSoon };
}

/** The customer needs it within two days: it goes first, by air. */
function isUrgent(requestedDate: string | null, today: string): boolean {
  return requestedDate !== null && requestedDate <= addDays(today, 2);
}

/** `days` working days after the moment's day, at that day's midnight (UTC). */
function addWorkingDays(ms: number, days: number): number {
  let day = Math.floor(ms / DAY) * DAY;
  for (let n = 0; n < days; ) {
    day += DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) n++;
  }
  return day;
}

/** Working days after `from` up to and including `to` (YYYY-MM-DD). */
function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) n++;
  }
  return n;
}

/** The moment a day (YYYY-MM-DD) begins in New York. */
function newYorkMidnight(date: string): number {
  for (const hours of [4, 5]) {
    const t = Date.parse(`${date}T0${hours}:00:00Z`);
    if (todayIn(COMPANY_TIME_ZONE, new Date(t)) === date && todayIn(COMPANY_TIME_ZONE, new Date(t - 1)) !== date) return t;
  }
  return Date.parse(`${date}T05:00:00Z`);
}
