import { and, asc, eq, sql } from "drizzle-orm";
import { products } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { stockLevels, warehouses } from "../inventory";
import { orders } from "../orders";
import { pickLists, shipmentLines, shipments } from "./schema";
import type { TPickList } from "./schemas";
import { isUuid } from "~/lib/uuid";


/**
 * A pick list as the picker walks it: each SKU once, in bin order (SKUs without a bin last), with how many
 * to take and which shipments they go to; and the shipments on it.
 */
export async function getPickList(options: { db: DbOrTx; id: string }): Promise<TPickList> {
  const { db, id } = options;
  const [list] = await db
    .select({ list: pickLists, warehouse: warehouses.code, warehouseName: warehouses.name })
    .from(pickLists)
    .innerJoin(warehouses, eq(warehouses.id, pickLists.warehouseId))
    .where(isUuid(id) ? eq(pickLists.id, id) : eq(pickLists.number, id.trim().toUpperCase()));
  if (!list) throw AppError.notFound("pick list", id);
  const rows = await db
    .select({
      shipment: shipments.number,
      status: shipments.status,
      order: orders.number,
      customerName: customers.name,
      sku: products.sku,
      productName: products.name,
      bin: stockLevels.bin,
      quantity: shipmentLines.quantity,
      picked: shipmentLines.picked,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .innerJoin(shipmentLines, eq(shipmentLines.shipmentId, shipments.id))
    .innerJoin(products, eq(products.id, shipmentLines.productId))
    .leftJoin(stockLevels, and(eq(stockLevels.productId, shipmentLines.productId), eq(stockLevels.warehouseId, shipments.warehouseId)))
    .where(eq(shipments.pickListId, list.list.id))
    .orderBy(sql`${stockLevels.bin} asc nulls last`, asc(products.sku), asc(shipments.number));

  const picks = new Map<string, TPickList["picks"][number]>();
  for (const r of rows) {
    let pick = picks.get(r.sku);
    if (!pick) {
      pick = { bin: r.bin, sku: r.sku, productName: r.productName, quantity: 0, picked: 0, shipments: [] };
      picks.set(r.sku, pick);
    }
    pick.quantity += r.quantity;
    pick.picked = pick.picked === null || r.picked === null ? null : pick.picked + r.picked;
    pick.shipments.push({ number: r.shipment, order: r.order, quantity: r.quantity, picked: r.picked });
  }
  const shipmentsOnList = [...new Map(rows.map((r) => [r.shipment, { number: r.shipment, order: r.order, customerName: r.customerName, status: r.status }])).values()];
  return {
    id: list.list.id,
    number: list.list.number,
    warehouse: list.warehouse,
    warehouseName: list.warehouseName,
    status: list.list.status,
    createdBy: list.list.createdBy,
    createdAt: list.list.createdAt.toISOString(),
    completedAt: list.list.completedAt?.toISOString() ?? null,
    shipments: shipmentsOnList.sort((a, b) => a.number.localeCompare(b.number)),
    picks: [...picks.values()],
  };
}
