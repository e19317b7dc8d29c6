import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import { AppError } from "../errors";
import { recordOrderEvents } from "../orders";
import { lockShipmentWithOrder, toShipmentDto, type ShipmentRow } from "./queries";
import { packageItems, packages, shipmentLines, shipments } from "./schema";
import type { TPackage, TPackShipmentInput, TShipment } from "./schemas";
import { assertShipmentTransition } from "./shipment-states";

/** The packer closes the boxes of a picked shipment: weight and size of each, and what is in it. */
export async function packShipment(options: { db: Db; actor: Actor; input: TPackShipmentInput }): Promise<TShipment> {
  const { db, actor, input } = options;
  const row = await db.transaction(async (tx) => {
    const { shipment, lines } = await lockShipmentWithOrder(tx, input.id);
    if (input.version !== undefined && input.version !== shipment.version) {
      throw AppError.conflict("STALE_VERSION", `${shipment.number} changed since you opened it: reload it and pack again.`, { currentVersion: shipment.version });
    }
    assertShipmentTransition(shipment.number, shipment.status, "packed");
    await writePackages(tx, shipment, input.packages, new Map(lines.map(({ line, sku }) => [line.id, sku])), "packages");
    const [updated] = await tx
      .update(shipments)
      .set({ status: "packed", packedAt: clock.now(), version: shipment.version + 1 })
      .where(eq(shipments.id, shipment.id))
      .returning();
    await recordOrderEvents(tx, shipment.orderId, actor, [{ type: "packed", data: { shipment: shipment.number, packages: input.packages.length } }]);
    return updated!;
  });
  return toShipmentDto(db, row);
}

/**
 * Writes a shipment's packages. Every picked unit goes in exactly one package: one package without a list
 * of items takes everything; otherwise the items per SKU must add up to what was picked (400 naming the field).
 */
export async function writePackages(tx: DbOrTx, shipment: ShipmentRow, boxes: TPackage[], skuOfLine: Map<string, string>, field: string) {
  const lines = await tx.select().from(shipmentLines).where(eq(shipmentLines.shipmentId, shipment.id));
  const pickedBySku = new Map<string, number>();
  for (const l of lines) pickedBySku.set(skuOfLine.get(l.orderLineId)!, (pickedBySku.get(skuOfLine.get(l.orderLineId)!) ?? 0) + (l.picked ?? l.quantity));
  const contents: { sku: string; quantity: number }[][] =
    boxes.length === 1 && !boxes[0]!.items ? [[...pickedBySku].filter(([, q]) => q > 0).map(([sku, quantity]) => ({ sku, quantity }))] : boxes.map((b) => b.items ?? []);
  const packed = new Map<string, number>();
  contents.forEach((items, i) => {
    if (items.length === 0) throw AppError.invalidField(`${field}.${i}.items`, "say what is in this package");
    items.forEach((item, j) => {
      if (!pickedBySku.has(item.sku)) throw AppError.invalidField(`${field}.${i}.items.${j}.sku`, `${item.sku} is not on ${shipment.number}`);
      packed.set(item.sku, (packed.get(item.sku) ?? 0) + item.quantity);
    });
  });
  for (const [sku, picked] of pickedBySku) {
    const inBoxes = packed.get(sku) ?? 0;
    if (inBoxes !== picked) throw AppError.invalidField(field, `${picked} of ${sku} were picked but ${inBoxes} are in the packages`);
  }

  const used = new Map<string, number>();
  for (const [i, box] of boxes.entries()) {
    const [created] = await tx
      .insert(packages)
      .values({ shipmentId: shipment.id, packageNo: i + 1, weightGrams: box.weightGrams, lengthMm: box.lengthMm ?? null, widthMm: box.widthMm ?? null, heightMm: box.heightMm ?? null })
      .returning({ id: packages.id });
    // Each SKU's units go to the shipment's lines of that SKU in order.
    const items = new Map<string, number>();
    for (const item of contents[i]!) items.set(item.sku, (items.get(item.sku) ?? 0) + item.quantity);
    const rows: { packageId: string; shipmentLineId: string; quantity: number }[] = [];
    for (const [sku, quantity] of items) {
      let left = quantity;
      for (const l of lines.filter((sl) => skuOfLine.get(sl.orderLineId) === sku)) {
        const room = (l.picked ?? l.quantity) - (used.get(l.id) ?? 0);
        const take = Math.min(room, left);
        if (take <= 0) continue;
        used.set(l.id, (used.get(l.id) ?? 0) + take);
        rows.push({ packageId: created!.id, shipmentLineId: l.id, quantity: take });
        left -= take;
      }
    }
    if (rows.length > 0) await tx.insert(packageItems).values(rows);
  }
}
