import { and, asc, desc, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { addDays } from "~/lib/dates";
import { actorLabel, type Actor } from "../auth/actor";
import { products, productsBySku } from "../catalog";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { decodeCursor, toPage } from "../db/pagination";
import { nextDocumentNumber } from "../db/sequences";
import { AppError } from "../errors";
import { OPEN_TRANSFER_STATUSES } from "./constants";
import { currentLevel, moveOnHand } from "./move-stock";
import { stockTransferLines, stockTransfers, warehouses } from "./schema";
import type { StockArrivalHandler } from "./stock-arrival";
import { inTransitOf, planTransferReceipt } from "./transfer-receipt";
import {
  transferLinesOf,
  ZReceivedTransfer,
  type TCancelTransferInput,
  type TCreateTransferInput,
  type TListTransfersInput,
  type TReceivedTransfer,
  type TReceiveTransferInput,
  type TTransfer,
} from "./transfer-schemas";
import { findWarehouseByCode } from "./warehouses";
import * as clock from "../clock";

const AUDIT_ENTITY = "transfer";

const fromWarehouse = alias(warehouses, "from_warehouse");
const toWarehouse = alias(warehouses, "to_warehouse");

const transferColumns = {
  id: stockTransfers.id,
  number: stockTransfers.number,
  fromWarehouseId: stockTransfers.fromWarehouseId,
  toWarehouseId: stockTransfers.toWarehouseId,
  from: fromWarehouse.code,
  to: toWarehouse.code,
  status: stockTransfers.status,
  expectedDate: stockTransfers.expectedDate,
  createdBy: stockTransfers.createdBy,
  createdAt: stockTransfers.createdAt,
  receivedBy: stockTransfers.receivedBy,
  receivedAt: stockTransfers.receivedAt,
  updatedAt: stockTransfers.updatedAt,
};

function selectTransfers(db: DbOrTx) {
  return db
    .select(transferColumns)
    .from(stockTransfers)
    .innerJoin(fromWarehouse, eq(fromWarehouse.id, stockTransfers.fromWarehouseId))
    .innerJoin(toWarehouse, eq(toWarehouse.id, stockTransfers.toWarehouseId));
}

type TransferRow = Awaited<ReturnType<typeof selectTransfers>>[number];
type LineRow = Awaited<ReturnType<typeof loadLines>>[number];

/** The lines of some transfers, in line order. */
function loadLines(db: DbOrTx, transferIds: string[]) {
  if (transferIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      transferId: stockTransferLines.transferId,
      lineNo: stockTransferLines.lineNo,
      productId: stockTransferLines.productId,
      sku: products.sku,
      productName: products.name,
      quantity: stockTransferLines.quantity,
      received: stockTransferLines.received,
    })
    .from(stockTransferLines)
    .innerJoin(products, eq(products.id, stockTransferLines.productId))
    .where(inArray(stockTransferLines.transferId, transferIds))
    .orderBy(asc(stockTransferLines.transferId), asc(stockTransferLines.lineNo));
}

const isOpen = (status: TransferRow["status"]) => (OPEN_TRANSFER_STATUSES as readonly string[]).includes(status);

function toTransferDto(r: TransferRow, lineRows: LineRow[], today = clock.today()): TTransfer {
  const open = isOpen(r.status);
  const lines = lineRows.map((l) => ({
    sku: l.sku,
    productName: l.productName,
    quantity: l.quantity,
    received: l.received,
    inTransit: open ? inTransitOf(l) : 0,
  }));
  const total = (pick: (l: (typeof lines)[number]) => number) => lines.reduce((sum, l) => sum + pick(l), 0);
  return {
    number: r.number,
    from: r.from,
    to: r.to,
    lines,
    quantity: total((l) => l.quantity),
    received: total((l) => l.received),
    inTransit: total((l) => l.inTransit),
    status: r.status,
    expectedDate: r.expectedDate,
    isOverdue: open && r.expectedDate < today,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    receivedBy: r.receivedBy,
    receivedAt: r.receivedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Transfers, newest first, filtered by status, a SKU on any line and a warehouse on either end (keyset pages). */
export async function listTransfers(options: { db: DbOrTx; input: TListTransfersInput }) {
  const { db, input } = options;
  const conditions: (SQL | undefined)[] = [];
  if (input.status) conditions.push(eq(stockTransfers.status, input.status));
  if (input.sku) {
    const withSku = db
      .select({ one: sql`1` })
      .from(stockTransferLines)
      .innerJoin(products, eq(products.id, stockTransferLines.productId))
      .where(and(eq(stockTransferLines.transferId, stockTransfers.id), eq(products.sku, input.sku)));
    conditions.push(exists(withSku));
  }
  if (input.warehouse) conditions.push(or(eq(fromWarehouse.code, input.warehouse), eq(toWarehouse.code, input.warehouse)));
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(${stockTransfers.createdAt}, ${stockTransfers.id}) < (${String(createdAt)}::timestamptz, ${String(id)}::uuid)`);
  }
  const rows = await selectTransfers(db)
    .where(and(...conditions))
    .orderBy(desc(stockTransfers.createdAt), desc(stockTransfers.id))
    .limit(input.limit + 1);
  const lines = groupBy(await loadLines(db, rows.slice(0, input.limit).map((r) => r.id)), (l) => l.transferId);
  const today = clock.today();
  return toPage(rows, input.limit, (r) => toTransferDto(r, lines.get(r.id) ?? [], today), (r) => [r.createdAt.toISOString(), r.id]);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export async function getTransfer(options: { db: DbOrTx; number: string }): Promise<TTransfer> {
  const { row, lines } = await loadTransfer(options.db, options.number);
  return toTransferDto(row, lines);
}

async function loadTransfer(db: DbOrTx, number: string, options: { forUpdate?: boolean } = {}) {
  const query = selectTransfers(db).where(eq(stockTransfers.number, number)).limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: stockTransfers }) : await query;
  if (!row) throw AppError.notFound("transfer", number);
  return { row, lines: await loadLines(db, [row.id]) };
}

/** Stock arriving (or coming back) with its `transfer_in` ledger row. */
async function addStock(
  tx: DbOrTx,
  movement: { productId: string; warehouseId: string; quantity: number; reason: string; reference: string; actor: Actor },
) {
  const moved = await moveOnHand(tx, { ...movement, kind: "transfer_in" });
  if (!moved) throw new Error(`Could not add ${movement.quantity} to stock level ${movement.productId}@${movement.warehouseId}`);
}

/** Stock rows are locked in (product id, warehouse id) order everywhere: lines are moved in product id order. */
const byProductId = <T extends { productId: string }>(a: T, b: T) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0);

const fieldOf = (path: string, name: string) => (path ? `${path}.${name}` : name);

/**
 * Ships stock of one or more SKUs from one warehouse to another: a `transfer_out` movement per line at the
 * source now (only what is free — on hand − reserved — can leave), and the transfer in transit until the
 * destination receives it. Its lines count as inbound at the destination (ATP, replenishment) meanwhile.
 * One transaction: a line that cannot leave rolls back the whole transfer.
 */
export async function createTransfer(options: { db: Db; actor: Actor; input: TCreateTransferInput }): Promise<TTransfer> {
  const { db, actor, input } = options;
  const today = clock.today();
  const expectedDate = input.expectedDate ?? addDays(today, 1);
  if (expectedDate < today) throw AppError.invalidField("expectedDate", `cannot be before today (${today})`);
  if (input.from === input.to) throw AppError.invalidField("to", "choose a destination other than the source warehouse");
  const requested = transferLinesOf(input);
  if (requested.length === 0) throw AppError.invalidField("lines", "Add at least one SKU");

  return db.transaction(async (tx) => {
    const found = await productsBySku(tx, requested.map((l) => l.sku));
    const lines = requested.map((line, i) => {
      const product = found.get(line.sku);
      if (!product) throw AppError.invalidField(fieldOf(line.path, "sku"), `no product with SKU "${line.sku}"`);
      return { ...line, lineNo: i + 1, productId: product.id };
    });
    const from = await findWarehouseByCode(tx, input.from);
    if (!from) throw AppError.invalidField("from", `no warehouse with code "${input.from}"`);
    const to = await findWarehouseByCode(tx, input.to);
    if (!to) throw AppError.invalidField("to", `no warehouse with code "${input.to}"`);
    if (!to.isActive || to.archivedAt) throw AppError.invalidField("to", `warehouse ${to.code} is not active: it cannot receive stock`);

    // The stock leaves only if what stays still covers the reservations (a failure rolls the number back).
    const number = await nextDocumentNumber(tx, "transfer");
    for (const line of [...lines].sort(byProductId)) {
      const moved = await moveOnHand(tx, {
        productId: line.productId,
        warehouseId: from.id,
        quantity: -line.quantity,
        kind: "transfer_out",
        reason: `transfer to ${to.code}`,
        reference: number,
        actor,
      });
      if (!moved) {
        const { onHand, reserved, available } = await currentLevel(tx, line.productId, from.id);
        const field = fieldOf(line.path, "quantity");
        throw AppError.conflict(
          "INSUFFICIENT_STOCK",
          `Cannot transfer ${line.quantity} of ${line.sku} from ${from.code}: only ${available} available ` +
            `(on hand ${onHand}, reserved ${reserved}).`,
          { fields: { [field]: [`at most ${available} can be transferred from ${from.code}`] }, available, sku: line.sku },
        );
      }
    }
    const [header] = await tx
      .insert(stockTransfers)
      .values({ number, fromWarehouseId: from.id, toWarehouseId: to.id, status: "in_transit", expectedDate, createdBy: actorLabel(actor) })
      .returning({ id: stockTransfers.id });
    await tx.insert(stockTransferLines).values(
      lines.map((line) => ({ transferId: header!.id, lineNo: line.lineNo, productId: line.productId, quantity: line.quantity })),
    );
    const loaded = await loadTransfer(tx, number);
    const dto = toTransferDto(loaded.row, loaded.lines, today);
    await recordAudit(tx, { entityType: AUDIT_ENTITY, entityId: number, action: "created", actor, after: dto });
    return dto;
  });
}

/**
 * The destination receives what arrived of a transfer: everything in transit, or per SKU what came (the
 * rest stays in transit and the transfer is partially received). A `transfer_in` movement per line
 * received, the lines' counters, then `onStockArrival` (orders' allocateBackorders) per product lets
 * waiting backorders take the stock, all in one transaction.
 */
export async function receiveTransfer(options: {
  db: Db;
  actor: Actor;
  input: TReceiveTransferInput;
  onStockArrival?: StockArrivalHandler;
}): Promise<TReceivedTransfer> {
  const { db, actor, input, onStockArrival } = options;
  return db.transaction(async (tx) => {
    const { row: transfer, lines } = await loadTransfer(tx, input.number, { forUpdate: true });
    assertOpen(transfer, "receive");
    const plan = planTransferReceipt(lines, input.lines);
    const arriving = plan.receipts.map((r) => ({ ...lines[r.index]!, take: r.quantity })).sort(byProductId);
    for (const line of arriving) {
      await addStock(tx, {
        productId: line.productId,
        warehouseId: transfer.toWarehouseId,
        quantity: line.take,
        reason: `transfer from ${transfer.from}`,
        reference: transfer.number,
        actor,
      });
      await tx
        .update(stockTransferLines)
        .set({ received: sql`${stockTransferLines.received} + ${line.take}` })
        .where(and(eq(stockTransferLines.transferId, transfer.id), eq(stockTransferLines.lineNo, line.lineNo)));
    }
    await tx
      .update(stockTransfers)
      .set({ status: plan.status, receivedBy: actorLabel(actor), receivedAt: clock.now() })
      .where(eq(stockTransfers.id, transfer.id));
    const loaded = await loadTransfer(tx, transfer.number);
    const dto = toTransferDto(loaded.row, loaded.lines);
    await recordAudit(tx, {
      entityType: AUDIT_ENTITY,
      entityId: transfer.number,
      action: plan.status === "received" ? "received" : "partially_received",
      actor,
      before: { status: transfer.status },
      after: { ...dto, receivedNow: arriving.map((l) => ({ sku: l.sku, quantity: l.take })) },
    });
    const allocated: TReceivedTransfer["allocatedToBackorders"] = [];
    for (const line of arriving) {
      const result = await onStockArrival?.(tx, { productId: line.productId, warehouseId: transfer.toWarehouseId, reference: transfer.number, actor });
      allocated.push(...allocationsOf(result));
    }
    return { ...dto, allocatedToBackorders: allocated };
  });
}

/**
 * Cancels an open transfer: what is still in transit goes back to the source with a `transfer_in`
 * movement there (reason "transfer canceled"); what was already received stays received. Stock arriving
 * back may fill backorders waiting at the source.
 */
export async function cancelTransfer(options: {
  db: Db;
  actor: Actor;
  input: TCancelTransferInput;
  onStockArrival?: StockArrivalHandler;
}): Promise<TTransfer> {
  const { db, actor, input, onStockArrival } = options;
  return db.transaction(async (tx) => {
    const { row: transfer, lines } = await loadTransfer(tx, input.number, { forUpdate: true });
    assertOpen(transfer, "cancel");
    const returning = lines.filter((l) => inTransitOf(l) > 0).sort(byProductId);
    for (const line of returning) {
      await addStock(tx, {
        productId: line.productId,
        warehouseId: transfer.fromWarehouseId,
        quantity: inTransitOf(line),
        reason: "transfer canceled",
        reference: transfer.number,
        actor,
      });
    }
    await tx.update(stockTransfers).set({ status: "canceled" }).where(eq(stockTransfers.id, transfer.id));
    const loaded = await loadTransfer(tx, transfer.number);
    const dto = toTransferDto(loaded.row, loaded.lines);
    await recordAudit(tx, {
      entityType: AUDIT_ENTITY,
      entityId: transfer.number,
      action: "canceled",
      actor,
      before: { status: transfer.status },
      after: { ...dto, reason: input.reason ?? null },
    });
    for (const line of returning) {
      await onStockArrival?.(tx, { productId: line.productId, warehouseId: transfer.fromWarehouseId, reference: transfer.number, actor });
    }
    return dto;
  });
}

function assertOpen(transfer: TransferRow, action: "receive" | "cancel") {
  if (isOpen(transfer.status)) return;
  throw AppError.conflict(
    "ILLEGAL_TRANSITION",
    `Transfer ${transfer.number} is ${transfer.status.replace("_", " ")}: only a transfer in transit can be ${action === "receive" ? "received" : "canceled"}.`,
    { from: transfer.status, action },
  );
}

/** What the arrival handler reports, when it is the list of backorder allocations orders returns. */
function allocationsOf(result: unknown): TReceivedTransfer["allocatedToBackorders"] {
  const parsed = ZReceivedTransfer.shape.allocatedToBackorders.safeParse(result);
  return parsed.success ? parsed.data : [];
}
