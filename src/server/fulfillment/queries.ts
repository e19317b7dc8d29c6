import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { products } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { stockLevels, warehouses } from "../inventory";
import { loadOrderForFulfillment, orderLines, orders } from "../orders";
import { SHIPPED_STATUSES } from "./constants";
import { carriers, packageItems, packages, pickLists, shipmentLines, shipments } from "./schema";
import type { TShipment } from "./schemas";
import { isUuid } from "~/lib/uuid";

export type ShipmentRow = typeof shipments.$inferSelect;


/** A shipment by number (SH-700123) or id, locked when it is about to change; 404 naming it when absent. */
export async function loadShipment(db: DbOrTx, key: string, options: { forUpdate?: boolean } = {}): Promise<ShipmentRow> {
  const where = isUuid(key) ? eq(shipments.id, key) : eq(shipments.number, key.trim().toUpperCase());
  const query = db.select().from(shipments).where(where).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw AppError.notFound("shipment", key);
  return row;
}

/**
 * A shipment and its order, both locked, in the one order every writer takes them: the order row first (it
 * is the order's mutex: edits, cancels and backorder filling take it too), then the shipment.
 */
export async function lockShipmentWithOrder(tx: DbOrTx, key: string) {
  const seen = await loadShipment(tx, key);
  const loaded = await loadOrderForFulfillment(tx, { id: seen.orderId }, { forUpdate: true });
  const shipment = await loadShipment(tx, seen.id, { forUpdate: true });
  return { shipment, order: loaded!.order, lines: loaded!.lines };
}

/** A carrier's tracking link for a number (`{tracking}` in its template). */
export function trackingUrl(template: string | null | undefined, trackingNumber: string | null): string | null {
  if (!template || !trackingNumber) return null;
  return template.replaceAll("{tracking}", encodeURIComponent(trackingNumber));
}

/** Has every shipment of the order that left arrived? (An order with none that left has not.) */
export async function allShipmentsDelivered(db: DbOrTx, orderId: string): Promise<boolean> {
  const [row] = await db
    .select({
      left: sql<number>`count(*) filter (where ${shipments.status} in ('shipped', 'delivered', 'delivery_failed'))`.mapWith(Number),
      arrived: sql<number>`count(*) filter (where ${shipments.status} = 'delivered')`.mapWith(Number),
    })
    .from(shipments)
    .where(eq(shipments.orderId, orderId));
  return (row?.left ?? 0) > 0 && row!.left === row!.arrived;
}

/** Shipments as the API describes them, with lines (bins of their warehouse), packages and links, in a few queries. */
export async function toShipmentDtos(db: DbOrTx, rows: ShipmentRow[]): Promise<TShipment[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [heads, lines, boxes] = await Promise.all([
    db
      .select({
        id: shipments.id,
        order: orders.number,
        currency: orders.currency,
        customer: customers.code,
        customerName: customers.name,
        warehouse: warehouses.code,
        pickList: pickLists.number,
        carrierName: carriers.name,
        template: carriers.trackingUrlTemplate,
      })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
      .leftJoin(pickLists, eq(pickLists.id, shipments.pickListId))
      .leftJoin(carriers, eq(carriers.code, shipments.carrierCode))
      .where(inArray(shipments.id, ids)),
    db
      .select({
        id: shipmentLines.id,
        shipmentId: shipmentLines.shipmentId,
        lineNo: orderLines.lineNo,
        sku: products.sku,
        productName: products.name,
        bin: stockLevels.bin,
        quantity: shipmentLines.quantity,
        picked: shipmentLines.picked,
      })
      .from(shipmentLines)
      .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
      .innerJoin(products, eq(products.id, shipmentLines.productId))
      .leftJoin(orderLines, eq(orderLines.id, shipmentLines.orderLineId))
      .leftJoin(stockLevels, and(eq(stockLevels.productId, shipmentLines.productId), eq(stockLevels.warehouseId, shipments.warehouseId)))
      .where(inArray(shipmentLines.shipmentId, ids))
      .orderBy(asc(orderLines.lineNo), asc(products.sku)),
    db
      .select({ box: packages, sku: products.sku, quantity: packageItems.quantity })
      .from(packages)
      .leftJoin(packageItems, eq(packageItems.packageId, packages.id))
      .leftJoin(shipmentLines, eq(shipmentLines.id, packageItems.shipmentLineId))
      .leftJoin(products, eq(products.id, shipmentLines.productId))
      .where(inArray(packages.shipmentId, ids))
      .orderBy(asc(packages.packageNo), asc(products.sku)),
  ]);
  const headOf = new Map(heads.map((h) => [h.id, h]));
  return rows.map((row): TShipment => {
    const head = headOf.get(row.id)!;
    const mine = lines.filter((l) => l.shipmentId === row.id);
    const packageRows = boxes.filter((b) => b.box.shipmentId === row.id);
    const packageNos = [...new Set(packageRows.map((b) => b.box.packageNo))];
    return {
      id: row.id,
      number: row.number,
      order: head.order,
      customer: head.customer,
      customerName: head.customerName,
      status: row.status,
      warehouse: head.warehouse,
      pickList: head.pickList ?? null,
      carrier: row.carrierCode ? { code: row.carrierCode, name: head.carrierName ?? row.carrierCode } : null,
      service: row.service,
      trackingNumber: row.trackingNumber,
      trackingUrl: trackingUrl(head.template, row.trackingNumber),
      freightCost: row.freightCost,
      currency: head.currency,
      units: mine.reduce((sum, l) => sum + (l.picked ?? l.quantity), 0),
      lines: mine.map(({ shipmentId: _s, lineNo, ...l }) => ({ ...l, lineNo: lineNo ?? 0 })),
      packages: packageNos.map((no) => {
        const items = packageRows.filter((b) => b.box.packageNo === no);
        const box = items[0]!.box;
        return {
          packageNo: no,
          weightGrams: box.weightGrams,
          lengthMm: box.lengthMm,
          widthMm: box.widthMm,
          heightMm: box.heightMm,
          items: items.flatMap((i) => (i.sku && i.quantity ? [{ sku: i.sku, quantity: i.quantity }] : [])),
        };
      }),
      plannedBy: row.plannedBy,
      createdAt: row.createdAt.toISOString(),
      pickedAt: row.pickedAt?.toISOString() ?? null,
      packedAt: row.packedAt?.toISOString() ?? null,
      shippedAt: row.shippedAt?.toISOString() ?? null,
      shippedBy: row.shippedBy,
      deliveredOn: row.deliveredOn,
      failureReason: row.failureReason,
      canceledAt: row.canceledAt?.toISOString() ?? null,
      canceledReason: row.canceledReason,
      version: row.version,
    };
  });
}

export async function toShipmentDto(db: DbOrTx, row: ShipmentRow): Promise<TShipment> {
  return (await toShipmentDtos(db, [row]))[0]!;
}

export const isShipped = (status: ShipmentRow["status"]) => (SHIPPED_STATUSES as readonly string[]).includes(status);

/** One stock movement per product and warehouse, however many shipment lines carry it. */
export function aggregateByLevel(lines: { productId: string; warehouseId: string; quantity: number }[]) {
  const byLevel = new Map<string, { productId: string; warehouseId: string; quantity: number }>();
  for (const l of lines) {
    const key = `${l.productId}:${l.warehouseId}`;
    const seen = byLevel.get(key);
    if (seen) seen.quantity += l.quantity;
    else byLevel.set(key, { ...l });
  }
  return [...byLevel.values()];
}
