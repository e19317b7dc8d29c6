import { and, asc, desc, eq, exists, ilike, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import { addDays } from "~/lib/dates";
import { actorLabel, type Actor } from "../auth/actor";
import { products } from "../catalog";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { decodeCursor, toPage } from "../db/pagination";
import { auditEvents } from "../db/schema";
import { escapeLike } from "../db/search";
import { SEQUENCED_DOCUMENTS, nextDocumentNumber } from "../db/sequences";
import { AppError } from "../errors";
import { INBOUND_PO_STATUSES, type PurchaseOrderStatus } from "./constants";
import { assertPurchaseOrderEditable, assertPurchaseOrderTransition, remainingInbound } from "./purchase-order-states";
import type {
  TCancelPurchaseOrderInput,
  TClosePurchaseOrderInput,
  TCreatePurchaseOrderInput,
  TListPurchaseOrdersInput,
  TPurchaseOrder,
  TPurchaseOrderEvent,
  TPurchaseOrderLineInput,
  TPurchaseOrderSummary,
  TSendPurchaseOrderInput,
  TUpdatePurchaseOrderInput,
} from "./purchasing-schemas";
import { purchaseOrderLines, purchaseOrders, vendors, warehouses } from "./schema";
import * as clock from "../clock";

/** Audit rows of purchase orders: entity type "purchase_order", entity id the PO number. */
export const AUDIT_ENTITY = "purchase_order";

export type CreatePurchaseOrderInTxInput = {
  vendorId: string;
  warehouseId: string;
  /** YYYY-MM-DD; defaults to today (company time zone) plus the vendor's lead time. */
  expectedDate?: string;
  notes?: string | null;
  lines: { productId: string; quantity: number; unitCost?: number }[];
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Drafts a purchase order inside the caller's transaction: the next PO number, the vendor and delivery
 * warehouse, one line per product (unit cost defaults to the product's cost) and a "created" audit row.
 * Replenishment calls it to turn suggestions into drafts; the REST/page use case calls it after resolving
 * codes and SKUs. Field names in errors follow this input (`vendorId`, `lines.N.productId`, …).
 */
export async function createPurchaseOrderInTx(
  tx: DbOrTx,
  input: CreatePurchaseOrderInTxInput,
  actor: Actor,
): Promise<{ id: string; number: string }> {
  if (input.lines.length === 0) throw AppError.invalidField("lines", "a purchase order needs at least one line");
  const [vendor] = await tx.select().from(vendors).where(eq(vendors.id, input.vendorId)).limit(1);
  if (!vendor) throw AppError.invalidField("vendorId", "no such vendor");
  if (vendor.archivedAt) throw AppError.invalidField("vendorId", `vendor ${vendor.code} is archived`);
  const [warehouse] = await tx.select().from(warehouses).where(eq(warehouses.id, input.warehouseId)).limit(1);
  if (!warehouse) throw AppError.invalidField("warehouseId", "no such warehouse");
  if (input.expectedDate !== undefined && !ISO_DATE.test(input.expectedDate)) {
    throw AppError.invalidField("expectedDate", "must be a date like 2026-11-21");
  }

  const productIds = [...new Set(input.lines.map((l) => l.productId))];
  const rows = await tx
    .select({ id: products.id, sku: products.sku, cost: products.cost, archivedAt: products.archivedAt })
    .from(products)
    .where(inArray(products.id, productIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    const product = byId.get(line.productId);
    if (!product) throw AppError.invalidField(`lines.${i}.productId`, "no such product");
    if (seen.has(line.productId)) throw AppError.invalidField(`lines.${i}.productId`, `${product.sku} is already on line ${[...seen].indexOf(line.productId) + 1}`);
    seen.add(line.productId);
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) throw AppError.invalidField(`lines.${i}.quantity`, "must be a whole number above zero");
    if (line.unitCost !== undefined && (!Number.isInteger(line.unitCost) || line.unitCost < 0)) {
      throw AppError.invalidField(`lines.${i}.unitCost`, "must be a whole number of minor units, zero or more");
    }
  });

  const number = await nextDocumentNumber(tx, "purchase_order");
  const expectedDate = input.expectedDate ?? addDays(clock.today(), vendor.leadTimeDays);
  const [po] = await tx
    .insert(purchaseOrders)
    .values({
      number,
      vendorId: vendor.id,
      warehouseId: warehouse.id,
      status: "draft",
      expectedDate,
      notes: input.notes ?? null,
      createdBy: actorLabel(actor),
    })
    .returning({ id: purchaseOrders.id });
  const lines = input.lines.map((line, i) => ({
    purchaseOrderId: po!.id,
    lineNo: i + 1,
    productId: line.productId,
    quantity: line.quantity,
    unitCost: line.unitCost ?? byId.get(line.productId)!.cost,
  }));
  await tx.insert(purchaseOrderLines).values(lines);
  await recordAudit(tx, {
    entityType: AUDIT_ENTITY,
    entityId: number,
    action: "created",
    actor,
    after: {
      status: "draft",
      vendor: vendor.code,
      warehouse: warehouse.code,
      expectedDate,
      lines: lines.map((l) => ({ sku: byId.get(l.productId)!.sku, quantity: l.quantity, unitCost: l.unitCost })),
    },
  });
  return { id: po!.id, number };
}

// ─── Reading ─────────────────────────────────────────────────────────────────────────────────────

type PurchaseOrderRow = typeof purchaseOrders.$inferSelect;

/** Sent or partially received, and the expected date is before today (company time zone). */
export function isPurchaseOrderOverdue(row: { status: PurchaseOrderStatus; expectedDate: string }, today = clock.today()): boolean {
  return (INBOUND_PO_STATUSES as readonly string[]).includes(row.status) && row.expectedDate < today;
}

/** A purchase order by number, locked for the rest of the transaction when asked. 404 when absent. */
export async function loadPurchaseOrder(db: DbOrTx, number: string, options: { forUpdate?: boolean } = {}): Promise<PurchaseOrderRow> {
  const query = db.select().from(purchaseOrders).where(eq(purchaseOrders.number, number)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw AppError.notFound("purchase order", number);
  return row;
}

/** The lines of one purchase order, by line number. */
export async function loadPurchaseOrderLines(db: DbOrTx, purchaseOrderId: string) {
  return db
    .select({
      id: purchaseOrderLines.id,
      lineNo: purchaseOrderLines.lineNo,
      productId: purchaseOrderLines.productId,
      sku: products.sku,
      productName: products.name,
      quantity: purchaseOrderLines.quantity,
      received: purchaseOrderLines.received,
      unitCost: purchaseOrderLines.unitCost,
    })
    .from(purchaseOrderLines)
    .innerJoin(products, eq(products.id, purchaseOrderLines.productId))
    .where(eq(purchaseOrderLines.purchaseOrderId, purchaseOrderId))
    .orderBy(asc(purchaseOrderLines.lineNo));
}

/** The full purchase order as the API and the page show it. */
export async function toPurchaseOrderDto(db: DbOrTx, po: PurchaseOrderRow): Promise<TPurchaseOrder> {
  const [[vendor], [warehouse], lines, [ending]] = await Promise.all([
    db.select({ code: vendors.code, name: vendors.name, leadTimeDays: vendors.leadTimeDays }).from(vendors).where(eq(vendors.id, po.vendorId)),
    db.select({ code: warehouses.code, name: warehouses.name }).from(warehouses).where(eq(warehouses.id, po.warehouseId)),
    loadPurchaseOrderLines(db, po.id),
    po.status === "closed" || po.status === "canceled"
      ? db
          .select({ after: auditEvents.after })
          .from(auditEvents)
          .where(and(eq(auditEvents.entityType, AUDIT_ENTITY), eq(auditEvents.entityId, po.number), inArray(auditEvents.action, ["closed", "canceled"])))
          .orderBy(desc(auditEvents.id))
          .limit(1)
      : Promise.resolve([]),
  ]);
  const dtoLines = lines.map((l) => ({
    lineNo: l.lineNo,
    sku: l.sku,
    productName: l.productName,
    quantity: l.quantity,
    received: l.received,
    remaining: remainingInbound(po.status, l),
    unitCost: l.unitCost,
    lineTotal: l.quantity * l.unitCost,
  }));
  const reason = (ending?.after as { reason?: unknown } | null | undefined)?.reason;
  return {
    number: po.number,
    status: po.status,
    vendor: vendor!,
    warehouse: warehouse!,
    currency: po.currency,
    expectedDate: po.expectedDate,
    isOverdue: isPurchaseOrderOverdue(po),
    lineCount: dtoLines.length,
    quantity: dtoLines.reduce((sum, l) => sum + l.quantity, 0),
    received: dtoLines.reduce((sum, l) => sum + l.received, 0),
    total: dtoLines.reduce((sum, l) => sum + l.lineTotal, 0),
    createdAt: po.createdAt.toISOString(),
    notes: po.notes,
    createdBy: po.createdBy,
    sentAt: po.sentAt?.toISOString() ?? null,
    closedAt: po.closedAt?.toISOString() ?? null,
    closeReason: typeof reason === "string" && reason ? reason : null,
    version: po.version,
    lines: dtoLines,
  };
}

export async function getPurchaseOrder(options: { db: DbOrTx; number: string }): Promise<TPurchaseOrder> {
  return toPurchaseOrderDto(options.db, await loadPurchaseOrder(options.db, options.number));
}

/**
 * Purchase orders, newest first, keyset-paginated on (created at, id). Filters: status, vendor, delivery
 * warehouse, SKU on a line, overdue; search matches the number (or its digits) or a SKU by prefix.
 */
export async function listPurchaseOrders(options: { db: DbOrTx; input: Partial<TListPurchaseOrdersInput> & { limit: number } }) {
  const { db, input } = options;
  const today = clock.today();
  const conditions: (SQL | undefined)[] = [];
  if (input.status) conditions.push(eq(purchaseOrders.status, input.status));
  if (input.vendor) conditions.push(eq(vendors.code, input.vendor));
  if (input.warehouse) conditions.push(eq(warehouses.code, input.warehouse));
  if (input.overdue) conditions.push(and(inArray(purchaseOrders.status, [...INBOUND_PO_STATUSES]), lt(purchaseOrders.expectedDate, today)));
  const hasLineWith = (productCondition: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(purchaseOrderLines)
        .innerJoin(products, eq(products.id, purchaseOrderLines.productId))
        .where(and(eq(purchaseOrderLines.purchaseOrderId, purchaseOrders.id), productCondition)),
    );
  if (input.sku) conditions.push(hasLineWith(eq(products.sku, input.sku)));
  if (input.search) {
    const text = input.search.toUpperCase();
    const numberPrefix = /^\d+$/.test(text) ? `${SEQUENCED_DOCUMENTS.purchase_order.prefix}${text}` : text;
    conditions.push(or(like(purchaseOrders.number, `${escapeLike(numberPrefix)}%`), hasLineWith(ilike(products.sku, `${escapeLike(input.search)}%`))));
  }
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(${purchaseOrders.createdAt}, ${purchaseOrders.id}) < (${String(createdAt)}::timestamptz, ${String(id)}::uuid)`);
  }
  const rows = await db
    .select({
      id: purchaseOrders.id,
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      vendorCode: vendors.code,
      vendorName: vendors.name,
      warehouseCode: warehouses.code,
      warehouseName: warehouses.name,
      currency: purchaseOrders.currency,
      expectedDate: purchaseOrders.expectedDate,
      createdAt: purchaseOrders.createdAt,
      lineCount: sql<number>`(select count(*) from ${purchaseOrderLines} where ${purchaseOrderLines.purchaseOrderId} = ${purchaseOrders.id})`.mapWith(Number),
      quantity: sql<number>`(select coalesce(sum(${purchaseOrderLines.quantity}), 0) from ${purchaseOrderLines} where ${purchaseOrderLines.purchaseOrderId} = ${purchaseOrders.id})`.mapWith(Number),
      received: sql<number>`(select coalesce(sum(${purchaseOrderLines.received}), 0) from ${purchaseOrderLines} where ${purchaseOrderLines.purchaseOrderId} = ${purchaseOrders.id})`.mapWith(Number),
      total: sql<number>`(select coalesce(sum(${purchaseOrderLines.quantity} * ${purchaseOrderLines.unitCost}), 0) from ${purchaseOrderLines} where ${purchaseOrderLines.purchaseOrderId} = ${purchaseOrders.id})`.mapWith(Number),
    })
    .from(purchaseOrders)
    .innerJoin(vendors, eq(vendors.id, purchaseOrders.vendorId))
    .innerJoin(warehouses, eq(warehouses.id, purchaseOrders.warehouseId))
    .where(and(...conditions))
    .orderBy(desc(purchaseOrders.createdAt), desc(purchaseOrders.id))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (r): TPurchaseOrderSummary => ({
      number: r.number,
      status: r.status,
      vendor: { code: r.vendorCode, name: r.vendorName },
      warehouse: { code: r.warehouseCode, name: r.warehouseName },
      currency: r.currency,
      expectedDate: r.expectedDate,
      isOverdue: isPurchaseOrderOverdue(r, today),
      lineCount: r.lineCount,
      quantity: r.quantity,
      received: r.received,
      total: r.total,
      createdAt: r.createdAt.toISOString(),
    }),
    (r) => [r.createdAt.toISOString(), r.id],
  );
}

/** The purchase order's history: every audit row, oldest first. */
export async function purchaseOrderHistory(options: { db: DbOrTx; number: string }): Promise<TPurchaseOrderEvent[]> {
  const { db, number } = options;
  await loadPurchaseOrder(db, number);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, AUDIT_ENTITY), eq(auditEvents.entityId, number)))
    .orderBy(asc(auditEvents.id));
  return rows.map((r) => ({ id: r.id, action: r.action, actor: r.actor, at: r.createdAt.toISOString(), before: r.before, after: r.after }));
}

// ─── Changing ────────────────────────────────────────────────────────────────────────────────────

/** Vendor and warehouse codes and SKU lines → ids, with errors naming the request's fields. */
async function resolveReferences(
  tx: DbOrTx,
  input: { vendor?: string; warehouse?: string; lines?: TPurchaseOrderLineInput[] },
) {
  let vendorId: string | undefined;
  let warehouseId: string | undefined;
  if (input.vendor !== undefined) {
    const [vendor] = await tx.select().from(vendors).where(eq(vendors.code, input.vendor)).limit(1);
    if (!vendor) throw AppError.invalidField("vendor", `no vendor with code "${input.vendor}"`);
    if (vendor.archivedAt) throw AppError.invalidField("vendor", `vendor ${vendor.code} is archived`);
    vendorId = vendor.id;
  }
  if (input.warehouse !== undefined) {
    const [warehouse] = await tx.select().from(warehouses).where(eq(warehouses.code, input.warehouse)).limit(1);
    if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);
    if (!warehouse.isActive || warehouse.archivedAt) throw AppError.invalidField("warehouse", `warehouse ${warehouse.code} is not active`);
    warehouseId = warehouse.id;
  }
  let lines: { productId: string; quantity: number; unitCost?: number }[] | undefined;
  if (input.lines) {
    const found = await tx
      .select({ id: products.id, sku: products.sku, archivedAt: products.archivedAt })
      .from(products)
      .where(inArray(products.sku, [...new Set(input.lines.map((l) => l.sku))]));
    const bySku = new Map(found.map((p) => [p.sku, p]));
    const seen = new Map<string, number>();
    lines = input.lines.map((line, i) => {
      const product = bySku.get(line.sku);
      if (!product) throw AppError.invalidField(`lines.${i}.sku`, `no product with SKU "${line.sku}"`);
      if (product.archivedAt) throw AppError.invalidField(`lines.${i}.sku`, `${line.sku} is archived`);
      const earlier = seen.get(line.sku);
      if (earlier !== undefined) throw AppError.invalidField(`lines.${i}.sku`, `${line.sku} is already on line ${earlier + 1}`);
      seen.set(line.sku, i);
      return { productId: product.id, quantity: line.quantity, ...(line.unitCost !== undefined ? { unitCost: line.unitCost } : {}) };
    });
  }
  return { vendorId, warehouseId, lines };
}

/** `POST /purchase-orders`: a draft purchase order from vendor and warehouse codes and SKU lines. */
export async function createPurchaseOrder(options: { db: Db; actor: Actor; input: TCreatePurchaseOrderInput }): Promise<TPurchaseOrder> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const refs = await resolveReferences(tx, input);
    const { number } = await createPurchaseOrderInTx(
      tx,
      { vendorId: refs.vendorId!, warehouseId: refs.warehouseId!, expectedDate: input.expectedDate, notes: input.notes, lines: refs.lines! },
      actor,
    );
    return getPurchaseOrder({ db: tx, number });
  });
}

/** Refuses an edit based on an older version (409 STALE_VERSION), naming who changed it since. */
export async function assertPurchaseOrderVersion(tx: DbOrTx, po: PurchaseOrderRow, version: number | undefined) {
  if (version === undefined || version === po.version) return;
  const [last] = await tx
    .select({ actor: auditEvents.actor })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, AUDIT_ENTITY), eq(auditEvents.entityId, po.number)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  throw AppError.conflict(
    "STALE_VERSION",
    `Purchase order ${po.number} was changed${last ? ` by ${last.actor}` : ""} after you opened it (your version ${version}, now ${po.version}). Reload it, then try again.`,
    { currentVersion: po.version, yourVersion: version },
  );
}

/** The parts of a purchase order the audit trail keeps before and after a change. */
async function auditSnapshot(tx: DbOrTx, po: PurchaseOrderRow) {
  const dto = await toPurchaseOrderDto(tx, po);
  return {
    status: dto.status,
    vendor: dto.vendor.code,
    warehouse: dto.warehouse.code,
    expectedDate: dto.expectedDate,
    notes: dto.notes,
    lines: dto.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, received: l.received, unitCost: l.unitCost })),
  };
}

/** `PATCH /purchase-orders/{number}`: edits a draft (vendor, warehouse, date, notes, lines), version-checked. */
export async function updatePurchaseOrder(options: { db: Db; actor: Actor; input: TUpdatePurchaseOrderInput }): Promise<TPurchaseOrder> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const po = await loadPurchaseOrder(tx, input.number, { forUpdate: true });
    await assertPurchaseOrderVersion(tx, po, input.version);
    assertPurchaseOrderEditable(po.status);
    const refs = await resolveReferences(tx, input);
    const before = await auditSnapshot(tx, po);

    const set: Partial<typeof purchaseOrders.$inferInsert> = { version: po.version + 1 };
    if (refs.vendorId) set.vendorId = refs.vendorId;
    if (refs.warehouseId) set.warehouseId = refs.warehouseId;
    if (input.expectedDate !== undefined) set.expectedDate = input.expectedDate;
    if (input.notes !== undefined) set.notes = input.notes;
    if (refs.lines) {
      const costs = await tx
        .select({ id: products.id, cost: products.cost })
        .from(products)
        .where(inArray(products.id, refs.lines.map((l) => l.productId)));
      const costById = new Map(costs.map((c) => [c.id, c.cost]));
      // A draft's lines have no receipts and nothing refers to them: replace them.
      await tx.delete(purchaseOrderLines).where(eq(purchaseOrderLines.purchaseOrderId, po.id));
      await tx.insert(purchaseOrderLines).values(
        refs.lines.map((line, i) => ({
          purchaseOrderId: po.id,
          lineNo: i + 1,
          productId: line.productId,
          quantity: line.quantity,
          unitCost: line.unitCost ?? costById.get(line.productId)!,
        })),
      );
    }
    const [updated] = await tx.update(purchaseOrders).set(set).where(eq(purchaseOrders.id, po.id)).returning();
    const after = await auditSnapshot(tx, updated!);
    await recordAudit(tx, { entityType: AUDIT_ENTITY, entityId: po.number, action: "updated", actor, before: changedOnly(before, after), after: changedOnly(after, before) });
    return toPurchaseOrderDto(tx, updated!);
  });
}

function changedOnly<T extends Record<string, unknown>>(a: T, b: T): Partial<T> {
  return Object.fromEntries(Object.entries(a).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(b[k]))) as Partial<T>;
}

/** One status change with its guard, version check and audit row, in one transaction. */
async function transition(options: {
  db: Db;
  actor: Actor;
  number: string;
  version?: number;
  to: "sent" | "closed" | "canceled";
  set: Partial<typeof purchaseOrders.$inferInsert>;
  guard?: (lines: Awaited<ReturnType<typeof loadPurchaseOrderLines>>, po: PurchaseOrderRow, tx: DbOrTx) => void | Promise<void>;
  audit: (lines: Awaited<ReturnType<typeof loadPurchaseOrderLines>>) => Record<string, unknown>;
}): Promise<TPurchaseOrder> {
  const { db, actor } = options;
  return db.transaction(async (tx) => {
    const po = await loadPurchaseOrder(tx, options.number, { forUpdate: true });
    await assertPurchaseOrderVersion(tx, po, options.version);
    assertPurchaseOrderTransition(po.status, options.to, actor.role);
    const lines = await loadPurchaseOrderLines(tx, po.id);
    await options.guard?.(lines, po, tx);
    const [updated] = await tx
      .update(purchaseOrders)
      .set({ ...options.set, status: options.to, version: po.version + 1 })
      .where(eq(purchaseOrders.id, po.id))
      .returning();
    await recordAudit(tx, {
      entityType: AUDIT_ENTITY,
      entityId: po.number,
      action: options.to,
      actor,
      before: { status: po.status },
      after: { status: options.to, ...options.audit(lines) },
    });
    return toPurchaseOrderDto(tx, updated!);
  });
}

/** `POST /purchase-orders/{number}/send`: the draft goes to the vendor; its quantities become inbound. */
export function sendPurchaseOrder(options: { db: Db; actor: Actor; input: TSendPurchaseOrderInput }) {
  return transition({
    ...options,
    number: options.input.number,
    version: options.input.version,
    to: "sent",
    set: { sentAt: clock.now() },
    // A draft can outlive its vendor or warehouse: nothing goes out to an archived vendor or into a closed warehouse.
    guard: async (_lines, po, tx) => {
      const [row] = await tx
        .select({ vendor: vendors.code, vendorArchived: vendors.archivedAt, warehouse: warehouses.code, warehouseActive: warehouses.isActive, warehouseArchived: warehouses.archivedAt })
        .from(vendors)
        .innerJoin(warehouses, eq(warehouses.id, po.warehouseId))
        .where(eq(vendors.id, po.vendorId));
      if (row?.vendorArchived) throw new AppError("business_rule", "VENDOR_ARCHIVED", `Vendor ${row.vendor} is archived: choose another vendor before sending ${po.number}.`, { fields: { vendor: ["is archived"] } });
      if (row && (!row.warehouseActive || row.warehouseArchived)) throw new AppError("business_rule", "WAREHOUSE_INACTIVE", `Warehouse ${row.warehouse} does not receive stock: choose another before sending ${po.number}.`, { fields: { warehouse: ["is not active"] } });
    },
    audit: () => ({}),
  });
}

/** `POST /purchase-orders/{number}/close`: short-close; what was not received stops being inbound. */
export function closePurchaseOrder(options: { db: Db; actor: Actor; input: TClosePurchaseOrderInput }) {
  return transition({
    ...options,
    number: options.input.number,
    version: options.input.version,
    to: "closed",
    set: { closedAt: clock.now() },
    audit: (lines) => ({
      reason: options.input.reason,
      notDelivered: lines.filter((l) => l.quantity > l.received).map((l) => ({ sku: l.sku, quantity: l.quantity - l.received })),
    }),
  });
}

/** `POST /purchase-orders/{number}/cancel`: a draft or sent order of which nothing was received. */
export function cancelPurchaseOrder(options: { db: Db; actor: Actor; input: TCancelPurchaseOrderInput }) {
  return transition({
    ...options,
    number: options.input.number,
    version: options.input.version,
    to: "canceled",
    set: { closedAt: clock.now() },
    guard: (lines, po) => {
      if (lines.some((l) => l.received > 0)) {
        throw AppError.conflict("PURCHASE_ORDER_RECEIVED", `Cannot cancel ${po.number}: goods were received against it. Close it instead.`);
      }
    },
    audit: () => ({ reason: options.input.reason ?? null }),
  });
}
