import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { applyFindings, isBlocking, restrictedMatches, runRules } from "../exceptions";
import type { ExceptionType } from "../exceptions/constants";
import { openOrdersTotal, type OrderCustomer, type OrderRow } from "./queries";
import { ORDER_RULE_TYPES, ORDER_RULES, type ReviewLine } from "./rules";
import { loadReviewFacts } from "./rules/facts";
import type { KnownLine } from "./reserve-lines";
import { orderLines } from "./schema";

export type HoldReview = { status: "on_hold" | "open"; reasons: ExceptionType[] };

/**
 * Runs the order rules (orders/rules/: credit, price, address, compliance, quantity, duplicate) on a submitted
 * or changed order, in the caller's transaction: each finding opens (or keeps, or reopens) its exception, and
 * an exception whose cause is gone resolves. Says whether blocking exceptions hold the order; the caller writes
 * the status with the rest of its change. `fresh`: the order was never checked (nothing can exist yet).
 */
export async function reviewHolds(
  tx: DbOrTx,
  order: OrderRow,
  actor: Actor,
  customer: OrderCustomer,
  options: { fresh?: boolean; lines?: ReviewLine[]; reads?: ReviewReads } = {},
): Promise<HoldReview> {
  const lines = options.lines ?? (await reviewLines(tx, order.id));
  const reads = options.reads ?? (await readForReview(tx, order, lines));
  const findings = runRules(ORDER_RULES, { order, customer, lines, ...reads });
  const active = await applyFindings(tx, { orderId: order.id, customerId: order.customerId, actor, checked: ORDER_RULE_TYPES, findings, fresh: options.fresh });
  const reasons = findings.map((f) => f.type).filter(isBlocking);
  return { status: active.some(isBlocking) ? "on_hold" : "open", reasons };
}

/** What the rules read besides the order and its lines, in one round trip. */
export type ReviewReads = Awaited<ReturnType<typeof readForReview>>;

/**
 * The reads of reviewHolds: the customer's credit exposure without this order, the facts of its history
 * (orders/rules/facts.ts) and the restricted items it touches. They need only what a new order knows before
 * it is inserted, so order entry sends them with its insert.
 */
export async function readForReview(
  tx: DbOrTx,
  order: Pick<OrderRow, "id" | "customerId" | "createdAt" | "customerReference" | "shipTo">,
  lines: ReviewLine[],
) {
  const skus = [...new Set(lines.map((l) => l.sku))];
  const [exposureWithoutOrder, facts, restricted] = await Promise.all([
    openOrdersTotal(tx, order.customerId, order.id),
    loadReviewFacts(tx, { orderId: order.id, customerId: order.customerId, createdAt: order.createdAt, customerReference: order.customerReference, lines }),
    restrictedMatches(tx, { country: order.shipTo?.country ?? null, skus }),
  ]);
  return { exposureWithoutOrder, restricted, ...facts };
}

/** Lines as order entry and reservation know them, as the rules see them. */
export const asReviewLines = (lines: KnownLine[]): ReviewLine[] => lines.map(({ line, sku }) => ({ ...line, sku }));

/** The order's lines as the rules see them. */
export async function reviewLines(tx: DbOrTx, orderId: string): Promise<ReviewLine[]> {
  return tx
    .select({
      lineNo: orderLines.lineNo,
      productId: orderLines.productId,
      sku: products.sku,
      quantity: orderLines.quantity,
      unitPrice: orderLines.unitPrice,
      discount: orderLines.discount,
      approvalReason: orderLines.approvalReason,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, orderId));
}
