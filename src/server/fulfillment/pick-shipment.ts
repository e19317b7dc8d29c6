import { eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { AppError } from "../errors";
import { lockStock, recordShortPick } from "../inventory";
import { recordOrderEvents, returnShortfall } from "../orders";
import { completePickListIfDone } from "./create-pick-list";
import { promiseAgain } from "./plans/plan-order";
import { lockShipmentWithOrder, toShipmentDto } from "./queries";
import { shipmentLines, shipments } from "./schema";
import type { TPickShipmentInput, TShipment } from "./schemas";
import { assertPaidIfPrepaid } from "./plans/payment-gate";
import { assertShipmentTransition } from "./shipment-states";

/**
 * The picker confirms what was found for a shipment (a planned one, or one on a pick list). A SKU left out
 * was picked in full. Finding fewer is a short pick: those units were not there, so inventory takes them
 * off the reservation (and off on hand, as far as other orders' reservations allow), and the order
 * reserves them again — from another warehouse when one has them, else as a backorder with a stockout
 * exception. A shipment where nothing was found is canceled.
 */
export async function pickShipment(options: { db: Db; actor: Actor; input: TPickShipmentInput }): Promise<TShipment> {
  const { db, actor, input } = options;
  const row = await db.transaction(async (tx) => {
    const { shipment, order, lines: orderLines } = await lockShipmentWithOrder(tx, input.id);
    if (input.version !== undefined && input.version !== shipment.version) {
      throw AppError.conflict("STALE_VERSION", `${shipment.number} changed since you opened it: reload it and confirm again.`, { currentVersion: shipment.version });
    }
    await assertPaidIfPrepaid(tx, order, "picked");
    if (shipment.status === "planned") assertShipmentTransition(shipment.number, "planned", "picking");
    else assertShipmentTransition(shipment.number, shipment.status, "picked");

    const lines = await tx.select().from(shipmentLines).where(eq(shipmentLines.shipmentId, shipment.id));
    const skuOf = new Map(orderLines.map(({ line, sku }) => [line.id, sku]));
    // What was found per SKU, shared out over the shipment's lines of that SKU in order.
    const found = new Map<string, number>();
    for (const [i, l] of input.lines.entries()) {
      if (!lines.some((sl) => skuOf.get(sl.orderLineId) === l.sku)) throw AppError.invalidField(`lines.${i}.sku`, `${l.sku} is not on ${shipment.number}`);
      found.set(l.sku, (found.get(l.sku) ?? 0) + l.picked);
    }
    input.lines.forEach((l, i) => {
      const planned = lines.filter((sl) => skuOf.get(sl.orderLineId) === l.sku).reduce((sum, sl) => sum + sl.quantity, 0);
      if ((found.get(l.sku) ?? 0) > planned) throw AppError.invalidField(`lines.${i}.picked`, `at most ${planned} of ${l.sku} are on ${shipment.number}`);
    });
    const picks = lines.map((sl) => {
      const sku = skuOf.get(sl.orderLineId)!;
      const left = found.has(sku) ? found.get(sku)! : sl.quantity;
      const picked = Math.min(sl.quantity, left);
      if (found.has(sku)) found.set(sku, left - picked);
      return { line: sl, sku, picked, short: sl.quantity - picked };
    });

    const shorts = picks.filter((p) => p.short > 0);
    if (shorts.length > 0) {
      // Every stock row the order may release or reserve again, locked up front in the global order.
      await lockStock(tx, orderLines.map(({ line }) => line.productId));
      for (const p of shorts) {
        await recordShortPick(tx, { demand: { orderId: order.id, reference: order.number }, line: { productId: p.line.productId, warehouseId: shipment.warehouseId, quantity: p.short }, actor });
      }
    }
    await tx.execute(
      sql`update ${shipmentLines} l set picked = v.picked from (values ${sql.join(picks.map((p) => sql`(${p.line.id}::uuid, ${p.picked}::int)`), sql`, `)}) as v(id, picked) where l.id = v.id`,
    );
    const nothingFound = picks.every((p) => p.picked === 0);
    const [updated] = await tx
      .update(shipments)
      .set(
        nothingFound
          ? { status: "canceled", canceledAt: clock.now(), canceledReason: "Nothing was found at picking", pickedAt: clock.now(), version: shipment.version + 1 }
          : { status: "picked", pickedAt: clock.now(), version: shipment.version + 1 },
      )
      .where(eq(shipments.id, shipment.id))
      .returning();
    const summary = shorts.map((p) => `${p.short} × ${p.sku}`).join(", ");
    const event = {
      type: shorts.length > 0 ? "short_picked" : "picked",
      data: { shipment: shipment.number, ...(shorts.length > 0 ? { short: summary } : {}), picked: picks.reduce((sum, p) => sum + p.picked, 0) },
    };
    if (shorts.length > 0) {
      await returnShortfall(tx, { order, lines: shorts.map((p) => ({ orderLineId: p.line.orderLineId, quantity: p.short })), actor, event });
      // Reserved again elsewhere or backordered: promised again on the order's policy.
      await promiseAgain(tx, order.id);
    } else {
      await recordOrderEvents(tx, order.id, actor, [event]);
    }
    await completePickListIfDone(tx, shipment.pickListId);
    return updated!;
  });
  return toShipmentDto(db, row);
}
