import { sql } from "drizzle-orm";
import { stockLevels, stockMovements } from "~/server/inventory/schema";
import { ORDER_STATUSES, type OrderStatus } from "~/server/orders/constants";
import { exceptions } from "~/server/exceptions/schema";
import { orderEvents, orderLines, orders } from "~/server/orders/schema";
import { stockAllocations } from "~/server/inventory/schema";
import type { Db, Tx } from "../client";
import { SEQUENCED_DOCUMENTS, reserveDocumentNumbers } from "../sequences";
import { insertRows } from "../bulk";
import type { OrderSeedContext } from "./order-context";
import { type GeneratedDocument, OrderGenerator } from "./order-generator";

/** Documents per transaction: small enough to keep memory flat at a million orders. */
const CHUNK_SIZE = 2_000;
const PROGRESS_EVERY = 50_000;
/** Documents generated between two turns of the event loop, so a chunk being written keeps moving. */
const YIELD_EVERY = 100;
/** Advisory lock taken around the stock updates of concurrently written chunks. */
const STOCK_LOCK_KEY = 7426154;

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];
type OrderRow = Row<typeof orders>;
type LineRow = Row<typeof orderLines>;
type EventRow = Row<typeof orderEvents>;
type MovementRow = Row<typeof stockMovements>;
type ExceptionRow = Row<typeof exceptions>;

/** The seeded hold reasons as the exception queue names them. */
const HOLD_EXCEPTIONS: Record<string, { type: ExceptionRow["type"]; reason: string; severity: ExceptionRow["severity"] }> = {
  credit_limit: { type: "credit_hold", reason: "Credit limit exceeded by this order.", severity: "high" },
  address_unverified: { type: "address_hold", reason: "Ship-to address could not be verified.", severity: "medium" },
  price_override: { type: "price_approval", reason: "Manual price below the rep's override limit needs approval.", severity: "medium" },
  suspicious_quantity: { type: "suspicious_quantity", reason: "Quantity far above this customer's usual orders.", severity: "medium" },
};
const HOLD_SLA_MS = 4 * 3_600_000;

export type OrderSeedSummary = {
  orders: number;
  quotes: number;
  orderLines: number;
  orderEvents: number;
  reservationMovements: number;
  ordersByStatus: Record<OrderStatus, number>;
};

/**
 * Generates `orders` orders and `quotes` quotes spread over the year before `now`, in chunks of one
 * transaction each: generated one after the other (stock availability carries over), written up to
 * `concurrency` at a time while the next chunk is generated.
 */
export async function seedOrders(
  db: Db,
  context: OrderSeedContext,
  options: {
    orders: number;
    quotes: number;
    seed: number;
    batch: string;
    now: Date;
    /** Chunks written at once; more than one only helps on PostgreSQL with a pool that size. */
    concurrency?: number;
    onProgress?: (message: string) => void;
  },
): Promise<OrderSeedSummary> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const plan = new DocumentPlan(options.orders, options.quotes);
  const generator = new OrderGenerator(context, { seed: options.seed, batch: options.batch, now: options.now, total: plan.total });
  const summary: OrderSeedSummary = {
    orders: 0,
    quotes: 0,
    orderLines: 0,
    orderEvents: 0,
    reservationMovements: 0,
    ordersByStatus: Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>,
  };
  const started = performance.now();
  const reportProgress = (done: number, chunkSize: number) => {
    if (Math.floor(done / PROGRESS_EVERY) === Math.floor((done - chunkSize) / PROGRESS_EVERY) && done < plan.total) return;
    const rate = Math.round(done / ((performance.now() - started) / 1000));
    const n = (value: number) => value.toLocaleString("en-US");
    options.onProgress?.(`orders: ${n(done)} / ${n(plan.total)} documents (${n(rate)}/s)`);
  };

  // One block of numbers per type, in creation order. Taking them up front lets the next chunk be
  // generated while the previous one is written (a failed seed leaves a gap, never a reused number).
  const firstOrder = options.orders > 0 ? await reserveDocumentNumbers(db, "order", options.orders) : 0;
  const firstQuote = options.quotes > 0 ? await reserveDocumentNumbers(db, "quote", options.quotes) : 0;
  const writing: Promise<void>[] = [];
  for (let from = 0; from < plan.total; from += CHUNK_SIZE) {
    const to = Math.min(plan.total, from + CHUNK_SIZE);
    const chunk = new ChunkRows(context.warehouseIds, context.userIds);
    for (let j = from; j < to; j++) {
      // Let the previous chunk's statements go out while this one is generated.
      if ((j - from) % YIELD_EVERY === 0) await yieldToIo();
      const slot = plan.slot(j);
      chunk.addDocument(
        slot.isQuote
          ? generator.quote(`${SEQUENCED_DOCUMENTS.quote.prefix}${firstQuote + slot.quoteIndex}`, j)
          : generator.order(`${SEQUENCED_DOCUMENTS.order.prefix}${firstOrder + slot.orderIndex}`, j, options.orders - 1 - slot.orderIndex),
      );
    }
    if (writing.length >= concurrency) await writing.shift();
    const written = db
      .transaction((tx) => chunk.insert(tx))
      .then(() => {
        chunk.addTo(summary);
        reportProgress(summary.orders + summary.quotes, to - from);
      });
    // Awaited in turn below; until then a failure must not count as unhandled.
    written.catch(() => {});
    writing.push(written);
  }
  await Promise.all(writing);
  return summary;
}

/** Which document slots are quotes (spread evenly) and each slot's index among its own kind. */
class DocumentPlan {
  readonly total: number;

  constructor(orders: number, private readonly quotes: number) {
    this.total = orders + quotes;
  }

  /** Quotes among the first `j` slots. */
  private quotesBefore(j: number): number {
    return Math.floor((j * this.quotes) / this.total);
  }

  slot(j: number): { isQuote: boolean; quoteIndex: number; orderIndex: number } {
    const quoteIndex = this.quotesBefore(j);
    return { isQuote: this.quotesBefore(j + 1) > quoteIndex, quoteIndex, orderIndex: j - quoteIndex };
  }
}

/** The rows of one chunk, inserted together in its transaction. */
class ChunkRows {
  readonly orders: OrderRow[] = [];
  readonly lines: LineRow[] = [];
  readonly events: EventRow[] = [];
  readonly movements: MovementRow[] = [];
  readonly exceptions: ExceptionRow[] = [];
  private readonly statusCounts = new Map<OrderStatus, number>();
  private quoteCount = 0;
  /** Reserved quantity added per stock level. */
  private readonly reservedDelta = new Map<string, { productId: string; warehouseId: string; quantity: number }>();
  /** Where each order's reserved units sit (order_allocations), per order, product and warehouse. */
  private readonly allocations = new Map<string, Row<typeof stockAllocations>>();

  constructor(
    private readonly warehouseIds: string[],
    private readonly userIds: Map<string, string>,
  ) {}

  addDocument(doc: GeneratedDocument) {
    const { content, timeline } = doc;
    const createdAt = new Date(timeline.events[0]?.at ?? timeline.last);
    const updatedAt = new Date(timeline.last);
    if (doc.kind === "quote") this.quoteCount++;
    else this.statusCounts.set(doc.status, (this.statusCounts.get(doc.status) ?? 0) + 1);
    this.orders.push({
      id: content.id,
      number: doc.number,
      kind: doc.kind,
      status: doc.status,
      fulfillmentStatus: doc.fulfillmentStatus,
      billingStatus: doc.billingStatus,
      customerId: content.customer.id,
      channel: content.channel,
      customerReference: content.customerReference,
      currency: "USD",
      ...content.totals,
      shipTo: content.customer.shipTo,
      requestedDate: doc.requestedDate,
      promisedDate: doc.promisedDate,
      validUntil: doc.validUntil,
      notes: content.notes,
      createdBy: content.createdBy,
      createdById: this.userIds.get(content.createdBy) ?? null,
      submittedAt: doc.submittedAt === null ? null : new Date(doc.submittedAt),
      createdAt,
      updatedAt,
    });
    content.lines.forEach((line, i) => {
      const progress = doc.progress[i];
      if (!progress) throw new Error(`No progress for line ${i + 1} of ${doc.number}`);
      const warehouseId = progress.warehouse === null ? null : (this.warehouseIds[progress.warehouse] ?? null);
      this.lines.push({
        id: content.lineIds[i],
        orderId: content.id,
        lineNo: i + 1,
        productId: line.product.id,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discount: line.discount,
        tax: line.tax,
        lineTotal: line.lineTotal,
        reserved: progress.reserved,
        shipped: progress.shipped,
        invoiced: progress.invoiced,
        backordered: progress.backordered,
        warehouseId,
        priceExplanation: explain(line),
        createdAt,
        updatedAt,
      });
      if (progress.reserved > 0 && warehouseId !== null) this.addReservation(doc, line.product.id, warehouseId, progress.reserved);
    });
    for (const event of timeline.events) {
      this.events.push({ orderId: content.id, type: event.type, actor: event.actor, data: event.data, createdAt: new Date(event.at) });
    }
    this.addHoldExceptions(doc);
  }

  /** Every hold in the timeline is an exception: open while the order is held, resolved once released. */
  private addHoldExceptions(doc: GeneratedDocument) {
    const { content, timeline } = doc;
    timeline.events.forEach((event, i) => {
      if (event.type !== "held") return;
      const hold = HOLD_EXCEPTIONS[String(event.data?.reason)] ?? HOLD_EXCEPTIONS.credit_limit!;
      const release = timeline.events.slice(i + 1).find((e) => e.type === "hold_released" || e.type === "canceled");
      const isOpen = !release && doc.status === "on_hold";
      this.exceptions.push({
        type: hold.type,
        severity: hold.severity,
        status: isOpen ? "open" : "resolved",
        orderId: content.id,
        customerId: content.customer.id,
        reason: hold.reason,
        dueAt: new Date(event.at + HOLD_SLA_MS),
        openedBy: "System",
        resolvedBy: release?.actor ?? null,
        resolvedAt: release ? new Date(release.at) : null,
        resolution: release ? (release.type === "canceled" ? "order_canceled" : "released") : null,
        createdAt: new Date(event.at),
        updatedAt: new Date(release?.at ?? event.at),
      });
    });
  }

  /** A "reservation" ledger row (it moves `reserved`, not on hand) and the stock level's share of it. */
  private addReservation(doc: GeneratedDocument, productId: string, warehouseId: string, quantity: number) {
    this.movements.push({
      productId,
      warehouseId,
      kind: "reservation",
      quantity,
      reason: "order",
      reference: doc.number,
      actor: doc.content.createdBy,
      createdAt: new Date(doc.submittedAt ?? doc.timeline.last),
    });
    const allocationKey = `${doc.content.id}/${productId}/${warehouseId}`;
    const allocation = this.allocations.get(allocationKey);
    if (allocation) allocation.quantity += quantity;
    else this.allocations.set(allocationKey, { orderId: doc.content.id, productId, warehouseId, quantity, demandClass: doc.content.customer.demandClass });
    const key = `${productId}/${warehouseId}`;
    const delta = this.reservedDelta.get(key);
    if (delta) delta.quantity += quantity;
    else this.reservedDelta.set(key, { productId, warehouseId, quantity });
  }

  async insert(tx: Tx) {
    await insertRows(tx, orders, this.orders);
    await insertRows(tx, orderLines, this.lines);
    await insertRows(tx, orderEvents, this.events);
    await insertRows(tx, stockMovements, this.movements);
    await insertRows(tx, exceptions, this.exceptions);
    await insertRows(tx, stockAllocations, [...this.allocations.values()]);
    if (this.reservedDelta.size === 0) return;
    // Chunks written concurrently touch overlapping stock rows: one at a time, or two could deadlock.
    await tx.execute(sql`select pg_advisory_xact_lock(${STOCK_LOCK_KEY})`);
    // In the chunk's own transaction, so stock_levels.reserved always equals the open lines' reservations.
    const deltas = [...this.reservedDelta.values()].map(
      (d) => sql`(${d.productId}::uuid, ${d.warehouseId}::uuid, ${d.quantity}::int)`,
    );
    await tx.execute(sql`
      update ${stockLevels} set reserved = ${stockLevels.reserved} + d.quantity
      from (values ${sql.join(deltas, sql`, `)}) as d(product_id, warehouse_id, quantity)
      where ${stockLevels.productId} = d.product_id and ${stockLevels.warehouseId} = d.warehouse_id`);
  }

  addTo(summary: OrderSeedSummary) {
    summary.orders += this.orders.length - this.quoteCount;
    summary.quotes += this.quoteCount;
    summary.orderLines += this.lines.length;
    summary.orderEvents += this.events.length;
    summary.reservationMovements += this.movements.length;
    for (const [status, count] of this.statusCounts) summary.ordersByStatus[status] += count;
  }
}


/** The price explanation of a seeded line: list price, then any discount and tax it carries. */
function explain(line: { unitPrice: number; discount: number; tax: number }) {
  const steps: { step: string; description: string; unitPrice?: number; amount?: number }[] = [
    { step: "list_price", description: "List price of the product", unitPrice: line.unitPrice },
  ];
  if (line.discount > 0) steps.push({ step: "discount", description: "Discount", amount: line.discount });
  if (line.tax > 0) steps.push({ step: "tax", description: "Sales tax 8% (rounded half-up per line)", amount: line.tax });
  return steps;
}
