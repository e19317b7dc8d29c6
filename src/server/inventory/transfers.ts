import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { addDays } from "~/lib/dates";
import { actorLabel, type Actor } from "../auth/actor";
import { findProductBySku, products } from "../catalog";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { decodeCursor, toPage } from "../db/pagination";
import { nextDocumentNumber } from "../db/sequences";
import { AppError } from "../errors";
import { currentLevel, moveOnHand } from "./move-stock";
import { stockTransfers, warehouses } from "./schema";
import type { StockArrivalHandler } from "./stock-arrival";
import { ZReceivedTransfer, type TCancelTransferInput, type TCreateTransferInput, type TListTransfersInput, type TReceivedTransfer, type TTransfer } from "./transfer-schemas";
import { findWarehouseByCode } from "./warehouses";
import * as clock from "../clock";

const AUDIT_ENTITY = "transfer";

const fromWarehouse = alias(warehouses, "from_warehouse");
const toWarehouse = alias(warehouses, "to_warehouse");

const transferColumns = {
  id: stockTransfers.id,
  number: stockTransfers.number,
  productId: stockTransfers.productId,
  fromWarehouseId: stockTransfers.fromWarehouseId,
  toWarehouseId: stockTransfers.toWarehouseId,
  sku: products.sku,
  productName: products.name,
  from: fromWarehouse.code,
  to: toWarehouse.code,
  quantity: stockTransfers.quantity,
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
    .innerJoin(products, eq(products.id, stockTransfers.productId))
    .innerJoin(fromWarehouse, eq(fromWarehouse.id, stockTransfers.fromWarehouseId))
    .innerJoin(toWarehouse, eq(toWarehouse.id, stockTransfers.toWarehouseId));
}

type TransferRow = Awaited<ReturnType<typeof selectTransfers>>[number];

const toTransferDto = (r: TransferRow, today = clock.today()): TTransfer => ({
  number: r.number,
  sku: r.sku,
  productName: r.productName,
  from: r.from,
  to: r.to,
  quantity: r.quantity,
  status: r.status,
  expectedDate: r.expectedDate,
  isOverdue: r.status === "in_transit" && r.expectedDate < today,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  receivedBy: r.receivedBy,
  receivedAt: r.receivedAt?.toISOString() ?? null,
  updatedAt: r.updatedAt.toISOString(),
});

/** Transfers, newest first, filtered by status, SKU and a warehouse on either end (keyset pages). */
export async function listTransfers(options: { db: DbOrTx; input: TListTransfersInput }) {
  const { db, input } = options;
  const conditions: (SQL | undefined)[] = [];
  if (input.status) conditions.push(eq(stockTransfers.status, input.status));
  if (input.sku) conditions.push(eq(products.sku, input.sku));
  if (input.warehouse) conditions.push(or(eq(fromWarehouse.code, input.warehouse), eq(toWarehouse.code, input.warehouse)));
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(${stockTransfers.createdAt}, ${stockTransfers.id}) < (${String(createdAt)}::timestamptz, ${String(id)}::uuid)`);
  }
  const rows = await selectTransfers(db)
    .where(and(...conditions))
    .orderBy(desc(stockTransfers.createdAt), desc(stockTransfers.id))
    .limit(input.limit + 1);
  const today = clock.today();
  return toPage(rows, input.limit, (r) => toTransferDto(r, today), (r) => [r.createdAt.toISOString(), r.id]);
}

export async function getTransfer(options: { db: DbOrTx; number: string }): Promise<TTransfer> {
  return toTransferDto(await loadTransfer(options.db, options.number));
}

async function loadTransfer(db: DbOrTx, number: string, options: { forUpdate?: boolean } = {}): Promise<TransferRow> {
  const query = selectTransfers(db).where(eq(stockTransfers.number, number)).limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: stockTransfers }) : await query;
  if (!row) throw AppError.notFound("transfer", number);
  return row;
}

/** Stock arriving (or coming back) with its `transfer_in` ledger row. */
async function addStock(
  tx: DbOrTx,
  movement: { productId: string; warehouseId: string; quantity: number; reason: string; reference: string; actor: Actor },
) {
  const moved = await moveOnHand(tx, { ...movement, kind: "transfer_in" });
  if (!moved) throw new Error(`Could not add ${movement.quantity} to stock level ${movement.productId}@${movement.warehouseId}`);
}

/**
 * Ships stock from one warehouse to another: a `transfer_out` movement at the source now (only what is
 * free — on hand − reserved — can leave), and the transfer in transit until the destination receives it.
 * Its quantity counts as inbound at the destination (ATP, replenishment) meanwhile. One transaction.
 */
export async function createTransfer(options: { db: Db; actor: Actor; input: TCreateTransferInput }): Promise<TTransfer> {
  const { db, actor, input } = options;
  const today = clock.today();
  const expectedDate = input.expectedDate ?? addDays(today, 1);
  if (expectedDate < today) throw AppError.invalidField("expectedDate", `cannot be before today (${today})`);
  if (input.from === input.to) throw AppError.invalidField("to", "choose a destination other than the source warehouse");

  return db.transaction(async (tx) => {
    const product = await findProductBySku(tx, input.sku);
    if (!product) throw AppError.invalidField("sku", `no product with SKU "${input.sku}"`);
    const from = await findWarehouseByCode(tx, input.from);
    if (!from) throw AppError.invalidField("from", `no warehouse with code "${input.from}"`);
    const to = await findWarehouseByCode(tx, input.to);
    if (!to) throw AppError.invalidField("to", `no warehouse with code "${input.to}"`);
    if (!to.isActive || to.archivedAt) throw AppError.invalidField("to", `warehouse ${to.code} is not active: it cannot receive stock`);

    // The stock leaves only if what stays still covers the reservations (a failure rolls the number back).
    const number = await nextDocumentNumber(tx, "transfer");
    const moved = await moveOnHand(tx, {
      productId: product.id,
      warehouseId: from.id,
      quantity: -input.quantity,
      kind: "transfer_out",
      reason: `transfer to ${to.code}`,
      reference: number,
      actor,
    });
    if (!moved) {
      const { onHand, reserved, available } = await currentLevel(tx, product.id, from.id);
      throw AppError.conflict(
        "INSUFFICIENT_STOCK",
        `Cannot transfer ${input.quantity} of ${input.sku} from ${from.code}: only ${available} available ` +
          `(on hand ${onHand}, reserved ${reserved}).`,
        { fields: { quantity: [`at most ${available} can be transferred from ${from.code}`] }, available },
      );
    }
    await tx.insert(stockTransfers).values({
      number,
      productId: product.id,
      fromWarehouseId: from.id,
      toWarehouseId: to.id,
      quantity: input.quantity,
      status: "in_transit",
      expectedDate,
      createdBy: actorLabel(actor),
    });
    const dto = toTransferDto(await loadTransfer(tx, number), today);
    await recordAudit(tx, { entityType: AUDIT_ENTITY, entityId: number, action: "created", actor, after: dto });
    return dto;
  });
}

/**
 * The destination receives an in-transit transfer: a `transfer_in` movement there, the transfer received,
 * then `onStockArrival` (orders' allocateBackorders) lets waiting backorders take the stock, all in one
 * transaction.
 */
export async function receiveTransfer(options: {
  db: Db;
  actor: Actor;
  input: { number: string };
  onStockArrival?: StockArrivalHandler;
}): Promise<TReceivedTransfer> {
  const { db, actor, input, onStockArrival } = options;
  return db.transaction(async (tx) => {
    const transfer = await loadTransfer(tx, input.number, { forUpdate: true });
    assertInTransit(transfer, "receive");
    await addStock(tx, {
      productId: transfer.productId,
      warehouseId: transfer.toWarehouseId,
      quantity: transfer.quantity,
      reason: `transfer from ${transfer.from}`,
      reference: transfer.number,
      actor,
    });
    await tx
      .update(stockTransfers)
      .set({ status: "received", receivedBy: actorLabel(actor), receivedAt: clock.now() })
      .where(eq(stockTransfers.id, transfer.id));
    const dto = toTransferDto(await loadTransfer(tx, transfer.number));
    await recordAudit(tx, { entityType: AUDIT_ENTITY, entityId: transfer.number, action: "received", actor, before: { status: transfer.status }, after: dto });
    const allocated = await onStockArrival?.(tx, { productId: transfer.productId, warehouseId: transfer.toWarehouseId, reference: transfer.number, actor });
    return { ...dto, allocatedToBackorders: allocationsOf(allocated) };
  });
}

/**
 * Cancels an in-transit transfer: the stock goes back to the source with a `transfer_in` movement there
 * (reason "transfer canceled"); stock arriving back may fill backorders waiting at the source.
 */
export async function cancelTransfer(options: {
  db: Db;
  actor: Actor;
  input: TCancelTransferInput;
  onStockArrival?: StockArrivalHandler;
}): Promise<TTransfer> {
  const { db, actor, input, onStockArrival } = options;
  return db.transaction(async (tx) => {
    const transfer = await loadTransfer(tx, input.number, { forUpdate: true });
    assertInTransit(transfer, "cancel");
    await addStock(tx, {
      productId: transfer.productId,
      warehouseId: transfer.fromWarehouseId,
      quantity: transfer.quantity,
      reason: "transfer canceled",
      reference: transfer.number,
      actor,
    });
    await tx.update(stockTransfers).set({ status: "canceled" }).where(eq(stockTransfers.id, transfer.id));
    const dto = toTransferDto(await loadTransfer(tx, transfer.number));
    await recordAudit(tx, {
      entityType: AUDIT_ENTITY,
      entityId: transfer.number,
      action: "canceled",
      actor,
      before: { status: transfer.status },
      after: { ...dto, reason: input.reason ?? null },
    });
    await onStockArrival?.(tx, { productId: transfer.productId, warehouseId: transfer.fromWarehouseId, reference: transfer.number, actor });
    return dto;
  });
}

function assertInTransit(transfer: TransferRow, action: "receive" | "cancel") {
  if (transfer.status === "in_transit") return;
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
