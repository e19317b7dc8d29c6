import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import { products } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { exceptionsForOrder } from "../exceptions";
import { lockStock, warehouses } from "../inventory";
import { priceLines, type PricedOrder } from "../pricing";
import { releaseAllocations, type Released } from "./allocations";
import { orderAllocations, orderEvents, orderLines, orders, type ShipTo } from "./schema";
import type { TOrder, TOrderLineInput } from "./schemas";

export type OrderRow = typeof orders.$inferSelect;

/** Loads an order by number, locked for the rest of the transaction when it is about to change. */
export async function loadOrder(db: DbOrTx, number: string, options: { forUpdate?: boolean } = {}): Promise<OrderRow> {
  const query = db.select().from(orders).where(eq(orders.number, number)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw AppError.notFound("order", number);
  return row;
}

export async function recordOrderEvent(tx: DbOrTx, orderId: string, type: string, actor: Actor, data: Record<string, unknown> = {}) {
  await tx.insert(orderEvents).values({ orderId, type, actor: actorLabel(actor), data });
}

/** Optimistic locking: an edit based on an older version is refused with who changed it since. */
export async function assertVersion(db: DbOrTx, order: OrderRow, version: number | undefined) {
  if (version === undefined || version === order.version) return;
  const [last] = await db
    .select({ actor: orderEvents.actor, at: orderEvents.createdAt })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, order.id))
    .orderBy(sql`${orderEvents.id} desc`)
    .limit(1);
  throw AppError.conflict(
    "STALE_VERSION",
    `Order ${order.number} was changed${last ? ` by ${last.actor}` : ""} after you opened it (your version ${version}, now ${order.version}). Reload it to see the changes, then edit again.`,
    { currentVersion: order.version, yourVersion: version },
  );
}

/** Prices lines for an order of this customer, with the rules in force today (see pricing). */
export async function priceOrderLines(
  db: DbOrTx,
  input: { customerId: string; channel: string; shipTo: ShipTo | null; actor: Actor; lines: TOrderLineInput[] },
) {
  const [customer] = await db
    .select({ id: customers.id, segment: customers.segment, taxExempt: customers.taxExempt, currency: customers.currency })
    .from(customers)
    .where(eq(customers.id, input.customerId));
  return priceLines(db, {
    lines: input.lines,
    customer: customer!,
    currency: customer!.currency,
    channel: input.channel,
    shipTo: input.shipTo ? { country: input.shipTo.country, region: input.shipTo.region } : null,
    role: input.actor.role,
  });
}

/**
 * Replaces an order's lines with priced ones. A line whose product was already on the order keeps its
 * warehouse and what was shipped, invoiced and reserved (up to the new quantity); reservations a shorter
 * or removed line no longer needs are released to stock in the same transaction.
 */
export async function writeLines(
  tx: DbOrTx,
  order: { id: string; number: string },
  input: TOrderLineInput[],
  priced: PricedOrder,
  productIds: Map<string, string>,
  actor: Actor,
) {
  const previous = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.lineNo));
  // Every stock row this edit may release or re-reserve, locked up front in the global order (no deadlocks).
  await lockStock(tx, [...previous.map((l) => l.productId), ...productIds.values()]);
  const unmatched = [...previous];
  const toRelease = new Map<string, number>();
  const release = (productId: string, quantity: number) => quantity > 0 && toRelease.set(productId, (toRelease.get(productId) ?? 0) + quantity);

  const rows = priced.lines.map((line, i) => {
    const productId = productIds.get(line.sku)!;
    const at = unmatched.findIndex((l) => l.productId === productId);
    const before = at >= 0 ? unmatched.splice(at, 1)[0] : undefined;
    const shipped = before?.shipped ?? 0;
    if (line.quantity < shipped) throw AppError.invalidField(`lines.${i}.quantity`, `${shipped} of ${line.sku} already shipped: the quantity cannot be less`);
    const reserved = Math.min(before?.reserved ?? 0, line.quantity - shipped);
    if (before) release(productId, before.reserved - reserved);
    return {
      orderId: order.id,
      lineNo: i + 1,
      productId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discount: line.discount,
      tax: line.tax,
      lineTotal: line.lineTotal,
      warehouseId: before?.warehouseId ?? null,
      reserved,
      shipped,
      invoiced: before?.invoiced ?? 0,
      returned: before?.returned ?? 0,
      // A submitted order's caller re-reserves next (reserveOrder), which sets what stays backordered.
      backordered: 0,
      overrideReason: input[i]?.unitPrice !== undefined ? (input[i]?.overrideReason ?? null) : null,
      approvalReason: line.approval,
      priceExplanation: line.explanation,
    };
  });
  for (const removed of unmatched) {
    if (removed.shipped > 0) {
      throw AppError.conflict("LINE_SHIPPED", `Line ${removed.lineNo} has shipped ${removed.shipped} and cannot be removed.`);
    }
    release(removed.productId, removed.reserved);
  }
  const released: Released[] = [];
  for (const [productId, quantity] of toRelease) released.push(...(await releaseAllocations(tx, order, productId, quantity, actor)));
  await tx.delete(orderLines).where(eq(orderLines.orderId, order.id));
  await tx.insert(orderLines).values(rows);
  return released;
}

/** Total of the customer's orders that are still open (submitted, held or open), without one order. */
export async function openOrdersTotal(db: DbOrTx, customerId: string, exceptOrderId?: string) {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${orders.total}), 0)`.mapWith(Number) })
    .from(orders)
    .where(
      and(
        eq(orders.customerId, customerId),
        eq(orders.kind, "order"),
        inArray(orders.status, ["submitted", "on_hold", "open"]),
        exceptOrderId ? ne(orders.id, exceptOrderId) : undefined,
      ),
    );
  return row?.total ?? 0;
}

const lineSummary = (lines: { sku: string; quantity: number; unitPrice: number }[]) =>
  lines.map((l) => `${l.quantity} × ${l.sku} @ ${l.unitPrice}`);

export { lineSummary };

/** The order as API.md describes it, with lines, exceptions and quote links. */
export async function toOrderDto(db: DbOrTx, order: OrderRow): Promise<TOrder> {
  const [customerRows, lines, orderExceptions, linked, allocations] = await Promise.all([
    db.select({ code: customers.code, name: customers.name }).from(customers).where(eq(customers.id, order.customerId)),
    db
      .select({ line: orderLines, sku: products.sku, productName: products.name, warehouse: warehouses.code })
      .from(orderLines)
      .innerJoin(products, eq(products.id, orderLines.productId))
      .leftJoin(warehouses, eq(warehouses.id, orderLines.warehouseId))
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.lineNo)),
    exceptionsForOrder(db, order.id),
    order.convertedFromId || order.convertedToId
      ? db
          .select({ id: orders.id, number: orders.number })
          .from(orders)
          .where(inArray(orders.id, [order.convertedFromId, order.convertedToId].filter((x): x is string => !!x)))
      : Promise.resolve([]),
    db
      .select({ productId: orderAllocations.productId, warehouse: warehouses.code, quantity: orderAllocations.quantity })
      .from(orderAllocations)
      .innerJoin(warehouses, eq(warehouses.id, orderAllocations.warehouseId))
      .where(eq(orderAllocations.orderId, order.id))
      .orderBy(desc(orderAllocations.quantity), asc(warehouses.code)),
  ]);
  const customer = customerRows[0]!;
  const numberOf = (id: string | null) => (id ? (linked.find((l) => l.id === id)?.number ?? null) : null);
  return {
    number: order.number,
    kind: order.kind,
    status: order.status,
    fulfillmentStatus: order.fulfillmentStatus,
    billingStatus: order.billingStatus,
    customer: customer.code,
    customerName: customer.name,
    channel: order.channel,
    customerReference: order.customerReference,
    currency: order.currency,
    subtotal: order.subtotal,
    discountTotal: order.discountTotal,
    taxTotal: order.taxTotal,
    shippingTotal: order.shippingTotal,
    total: order.total,
    shipTo: order.shipTo ?? null,
    billTo: order.billTo ?? null,
    requestedDate: order.requestedDate,
    promisedDate: order.promisedDate,
    validUntil: order.validUntil,
    notes: order.notes,
    version: order.version,
    createdBy: order.createdBy,
    createdAt: order.createdAt.toISOString(),
    submittedAt: order.submittedAt?.toISOString() ?? null,
    canceledReason: order.canceledReason,
    convertedFrom: numberOf(order.convertedFromId),
    convertedTo: numberOf(order.convertedToId),
    lines: lines.map(({ line, sku, productName, warehouse }) => ({
      lineNo: line.lineNo,
      sku,
      productName,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discount: line.discount,
      tax: line.tax,
      lineTotal: line.lineTotal,
      reserved: line.reserved,
      shipped: line.shipped,
      invoiced: line.invoiced,
      returned: line.returned,
      backordered: line.backordered,
      warehouse,
      allocations: allocations.filter((a) => a.productId === line.productId).map(({ warehouse, quantity }) => ({ warehouse, quantity })),
      overrideReason: line.overrideReason,
      priceExplanation: line.priceExplanation as TOrder["lines"][number]["priceExplanation"],
    })),
    exceptions: orderExceptions,
  };
}
