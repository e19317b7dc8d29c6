import { eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { openException, resolveOrderExceptions } from "../exceptions";
import { backorderedProducts, earliestPromise, loadAtpLevels, productLeadTimes, reserveStock, reserveStockForLines } from "../inventory";
import { purchasingSupply } from "../purchasing";
import type { OrderEventEntry, OrderRow } from "./queries";
import { orderLines } from "./schema";
import * as clock from "../clock";

/**
 * Reserves what every line of a submitted order still needs (quantity − shipped − reserved) and
 * backorders the rest, and says what the caller then writes (with setLineReservations and its own update): each
 * line's reservation, and the order's promise date — today when everything is reserved, else the
 * date its backorders can be filled (inbound, else the vendor's lead time). Products are taken in id
 * order so that concurrent orders lock stock rows in the same order and never deadlock; lines of the
 * same product are reserved together (inventory keeps one backorder per order and product).
 */
export async function reserveOrder(
  tx: DbOrTx,
  order: OrderRow,
  actor: Actor,
  options: { demandClass: "A" | "B" | "C"; fresh?: boolean; lines?: KnownLine[] },
): Promise<{ promisedDate: string; events: OrderEventEntry[]; lines: LineReservation[] }> {
  const lines = [...(options.lines ?? (await readOrderLines(tx, order.id)))].sort((a, b) => a.line.productId.localeCompare(b.line.productId) || a.line.lineNo - b.line.lineNo);
  const demand = { orderId: order.id, reference: order.number, demandClass: options.demandClass, queuedAt: order.submittedAt ?? clock.now() };

  // A fresh order (never reserved before) waits for nothing yet.
  const waiting = options.fresh ? new Set<string>() : await backorderedProducts(tx, order.id);
  // A product no longer on the order (or no longer short) waits for nothing.
  for (const productId of waiting) {
    if (!lines.some(({ line }) => line.productId === productId)) await reserveStock(tx, { demand, productId, quantity: 0, region: null, actor });
  }

  const region = order.shipTo?.region || null;
  const groups = groupByProduct(lines)
    .map((group) => ({ group, productId: group[0]!.line.productId, need: group.reduce((sum, { line }) => sum + Math.max(0, line.quantity - line.shipped - line.reserved), 0) }))
    .filter(({ group, productId, need }) => need > 0 || waiting.has(productId) || group.some(({ line }) => line.backordered > 0));
  const plans = await reserveStockForLines(tx, { demand, region, actor, lines: groups.map(({ productId, need }) => ({ productId, quantity: need })) });

  const backorders: { sku: string; productId: string; warehouseId: string | null; quantity: number }[] = [];
  const changed: LineReservation[] = [];
  for (const { group, productId, need } of groups) {
    const plan = plans.get(productId)!;
    // What was taken goes to the product's lines in line order; what is short stays on the last of them.
    let taken = need - plan.short;
    group.forEach(({ line }, i) => {
      const give = Math.min(taken, Math.max(0, line.quantity - line.shipped - line.reserved));
      taken -= give;
      const backordered = i === group.length - 1 ? plan.short : 0;
      const warehouseId = line.warehouseId ?? plan.homeWarehouseId;
      if (give > 0 || backordered !== line.backordered || warehouseId !== line.warehouseId) {
        changed.push({ id: line.id, reserved: line.reserved + give, backordered, warehouseId });
      }
    });
    if (plan.short > 0) backorders.push({ sku: group[0]!.sku, productId, warehouseId: group.at(-1)!.line.warehouseId ?? plan.homeWarehouseId, quantity: plan.short });
  }

  const promisedDate = await promiseDateFor(tx, backorders, options.demandClass);
  const events: OrderEventEntry[] = [];
  if (backorders.length === 0) {
    // Everything is reserved now: nothing left to chase.
    if (!options.fresh) await resolveOrderExceptions(tx, { orderId: order.id, actor, resolution: "stock_reserved", note: "All lines reserved.", types: ["stockout"] });
  } else {
    const summary = backorders.map((b) => `${b.quantity} × ${b.sku}`).join(", ");
    events.push({ type: "backordered", data: { backordered: summary, promisedDate } });
    await openException(tx, {
      type: "stockout",
      orderId: order.id,
      customerId: order.customerId,
      severity: "medium",
      actor,
      reason: `Backordered: ${summary}; promised for ${promisedDate}.`,
      details: { lines: backorders.map((b) => ({ sku: b.sku, quantity: b.quantity })), skus: backorders.map((b) => b.sku) },
      cause: backorders.map((b) => `${b.sku}x${b.quantity}`).sort().join(","),
      fresh: options.fresh,
    });
  }
  return { promisedDate, events, lines: changed };
}

/**
 * The date every backorder of the order can be filled. Backorders are served oldest first, so this
 * order's own backorder is last in line: it is left out of the demand ahead of it.
 */
async function promiseDateFor(tx: DbOrTx, backorders: Backorder[], demandClass: "A" | "B" | "C") {
  const dates = await backorderDates(tx, backorders, demandClass);
  return [...dates.values()].reduce((latest, date) => (date > latest ? date : latest), clock.today());
}

type Backorder = { productId: string; warehouseId: string | null; quantity: number };

/** When each backordered product of an order can be filled (inbound, else the vendor's lead time), by product id. */
export async function backorderDates(tx: DbOrTx, backorders: Backorder[], demandClass: "A" | "B" | "C"): Promise<Map<string, string>> {
  const today = clock.today();
  const dates = new Map<string, string>();
  if (backorders.length === 0) return dates;
  const ids = [...new Set(backorders.map((b) => b.productId))];
  const [levels, leadTimes] = await Promise.all([
    loadAtpLevels(tx, ids, { demandClass, supply: purchasingSupply }),
    productLeadTimes(tx, ids, purchasingSupply),
  ]);
  for (const b of backorders) {
    const mine = (levels.get(b.productId) ?? []).map((w, i, all) => {
      const isHome = b.warehouseId ? w.warehouseId === b.warehouseId : i === 0 && all.length > 0;
      return isHome ? { ...w.level, backordered: Math.max(0, w.level.backordered - b.quantity) } : w.level;
    });
    const promise = earliestPromise(b.quantity, mine, today, leadTimes.get(b.productId) ?? 14);
    const known = dates.get(b.productId);
    if (!known || promise.date > known) dates.set(b.productId, promise.date);
  }
  return dates;
}

/** An order's lines with their SKUs, as reservation works from them. */
export function readOrderLines(tx: DbOrTx, orderId: string): Promise<KnownLine[]> {
  return tx.select({ line: orderLines, sku: products.sku }).from(orderLines).innerJoin(products, eq(products.id, orderLines.productId)).where(eq(orderLines.orderId, orderId));
}

/** An order line with its SKU, as reservation reads it (or as a caller that just wrote it knows it). */
export type KnownLine = {
  line: Pick<typeof orderLines.$inferSelect, "id" | "lineNo" | "productId" | "quantity" | "unitPrice" | "discount" | "shipped" | "reserved" | "backordered" | "warehouseId" | "approvalReason">;
  sku: string;
};

export type LineReservation = { id: string; reserved: number; backordered: number; warehouseId: string | null };

function groupByProduct<T extends { line: { productId: string } }>(rows: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.line.productId, [...(groups.get(row.line.productId) ?? []), row]);
  return [...groups.values()];
}

/** Every line's new reservation (what reserveOrder says) in one statement, however many lines the order has. */
export async function setLineReservations(tx: DbOrTx, changes: LineReservation[]) {
  if (changes.length === 0) return;
  const values = sql.join(
    changes.map((c) => sql`(${c.id}::uuid, ${c.reserved}::int, ${c.backordered}::int, ${c.warehouseId}::uuid)`),
    sql`, `,
  );
  await tx.execute(sql`update ${orderLines} l set reserved = v.reserved, backordered = v.backordered, warehouse_id = v.warehouse_id
    from (values ${values}) as v(id, reserved, backordered, warehouse_id) where l.id = v.id`);
}
