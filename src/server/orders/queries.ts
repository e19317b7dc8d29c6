import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import { users } from "../auth/schema";
import { products } from "../catalog";
import type { TaxExemption } from "~/lib/tax-exemptions";
import { customers, taxExemptionsOf } from "../customers";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { exceptionsForOrder } from "../exceptions";
import { allocationsOf, warehouses } from "../inventory";
import { priceLines, priceWith, type PricingContext } from "../pricing";
import { LIVE_ORDER_STATUSES } from "./constants";
import { orderEvents, orderLines, orders, type ShipTo } from "./schema";
import type { TOrder, TOrderLineInput } from "./schemas";
import { manualPriceOf } from "./manual-price";
import { recordOrderWebhooks } from "./webhook-events";

export type OrderRow = typeof orders.$inferSelect;

/** Loads an order by number (or id), locked for the rest of the transaction when it is about to change. */
export async function loadOrder(db: DbOrTx, key: string | { id: string }, options: { forUpdate?: boolean } = {}): Promise<OrderRow> {
  const query = db
    .select()
    .from(orders)
    .where(typeof key === "string" ? eq(orders.number, key) : eq(orders.id, key.id))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw AppError.notFound("order", typeof key === "string" ? key : key.id);
  return row;
}

export async function recordOrderEvent(tx: DbOrTx, orderId: string, type: string, actor: Actor, data: Record<string, unknown> = {}) {
  await recordOrderEvents(tx, orderId, actor, [{ type, data }]);
}

export type OrderEventEntry = { type: string; data?: Record<string, unknown> };

/** Several timeline entries of one change, in one statement and in this order. */
export async function recordOrderEvents(tx: DbOrTx, orderId: string, actor: Actor, events: OrderEventEntry[]) {
  await recordEventsOfOrders(tx, actor, events.map((e) => ({ orderId, ...e })));
}

/** Timeline entries of one change spanning several orders (a bulk action), in one statement. */
export async function recordEventsOfOrders(tx: DbOrTx, actor: Actor, events: (OrderEventEntry & { orderId: string })[]) {
  if (events.length === 0) return;
  const by = actorLabel(actor);
  await tx.insert(orderEvents).values(events.map((e) => ({ orderId: e.orderId, type: e.type, actor: by, data: e.data ?? {} })));
  await recordOrderWebhooks(tx, events, async (id) => toOrderDto(tx, await loadOrder(tx, { id })));
}

/** What the order path needs of the customer, read once per change and handed along. */
export type OrderCustomer = {
  id: string;
  code: string;
  name: string;
  segment: string;
  demandClass: "A" | "B" | "C";
  /** Exemption certificates: pricing decides per ship-to and date whether they apply. */
  taxExemptions: TaxExemption[];
  currency: string;
  creditLimit: number;
  /** Issued invoices not yet paid (billing keeps it), and the overdue hold, if any. */
  unpaidInvoices: number;
  overdueHold: string | null;
  /** Billed at submission (prepaid) rather than when the goods ship. */
  invoiceOnOrder: boolean;
  /** Where the order confirmation goes; undefined: not loaded (it is read when needed). */
  email?: string | null;
};

export async function loadOrderCustomer(db: DbOrTx, customerId: string): Promise<OrderCustomer> {
  const [row] = await db
    .select({
      id: customers.id,
      code: customers.code,
      name: customers.name,
      segment: customers.segment,
      demandClass: customers.demandClass,
      currency: customers.currency,
      creditLimit: customers.creditLimit,
      unpaidInvoices: customers.unpaidInvoices,
      overdueHold: customers.overdueHold,
      invoiceOnOrder: customers.invoiceOnOrder,
      email: customers.email,
    })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!row) throw new Error(`Order references a missing customer ${customerId}`);
  return { ...row, taxExemptions: (await taxExemptionsOf(db, [customerId])).get(customerId) ?? [] };
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

/**
 * Prices lines for an order of this customer, with the rules in force today (see pricing): reads what
 * it needs, or prices on a context the caller read beside its own queries.
 */
export function priceOrderLines(context: PricingContext, input: PriceOrderInput): ReturnType<typeof priceWith>;
export function priceOrderLines(db: DbOrTx, input: PriceOrderInput): ReturnType<typeof priceLines>;
export function priceOrderLines(source: DbOrTx | PricingContext, input: PriceOrderInput) {
  const { customer } = input;
  const priceInput = {
    lines: input.lines,
    customer,
    currency: customer.currency,
    channel: input.channel,
    shipTo: input.shipTo ? { country: input.shipTo.country, region: input.shipTo.region } : null,
    role: input.actor.role,
  };
  return "bySku" in source ? priceWith(source, priceInput) : priceLines(source, priceInput);
}

type PriceOrderInput = { customer: OrderCustomer; channel: string; shipTo: ShipTo | null; actor: Actor; lines: TOrderLineInput[] };

/**
 * What the customer's open orders (submitted, held or open), without one order, will still bill: each line's
 * value with tax for its units not invoiced yet (invoiced units count as unpaid invoices instead). An order with
 * nothing invoiced bills its lines' value with tax, which is its total without shipping (the header keeps the
 * lines' sums): only partly invoiced orders have their lines read. Every submission asks, so it stays a read of
 * the customer's open order headers however many lines they have.
 */
export async function openOrdersTotal(db: DbOrTx, customerId: string, exceptOrderId?: string) {
  const notInvoiced = db
    .select({
      total: sql`sum(round((${orderLines.lineTotal} + ${orderLines.tax})::numeric * (${orderLines.quantity} - least(${orderLines.invoiced}, ${orderLines.quantity})) / ${orderLines.quantity}))`,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orders.id));
  const [row] = await db
    .select({
      total: sql<number>`coalesce(sum(case when ${orders.billingStatus} = 'unbilled' then ${orders.total} - ${orders.shippingTotal} else (${notInvoiced}) end), 0)`.mapWith(Number),
    })
    .from(orders)
    .where(
      and(
        eq(orders.customerId, customerId),
        eq(orders.kind, "order"),
        inArray(orders.status, [...LIVE_ORDER_STATUSES]),
        exceptOrderId ? ne(orders.id, exceptOrderId) : undefined,
      ),
    );
  return row?.total ?? 0;
}

const lineSummary = (lines: { sku: string; quantity: number; unitPrice: number }[]) =>
  lines.map((l) => `${l.quantity} × ${l.sku} @ ${l.unitPrice}`);

export { lineSummary };

/** The order as docs/api.md describes it, with lines, exceptions and quote links. */
export async function toOrderDto(db: DbOrTx, order: OrderRow, known: { customer?: { code: string; name: string } } = {}): Promise<TOrder> {
  const [customerRows, lines, orderExceptions, linked, allocations, assignees] = await Promise.all([
    known.customer ? [known.customer] : db.select({ code: customers.code, name: customers.name }).from(customers).where(eq(customers.id, order.customerId)),
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
    allocationsOf(db, order.id),
    order.assignedToId ? db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, order.assignedToId)) : Promise.resolve([]),
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
    autoPlan: order.autoPlan,
    validUntil: order.validUntil,
    notes: order.notes,
    version: order.version,
    createdBy: order.createdBy,
    assignedTo: assignees[0] ?? null,
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
      manualPrice: line.overrideReason ? manualPriceOf(line.priceExplanation) : null,
      priceExplanation: line.priceExplanation as TOrder["lines"][number]["priceExplanation"],
    })),
    exceptions: orderExceptions,
  };
}
