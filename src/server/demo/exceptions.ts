import { getCustomer } from "~/server/customers";
import type { Db } from "~/server/db/client";
import { exceptionsForOrder, isActiveException, isBlocking, markSlaBreaches } from "~/server/exceptions";
import { assignExceptions } from "~/server/exceptions/assign-exceptions";
import { commentException } from "~/server/exceptions/comment-exception";
import { type ExceptionType, OWNING_TEAM, RESOLUTION_ACTIONS } from "~/server/exceptions/constants";
import { listExceptions, ZListExceptionsInput } from "~/server/exceptions/list-exceptions";
import { resolveExceptions } from "~/server/exceptions/resolve-exceptions";
import { addRestrictedItem } from "~/server/exceptions/restricted-items";
import { orderPlanning, orderShipments } from "~/server/fulfillment";
import { exceptionOrders } from "~/server/orders/exception-orders";
import { loadOrder, loadOrderCustomer } from "~/server/orders/queries";
import { updateOrder } from "~/server/orders/update-order";
import { type Agenda, DAY, HOUR, MINUTE, workingMoment } from "./agenda";
import type { Cast } from "./cast";
import { deriveSeed, Random } from "./random";

export type ExceptionSeedSummary = { exceptionsWorked: number; addressesFixed: number; breachRuns: number };

const CALL_NOTES = [
  "Called the customer: they confirm",
  "Left a voicemail for the buyer; e-mailed too",
  "Customer asked us to go ahead",
  "Checked the account history: fine",
];
const STOCKOUT_NOTES = ["Told the customer the new date", "Customer will wait for the backorder", "Customer asked to ship the rest when it arrives"];

/**
 * The exception desk in the demo's history, through the exception use cases: each team works its queue (takes
 * the exception, notes a call now and then, resolves it with one of the type's actions), reps fix ship-to
 * typos on the order, the warehouse follows up stockouts, the SLA job runs every working hour, and an admin
 * keeps a restricted list.
 */
export function bookExceptionDesk(db: Db, agenda: Agenda, cast: Cast, options: { seed: number }) {
  const life = new Random(deriveSeed(options.seed, "exceptions/life"));
  const summary: ExceptionSeedSummary = { exceptionsWorked: 0, addressesFixed: 0, breachRuns: 0 };
  const orders = exceptionOrders(orderShipments, orderPlanning);
  const teamActor = (type: ExceptionType) => ({ finance: cast.finance, manager: cast.manager, rep: cast.rep, warehouse: cast.warehouse, admin: cast.admin })[OWNING_TEAM[type]];

  agenda.book(agenda.start + 30 * MINUTE, "restricted list", async () => {
    for (const [value, reason] of [["KP", "UN sanctions: no shipments"], ["IR", "Export licence required"], ["SY", "Embargo"]] as const) {
      await addRestrictedItem({ db, actor: cast.admin, input: { kind: "country", value, reason }, skuExists: async () => true });
    }
  });

  // The SLA job, as the scheduler runs it (every minute in production; hourly is enough for the history).
  for (let t = agenda.start; t < agenda.end; t += HOUR) {
    const at = workingMoment(t);
    if (at !== t) continue;
    agenda.book(at, "SLA job", async () => {
      await markSlaBreaches(db);
      summary.breachRuns++;
    });
  }

  /** Every morning the warehouse takes the new stockouts and tells the customers. */
  for (let day = agenda.start + DAY; day < agenda.end; day += DAY) {
    agenda.book(workingMoment(day, 30 * MINUTE), "stockout follow-up", async () => {
      const queue = await listExceptions({ db, actor: cast.warehouse, input: ZListExceptionsInput.parse({ view: "mine", type: "stockout", assignee: "none", limit: 20 }) });
      for (const item of queue.items) {
        if (!life.chance(0.6)) continue;
        await assignExceptions({ db, actor: cast.warehouse, input: { ids: [item.id], assignee: "me" } });
        await commentException({ db, actor: cast.warehouse, input: { id: item.id, note: life.pick(STOCKOUT_NOTES) } });
        summary.exceptionsWorked++;
      }
    });
  }

  /**
   * A held order's blocking exceptions, worked by their teams: taken, sometimes a note, then resolved with the
   * type's accepting action (a manager rejects a price now and then) — or the order canceled from its exception.
   */
  async function workHolds(number: string, decision: { release: boolean; note: string; reason: string }) {
    const order = await loadOrder(db, number);
    // Address holds are fixed on the order (fixAddress), which releases it.
    const blocking = (await exceptionsForOrder(db, order.id)).filter((e) => isActiveException(e.status) && isBlocking(e.type) && e.type !== "address_hold");
    for (const [i, exception] of blocking.entries()) {
      const worker = teamActor(exception.type);
      await assignExceptions({ db, actor: worker, input: { ids: [exception.id], assignee: "me" } });
      if (life.chance(0.4)) await commentException({ db, actor: worker, input: { id: exception.id, note: life.pick(CALL_NOTES) } });
      const actions = RESOLUTION_ACTIONS[exception.type];
      const cancel = actions.find((a) => a.effect === "cancel_order");
      let action = actions.find((a) => a.accepts && (!a.roles || a.roles.includes(worker.role)))!.action;
      if (exception.type === "price_approval" && life.chance(0.15)) action = "reject";
      if (!decision.release && i === 0 && cancel) action = cancel.action;
      // Finance does not cancel orders: the manager does, from the same exception.
      const actor = action === cancel?.action && !cancel.roles?.includes(worker.role) ? cast.manager : worker;
      await resolveExceptions({ db, actor, orders, input: { ids: [exception.id], action, note: action === cancel?.action ? decision.reason : decision.note } });
      summary.exceptionsWorked++;
      if (action === cancel?.action) return;
    }
  }

  /** A web order arrived with a mistyped ZIP: a rep corrects it on the order an hour or two later. */
  async function fixAddress(number: string, from: number) {
    agenda.book(workingMoment(from + life.float(0.5, 3) * HOUR), "fix address", async () => {
      const order = await loadOrder(db, number);
      if (order.status !== "on_hold") return;
      const customer = await getCustomer({ db, code: (await loadOrderCustomer(db, order.customerId)).code });
      const address = customer.shippingAddress ?? customer.billingAddress;
      if (!address) return;
      await updateOrder({ db, actor: cast.rep, shipments: orderShipments, planning: orderPlanning, input: { number, version: order.version, shipTo: address } });
      summary.addressesFixed++;
    });
  }

  return { summary, workHolds, fixAddress };
}
