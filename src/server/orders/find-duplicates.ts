import { and, desc, eq, gte, inArray } from "drizzle-orm";
import { products } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { orderLines, orders } from "./schema";
import * as clock from "../clock";

const WINDOW_MINUTES = 10;

/**
 * Pure: an order's lines as one string, equal for orders with the same lines — each product's total quantity, in
 * product order (`product|quantity,…`; the order rules' facts write the same in SQL to compare stored orders).
 */
export function linesKey<L extends { quantity: number }>(lines: L[], productOf: (line: L) => string): string {
  const totals = new Map<string, number>();
  for (const l of lines) totals.set(productOf(l), (totals.get(productOf(l)) ?? 0) + l.quantity);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([product, quantity]) => `${product}|${quantity}`).join(",");
}

/** Pure: two orders are the same when they ask for the same quantities of the same SKUs. */
export function sameLines(a: { sku: string; quantity: number }[], b: { sku: string; quantity: number }[]): boolean {
  return linesKey(a, (l) => l.sku) === linesKey(b, (l) => l.sku);
}

/** Orders for the same customer with the same lines in the last 10 minutes: asked about before submit. */
export async function findRecentDuplicates(db: DbOrTx, input: { customer: string; lines: { sku: string; quantity: number }[] }, now = clock.now()) {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const recent = await db
    .select({ id: orders.id, number: orders.number, createdAt: orders.createdAt, createdBy: orders.createdBy, total: orders.total, currency: orders.currency })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(eq(customers.code, input.customer), eq(orders.kind, "order"), gte(orders.createdAt, since)))
    .orderBy(desc(orders.createdAt))
    .limit(20);
  if (recent.length === 0) return [];
  const lines = await db
    .select({ orderId: orderLines.orderId, sku: products.sku, quantity: orderLines.quantity })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(inArray(orderLines.orderId, recent.map((o) => o.id)));
  return recent
    .filter((o) => o.number && sameLines(lines.filter((l) => l.orderId === o.id), input.lines))
    .map(({ id: _id, createdAt, ...o }) => ({ ...o, createdAt: createdAt.toISOString() }));
}
