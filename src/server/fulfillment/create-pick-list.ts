import { and, eq, inArray } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import { nextDocumentNumberSql } from "../db/sequences";
import { AppError } from "../errors";
import { findWarehouseByCode } from "../inventory";
import { orders, recordOrderEvents } from "../orders";
import { getPickList } from "./get-pick-list";
import { loadShipment } from "./queries";
import { pickLists, shipments } from "./schema";
import type { TCreatePickListInput, TPickList } from "./schemas";
import { assertPaidIfPrepaid } from "./plans/payment-gate";
import { assertShipmentTransition } from "./shipment-states";

/**
 * Batches planned shipments of one warehouse into a pick list: they move to picking, and the list shows
 * the picker every SKU once, in bin order, with the shipments it goes to.
 */
export async function createPickList(options: { db: Db; actor: Actor; input: TCreatePickListInput }): Promise<TPickList> {
  const { db, actor, input } = options;
  const id = await db.transaction(async (tx) => {
    const warehouse = await findWarehouseByCode(tx, input.warehouse);
    if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);
    const keys = [...new Set(input.shipments.map((k) => k.trim().toUpperCase()))];
    const rows = [];
    for (const [i, key] of keys.entries()) {
      const shipment = await loadShipment(tx, key, { forUpdate: true }).catch(() => {
        throw AppError.invalidField(`shipments.${i}`, `no shipment "${key}"`);
      });
      if (shipment.warehouseId !== warehouse.id) throw AppError.invalidField(`shipments.${i}`, `${shipment.number} ships from another warehouse`);
      assertShipmentTransition(shipment.number, shipment.status, "picking");
      const [order] = await tx.select({ id: orders.id, number: orders.number, billingStatus: orders.billingStatus }).from(orders).where(eq(orders.id, shipment.orderId));
      await assertPaidIfPrepaid(tx, order!, "put on a pick list");
      rows.push(shipment);
    }
    const [list] = await tx.insert(pickLists).values({ number: nextDocumentNumberSql("pick_list"), warehouseId: warehouse.id, createdBy: actorLabel(actor) }).returning();
    await tx
      .update(shipments)
      .set({ status: "picking", pickListId: list!.id })
      .where(inArray(shipments.id, rows.map((r) => r.id)));
    for (const row of rows) {
      await recordOrderEvents(tx, row.orderId, actor, [{ type: "shipment_picking", data: { shipment: row.number, pickList: list!.number } }]);
    }
    return list!.id;
  });
  return getPickList({ db, id });
}

/** A pick list is done once none of its shipments is still being picked. */
export async function completePickListIfDone(tx: DbOrTx, pickListId: string | null) {
  if (!pickListId) return;
  const statuses = await tx.select({ status: shipments.status }).from(shipments).where(eq(shipments.pickListId, pickListId));
  if (statuses.every((s) => s.status !== "picking")) {
    await tx.update(pickLists).set({ status: "completed", completedAt: clock.now() }).where(and(eq(pickLists.id, pickListId), eq(pickLists.status, "open")));
  }
}
