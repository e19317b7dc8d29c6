import { eq } from "drizzle-orm";
import { canonicalJson } from "~/lib/canonical-json";
import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import type { Released } from "../inventory";
import { offerToBackorders } from "./allocate-backorders";
import { reviewHolds } from "./holds";
import { assertVersion, lineSummary, loadOrder, loadOrderCustomer, priceOrderLines, recordOrderEvents, toOrderDto, type OrderEventEntry } from "./queries";
import { reserveOrder, setLineReservations } from "./reserve-lines";
import { orders } from "./schema";
import type { TOrder, TOrderLineInput, TUpdateOrderInput } from "./schemas";
import { assertEditable, assertTransition } from "./state-machine";
import type { OrderShipments } from "./shipments-hook";
import type { OrderPlanning } from "./planning-hook";
import { keptLine } from "./manual-price";
import { writeLines } from "./write-lines";

/**
 * Edits an order or quote: never silently — the edit carries the version it was based on, lines are
 * re-priced, the timeline records old and new, and a submitted order is re-reserved and its holds
 * checked again. Only what changes the price or where it goes (lines, ship-to, channel) does that: a
 * notes-only edit neither reserves nor re-opens a hold a manager released.
 */
export async function updateOrder(options: { db: DbOrTx; actor: Actor; input: TUpdateOrderInput; shipments: OrderShipments; planning?: OrderPlanning }): Promise<TOrder> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const order = await loadOrder(tx, input.number, { forUpdate: true });
    await assertVersion(tx, order, input.version);
    assertEditable(order.status);
    if (order.kind === "quote" && order.convertedToId) {
      throw new AppError("conflict", "QUOTE_CONVERTED", `${order.number} was converted to an order and can no longer change.`);
    }
    const customer = await loadOrderCustomer(tx, order.customerId);

    const before = await toOrderDto(tx, order, { customer });
    const header: Partial<typeof orders.$inferInsert> = {};
    if (input.channel !== undefined) header.channel = input.channel;
    if (input.customerReference !== undefined) header.customerReference = input.customerReference;
    if (input.shipTo !== undefined) {
      if (!input.shipTo && order.status !== "draft") throw AppError.invalidField("shipTo", "a submitted order needs a ship-to address");
      header.shipTo = input.shipTo;
    }
    if (input.billTo !== undefined) header.billTo = input.billTo;
    if (input.requestedDate !== undefined) header.requestedDate = input.requestedDate;
    if (input.notes !== undefined) header.notes = input.notes;

    const changes: Partial<typeof orders.$inferInsert> = { ...header, version: order.version + 1 };
    const events: OrderEventEntry[] = [];
    let released: Released[] | null = null;
    let canceledShipments: string[] = [];
    // A client may send the whole order back: only a real difference re-prices, re-reserves and re-checks holds.
    const linesChanged = !!input.lines && !sameLines(input.lines, before.lines.map(keptLine));
    const shipToChanged = header.shipTo !== undefined && canonicalJson(header.shipTo) !== canonicalJson(order.shipTo);
    const channelChanged = header.channel !== undefined && header.channel !== order.channel;
    if (linesChanged || shipToChanged || channelChanged) {
      // What is planned to ship was planned from the old lines and address: those shipments go (the warehouse
      // sees them canceled), their units stay reserved, and the order is planned again from the new ones.
      // The whole change is one timeline entry: the canceled and re-planned shipments are part of it.
      if (order.status === "open" || order.status === "on_hold") {
        canceledShipments = await options.shipments.cancelOpen(tx, order, actor, "Order changed", { holdEvents: true });
      }
      // Lines, ship-to (tax) and channel (rules) all change the price: re-price at today's rules.
      // Unchanged lines keep their reservations; shorter ones release the rest.
      const lines = linesChanged ? input.lines! : before.lines.map(keptLine);
      const { priced, productIds } = await priceOrderLines(tx, {
        customer,
        channel: header.channel ?? order.channel,
        shipTo: header.shipTo !== undefined ? header.shipTo : order.shipTo,
        actor,
        lines,
      });
      ({ released } = await writeLines(tx, order, lines, priced, productIds, actor));
      Object.assign(changes, { subtotal: priced.subtotal, discountTotal: priced.discountTotal, taxTotal: priced.taxTotal, total: priced.total + order.shippingTotal });
    }
    const edited = { ...order, ...changes } as typeof order;
    if (released && (order.status === "open" || order.status === "on_hold")) {
      // What shorter lines gave back goes to older backorders first; then longer or new lines reserve
      // (or are backordered) and the promise date moves; then the holds are checked on the new total.
      await offerToBackorders(tx, released, order.number, actor);
      const reservation = await reserveOrder(tx, edited, actor, { demandClass: customer.demandClass });
      await setLineReservations(tx, reservation.lines);
      const holds = await reviewHolds(tx, edited, actor, customer);
      changes.promisedDate = reservation.promisedDate;
      if (holds.status !== order.status) {
        assertTransition(order.status, holds.status, "system");
        changes.status = holds.status;
        events.push({
          type: holds.status === "on_hold" ? "held" : "opened",
          data: { before: { status: order.status }, after: { status: holds.status }, reasons: holds.reasons },
        });
      }
      events.push(...reservation.events);
    }
    const [row] = await tx.update(orders).set(changes).where(eq(orders.id, order.id)).returning();
    let updated = row!;
    // Planned before the change: planned again from the new reservation, and promised again on the order's policy.
    const plannedShipments = canceledShipments.length > 0 ? await options.shipments.replan(tx, order.id, actor) : [];
    if (released && updated.submittedAt && options.planning) {
      const plan = await options.planning.onChanged(tx, updated, actor);
      if (plan) updated = { ...updated, promisedDate: plan.promisedDate };
    }

    const after = await toOrderDto(tx, updated, { customer });
    await recordOrderEvents(tx, order.id, actor, [
      {
        type: "edited",
        data: {
          before: { total: before.total, lines: lineSummary(before.lines), ...pick(before, Object.keys(header)) },
          after: { total: after.total, lines: lineSummary(after.lines), ...pick(after, Object.keys(header)) },
          version: updated.version,
          ...(canceledShipments.length > 0 ? { canceledShipments, plannedShipments } : {}),
          ...(updated.promisedDate !== order.promisedDate ? { promisedDate: { before: order.promisedDate, after: updated.promisedDate } } : {}),
        },
      },
      ...events,
    ]);
    return after;
  });
}

/** The same lines in the same order: SKU, quantity and manual price with its reason. */
function sameLines(next: TOrderLineInput[], kept: ReturnType<typeof keptLine>[]) {
  const key = (l: TOrderLineInput) => canonicalJson({ ...l, overrideReason: l.unitPrice === undefined ? undefined : l.overrideReason });
  return next.length === kept.length && next.every((line, i) => key(line) === key(kept[i]!));
}

const HEADER_FIELDS = ["channel", "customerReference", "shipTo", "billTo", "requestedDate", "notes"] as const;

function pick(order: TOrder, keys: string[]) {
  return Object.fromEntries(HEADER_FIELDS.filter((k) => keys.includes(k)).map((k) => [k, order[k]]));
}
