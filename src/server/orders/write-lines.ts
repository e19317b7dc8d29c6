import crypto from "node:crypto";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { canonicalJson } from "~/lib/canonical-json";
import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import * as clock from "../clock";
import { executeRows } from "../db/execute";
import { AppError } from "../errors";
import { lockStock, releaseStock, type Released } from "../inventory";
import type { PricedLine, PricedOrder } from "../pricing";
import { orderLines } from "./schema";
import type { TOrderLineInput } from "./schemas";
import { manualPriceOf } from "./manual-price";

type LineRow = typeof orderLines.$inferSelect;

/**
 * Writes an order's priced lines and keeps each line's identity: shipments, invoices and returns point at
 * order lines, so an edit updates the lines that changed, inserts new ones (numbered after the order's
 * last line) and deletes only removed ones. An input line is the existing line with the
 * same product (the first one not yet matched, by line number). A line cannot go below what was shipped
 * or invoiced, nor be removed once anything was. Reservations a shorter or removed line no longer needs
 * are released in the same transaction and returned, so waiting backorders can take them, with the new lines.
 *
 * A manual price that is unchanged keeps the line's approval state: a price a manager already approved
 * does not ask again because another line changed.
 */
export async function writeLines(
  tx: DbOrTx,
  order: { id: string; number: string },
  input: TOrderLineInput[],
  priced: PricedOrder,
  productIds: Map<string, string>,
  actor: Actor,
  /** The order's lines as they are, when the caller knows them (a new order has none). */
  known: { previous?: LineRow[] } = {},
): Promise<{ released: Released[]; lines: LineRow[] }> {
  const previous = known.previous ?? (await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.lineNo)));
  // Every stock row this edit may release or re-reserve, locked up front in the global order (no deadlocks).
  if (previous.length > 0) await lockStock(tx, [...previous.map((l) => l.productId), ...productIds.values()]);

  const unmatched = [...previous];
  let nextLineNo = previous.reduce((max, l) => Math.max(max, l.lineNo), 0) + 1;
  const toRelease = new Map<string, number>();
  const release = (productId: string, quantity: number) => {
    if (quantity > 0) toRelease.set(productId, (toRelease.get(productId) ?? 0) + quantity);
  };
  const inserts: (typeof orderLines.$inferInsert)[] = [];
  const updates: { id: string; row: LineValues }[] = [];

  priced.lines.forEach((line, i) => {
    const productId = productIds.get(line.sku)!;
    const at = unmatched.findIndex((l) => l.productId === productId);
    const before = at >= 0 ? unmatched.splice(at, 1)[0] : undefined;
    const values = lineValues(line, input[i], before);
    if (!before) {
      inserts.push({ orderId: order.id, lineNo: nextLineNo++, productId, ...values, reserved: 0, backordered: 0 });
      return;
    }
    const floor = Math.max(before.shipped, before.invoiced);
    if (line.quantity < floor) {
      const done = before.invoiced > before.shipped ? `${before.invoiced} invoiced` : `${before.shipped} shipped`;
      throw AppError.invalidField(`lines.${i}.quantity`, `line ${before.lineNo} (${line.sku}) has ${done}: the quantity cannot be less`);
    }
    const reserved = Math.min(before.reserved, line.quantity - before.shipped);
    release(productId, before.reserved - reserved);
    const row = { ...values, reserved, backordered: 0 };
    if (hasChanged(before, row)) updates.push({ id: before.id, row });
  });
  for (const removed of unmatched) {
    if (removed.shipped > 0 || removed.invoiced > 0) {
      throw AppError.conflict(
        "LINE_SHIPPED",
        `Line ${removed.lineNo} has ${removed.shipped > 0 ? `shipped ${removed.shipped}` : `invoiced ${removed.invoiced}`} and cannot be removed.`,
      );
    }
    release(removed.productId, removed.reserved);
  }

  const released: Released[] = [];
  for (const [productId, quantity] of toRelease) {
    released.push(...(await releaseStock(tx, { demand: { orderId: order.id, reference: order.number }, productId, quantity, actor })));
  }
  if (unmatched.length > 0) await tx.delete(orderLines).where(inArray(orderLines.id, unmatched.map((l) => l.id)));
  await updateLines(tx, updates);
  const inserted = inserts.length > 0 ? await tx.insert(orderLines).values(inserts).returning() : [];
  return { released, lines: inserted };
}

type LineValues = ReturnType<typeof lineValues> & { reserved: number; backordered: number };

/** The rows of a new order's lines, numbered from 1, with their ids (nothing to match, release or check). */
export function newLineRows(orderId: string, input: TOrderLineInput[], priced: PricedOrder, productIds: Map<string, string>) {
  return priced.lines.map((line, i) => ({
    id: crypto.randomUUID(),
    orderId,
    lineNo: i + 1,
    productId: productIds.get(line.sku)!,
    ...lineValues(line, input[i], undefined),
    reserved: 0,
    backordered: 0,
    shipped: 0,
    warehouseId: null as string | null,
  }));
}

function lineValues(line: PricedLine, input: TOrderLineInput | undefined, before: LineRow | undefined) {
  const isManual = input?.unitPrice !== undefined;
  // An unchanged manual price keeps the approval state it had (approved stays approved).
  const keepsApproval = isManual && before?.overrideReason != null && before.approvalReason === null && manualPriceOf(before.priceExplanation) === input.unitPrice;
  return {
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    discount: line.discount,
    tax: line.tax,
    lineTotal: line.lineTotal,
    overrideReason: isManual ? (input?.overrideReason ?? null) : null,
    approvalReason: keepsApproval ? null : line.approval,
    priceExplanation: line.explanation,
  };
}

function hasChanged(before: LineRow, after: LineValues): boolean {
  return (
    before.quantity !== after.quantity ||
    before.unitPrice !== after.unitPrice ||
    before.discount !== after.discount ||
    before.tax !== after.tax ||
    before.lineTotal !== after.lineTotal ||
    before.reserved !== after.reserved ||
    before.backordered !== after.backordered ||
    before.overrideReason !== after.overrideReason ||
    before.approvalReason !== after.approvalReason ||
    canonicalJson(before.priceExplanation) !== canonicalJson(after.priceExplanation)
  );
}

/** All changed lines in one statement, whatever their number (no statement per line). */
async function updateLines(tx: DbOrTx, updates: { id: string; row: LineValues }[]) {
  if (updates.length === 0) return;
  const values = sql.join(
    updates.map(
      ({ id, row: r }) =>
        sql`(${id}::uuid, ${r.quantity}::int, ${r.unitPrice}::bigint, ${r.discount}::bigint, ${r.tax}::bigint, ${r.lineTotal}::bigint,
             ${r.reserved}::int, ${r.backordered}::int, ${r.overrideReason}::text, ${r.approvalReason}::text, ${JSON.stringify(r.priceExplanation)}::jsonb)`,
    ),
    sql`, `,
  );
  await executeRows(
    tx,
    sql`update ${orderLines} l set quantity = v.quantity, unit_price = v.unit_price, discount = v.discount, tax = v.tax,
          line_total = v.line_total, reserved = v.reserved, backordered = v.backordered, override_reason = v.override_reason,
          approval_reason = v.approval_reason, price_explanation = v.price_explanation, updated_at = ${clock.now().toISOString()}::timestamptz
        from (values ${values}) as v(id, quantity, unit_price, discount, tax, line_total, reserved, backordered, override_reason, approval_reason, price_explanation)
        where l.id = v.id`,
  );
}
