import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { addDays } from "~/lib/dates";
import { categories, products } from "../catalog";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { atp, atpTimeline, effectiveInboundDate, type AtpLevel } from "./atp";
import { loadAtpLevels } from "./availability";
import { INBOUND_PO_STATUSES } from "./constants";
import { toByClass } from "./holdbacks";
import { inboundKey, loadInbound } from "./list-stock";
import {
  productVendors,
  purchaseOrderLines,
  purchaseOrders,
  stockHoldbacks,
  stockLevels,
  stockTransfers,
  vendors,
  warehouses,
} from "./schema";
import type { TAtpTimeline, TAtpTimelineInput, TStockDetail } from "./schemas";
import { stockStatusOf } from "./stock-status";
import * as clock from "../clock";

async function findProductForStock(db: DbOrTx, sku: string) {
  const [product] = await db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      unit: products.unit,
      leadTimeDays: products.leadTimeDays,
      archivedAt: products.archivedAt,
      category: categories.code,
      categoryName: categories.name,
      vendorCode: vendors.code,
      vendorName: vendors.name,
      vendorLeadTimeDays: vendors.leadTimeDays,
      vendorSku: productVendors.vendorSku,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .leftJoin(productVendors, eq(productVendors.productId, products.id))
    .leftJoin(vendors, eq(vendors.id, productVendors.vendorId))
    .where(eq(products.sku, sku))
    .limit(1);
  if (!product) throw AppError.notFound("product", sku);
  return product;
}

/**
 * The SKU page: the product with its category and usual vendor, a level per active warehouse (hold-backs
 * by class, reorder point, inbound), and what is inbound (open purchase orders, transfers in transit).
 */
export async function getStockDetail(options: { db: DbOrTx; sku: string }): Promise<TStockDetail> {
  const { db } = options;
  const product = await findProductForStock(db, options.sku);
  const [levelRows, holdbackRows, inbound, poRows, transferRows] = await Promise.all([
    db
      .select({
        warehouseId: warehouses.id,
        warehouse: warehouses.code,
        warehouseName: warehouses.name,
        productId: stockLevels.productId,
        onHand: stockLevels.onHand,
        reserved: stockLevels.reserved,
        reorderPoint: stockLevels.reorderPoint,
        reorderQuantity: stockLevels.reorderQuantity,
      })
      .from(warehouses)
      .leftJoin(stockLevels, and(eq(stockLevels.warehouseId, warehouses.id), eq(stockLevels.productId, product.id)))
      .where(and(eq(warehouses.isActive, true), isNull(warehouses.archivedAt)))
      .orderBy(asc(warehouses.priority), asc(warehouses.code)),
    db
      .select({ warehouseId: stockHoldbacks.warehouseId, demandClass: stockHoldbacks.demandClass, quantity: stockHoldbacks.quantity })
      .from(stockHoldbacks)
      .where(eq(stockHoldbacks.productId, product.id)),
    loadInbound(db, [product.id]),
    db
      .select({
        number: purchaseOrders.number,
        status: purchaseOrders.status,
        vendor: vendors.code,
        vendorName: vendors.name,
        warehouse: warehouses.code,
        expectedDate: purchaseOrders.expectedDate,
        ordered: sql<number>`sum(${purchaseOrderLines.quantity})`.mapWith(Number),
        received: sql<number>`sum(${purchaseOrderLines.received})`.mapWith(Number),
      })
      .from(purchaseOrderLines)
      .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
      .innerJoin(vendors, eq(vendors.id, purchaseOrders.vendorId))
      .innerJoin(warehouses, eq(warehouses.id, purchaseOrders.warehouseId))
      .where(and(eq(purchaseOrderLines.productId, product.id), inArray(purchaseOrders.status, [...INBOUND_PO_STATUSES])))
      .groupBy(purchaseOrders.id, vendors.id, warehouses.id)
      .orderBy(asc(purchaseOrders.expectedDate), asc(purchaseOrders.number)),
    db
      .select({
        number: stockTransfers.number,
        from: sql<string>`(select code from warehouses where id = ${stockTransfers.fromWarehouseId})`,
        to: warehouses.code,
        expectedDate: stockTransfers.expectedDate,
        quantity: stockTransfers.quantity,
      })
      .from(stockTransfers)
      .innerJoin(warehouses, eq(warehouses.id, stockTransfers.toWarehouseId))
      .where(and(eq(stockTransfers.productId, product.id), eq(stockTransfers.status, "in_transit")))
      .orderBy(asc(stockTransfers.expectedDate), asc(stockTransfers.number)),
  ]);

  const levels = levelRows.map((row) => {
    const level = {
      onHand: row.onHand ?? 0,
      reserved: row.reserved ?? 0,
      reorderPoint: row.reorderPoint ?? null,
      reorderQuantity: row.reorderQuantity ?? null,
    };
    const heldBack = toByClass(holdbackRows.filter((h) => h.warehouseId === row.warehouseId));
    const levelInbound = inbound.get(inboundKey(product.id, row.warehouseId)) ?? [];
    return {
      warehouse: row.warehouse,
      warehouseName: row.warehouseName,
      hasLevel: row.productId !== null,
      ...level,
      available: level.onHand - level.reserved,
      heldBack,
      heldBackTotal: heldBack.A + heldBack.B + heldBack.C,
      status: stockStatusOf(level),
      inbound: levelInbound,
      inboundTotal: levelInbound.reduce((sum, i) => sum + i.quantity, 0),
    };
  });
  const totals = levels.reduce(
    (sum, l) => ({
      onHand: sum.onHand + l.onHand,
      reserved: sum.reserved + l.reserved,
      available: sum.available + l.available,
      heldBack: sum.heldBack + l.heldBackTotal,
      inbound: sum.inbound + l.inboundTotal,
    }),
    { onHand: 0, reserved: 0, available: 0, heldBack: 0, inbound: 0 },
  );

  return {
    product: {
      sku: product.sku,
      name: product.name,
      unit: product.unit,
      category: product.category,
      categoryName: product.categoryName,
      leadTimeDays: product.vendorLeadTimeDays ?? product.leadTimeDays,
      isArchived: product.archivedAt !== null,
      vendor:
        product.vendorCode !== null && product.vendorName !== null
          ? { code: product.vendorCode, name: product.vendorName, leadTimeDays: product.vendorLeadTimeDays ?? product.leadTimeDays, vendorSku: product.vendorSku }
          : null,
    },
    levels,
    totals,
    purchaseOrders: poRows.map((po) => ({ ...po, remaining: po.ordered - po.received })),
    transfers: transferRows,
  };
}

export const ATP_HORIZON_DAYS = 90;

/**
 * ATP across warehouses: at today, at every date something arrives in any warehouse, and at the horizon,
 * the sum of each warehouse's ATP (each never below zero, as earliestPromise counts it).
 */
export function totalAtpTimeline(levels: AtpLevel[], today: string, horizonDays = ATP_HORIZON_DAYS) {
  const end = addDays(today, horizonDays);
  const inboundByDate = new Map<string, number>();
  for (const level of levels) {
    for (const i of level.inbound) {
      const date = effectiveInboundDate(i.date, today);
      if (date <= end) inboundByDate.set(date, (inboundByDate.get(date) ?? 0) + i.quantity);
    }
  }
  const dates = [...new Set([today, ...inboundByDate.keys(), end])].sort();
  return dates.map((date) => ({
    date,
    atp: levels.reduce((sum, level) => sum + atp(level, date, today), 0),
    inbound: inboundByDate.get(date) ?? 0,
  }));
}

/** The SKU page's chart: ATP per day for the next 90 days, in total and per active warehouse. */
export async function getAtpTimeline(options: { db: DbOrTx; input: TAtpTimelineInput; today?: string }): Promise<TAtpTimeline> {
  const { db, input } = options;
  const today = options.today ?? clock.today();
  const product = await findProductForStock(db, input.sku);
  const levels = (await loadAtpLevels(db, [product.id], { demandClass: input.demandClass })).get(product.id) ?? [];
  return {
    today,
    horizonDays: ATP_HORIZON_DAYS,
    demandClass: input.demandClass ?? null,
    total: totalAtpTimeline(
      levels.map((l) => l.level),
      today,
    ),
    warehouses: levels.map((l) => ({ warehouse: l.warehouse, points: atpTimeline(l.level, today, ATP_HORIZON_DAYS) })),
  };
}
