import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { addDays } from "~/lib/dates";
import { categories, products } from "../catalog";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { atp, atpTimeline, effectiveInboundDate, type AtpLevel } from "./atp";
import { loadAtpLevels } from "./availability";
import { toByClass } from "./holdbacks";
import { groupInbound, inboundKey } from "./inbound";
import { OPEN_TRANSFER_STATUSES } from "./constants";
import { stockHoldbacks, stockLevels, stockMovements, stockTransferLines, stockTransfers, warehouses } from "./schema";
import type { TAtpTimeline, TAtpTimelineInput, TStockDetail } from "./schemas";
import { isNeverStocked, stockStatusOf } from "./stock-status";
import type { SupplySource } from "./supply";
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
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.sku, sku))
    .limit(1);
  if (!product) throw AppError.notFound("product", sku);
  return product;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The SKU page: the product with its category and usual supplier, a level per active warehouse (hold-backs
 * by class, reorder point, inbound), and what is inbound: the supply's open documents (purchasing: purchase
 * orders) and transfers in transit.
 */
export async function getStockDetail(options: { db: DbOrTx; sku: string; supply: SupplySource }): Promise<TStockDetail> {
  const { db, supply } = options;
  const product = await findProductForStock(db, options.sku);
  const [levelRows, holdbackRows, supplied, transferRows, suppliers, warehouseCodes, movedIn] = await Promise.all([
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
    supply.inbound(db, [product.id]),
    db
      .select({
        number: stockTransfers.number,
        from: sql<string>`(select code from warehouses where id = ${stockTransfers.fromWarehouseId})`,
        to: warehouses.code,
        toWarehouseId: stockTransfers.toWarehouseId,
        expectedDate: stockTransfers.expectedDate,
        quantity: sql<number>`${stockTransferLines.quantity} - ${stockTransferLines.received}`.mapWith(Number),
      })
      .from(stockTransferLines)
      .innerJoin(stockTransfers, eq(stockTransfers.id, stockTransferLines.transferId))
      .innerJoin(warehouses, eq(warehouses.id, stockTransfers.toWarehouseId))
      .where(and(eq(stockTransferLines.productId, product.id), inArray(stockTransfers.status, [...OPEN_TRANSFER_STATUSES])))
      .orderBy(asc(stockTransfers.expectedDate), asc(stockTransfers.number)),
    supply.usualSuppliers(db, [product.id]),
    // Documents may deliver to a warehouse that is no longer active: name them all.
    db.select({ id: warehouses.id, code: warehouses.code }).from(warehouses),
    // Warehouses with any ledger history of the SKU (the movements index is by product, warehouse).
    db.selectDistinct({ warehouseId: stockMovements.warehouseId }).from(stockMovements).where(eq(stockMovements.productId, product.id)),
  ]);
  const withMovements = new Set(movedIn.map((m) => m.warehouseId));
  const inbound = groupInbound([
    ...supplied,
    ...transferRows.map((t) => ({ productId: product.id, warehouseId: t.toWarehouseId, date: t.expectedDate, quantity: t.quantity })),
  ]);
  const codeOf = new Map(warehouseCodes.map((w) => [w.id, w.code]));
  const supplier = suppliers.get(product.id);

  const levels = levelRows.map((row) => {
    const level = {
      onHand: row.onHand ?? 0,
      reserved: row.reserved ?? 0,
      reorderPoint: row.reorderPoint ?? null,
      reorderQuantity: row.reorderQuantity ?? null,
    };
    const heldBack = toByClass(holdbackRows.filter((h) => h.warehouseId === row.warehouseId));
    const levelInbound = inbound.get(inboundKey(product.id, row.warehouseId)) ?? [];
    const inboundTotal = levelInbound.reduce((sum, i) => sum + i.quantity, 0);
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
      inboundTotal,
      neverStocked: isNeverStocked({ ...level, inbound: inboundTotal, hasMovements: withMovements.has(row.warehouseId) }),
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
      leadTimeDays: supplier?.leadTimeDays ?? product.leadTimeDays,
      isArchived: product.archivedAt !== null,
      vendor: supplier ? { code: supplier.code, name: supplier.name, leadTimeDays: supplier.leadTimeDays, vendorSku: supplier.supplierSku } : null,
    },
    levels,
    totals,
    purchaseOrders: supplied
      .map((s) => ({
        number: s.reference.number,
        status: s.reference.status,
        vendor: s.reference.supplier,
        vendorName: s.reference.supplierName,
        warehouse: codeOf.get(s.warehouseId) ?? "",
        expectedDate: s.date,
        ordered: s.reference.ordered,
        received: s.reference.received,
        remaining: s.quantity,
      }))
      .sort((a, b) => compare(a.expectedDate, b.expectedDate) || compare(a.number, b.number)),
    transfers: transferRows.map(({ toWarehouseId: _toWarehouseId, ...t }) => t),
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
export async function getAtpTimeline(options: { db: DbOrTx; input: TAtpTimelineInput; supply: SupplySource; today?: string }): Promise<TAtpTimeline> {
  const { db, input, supply } = options;
  const today = options.today ?? clock.today();
  const product = await findProductForStock(db, input.sku);
  const levels = (await loadAtpLevels(db, [product.id], { demandClass: input.demandClass, supply })).get(product.id) ?? [];
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
