import { asc, eq } from "drizzle-orm";
import { products } from "../catalog";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { loadOrderCustomer } from "./queries";
import { backorderDates } from "./reserve-lines";
import { orderLines, orders } from "./schema";

export type LineAvailability = {
  lineId: string;
  lineNo: number;
  sku: string;
  productId: string;
  quantity: number;
  warehouseId: string | null;
  /** Today for a line with nothing backordered, else the date its backorder can be filled. */
  availableOn: string;
};

/** A line as availability reads it: what it has reserved and where, what it still waits for. */
export type LineState = {
  line: Pick<typeof orderLines.$inferSelect, "id" | "lineNo" | "productId" | "quantity" | "warehouseId" | "backordered">;
  sku: string;
};

/**
 * When each line of an order has its goods in the warehouse, as promise dates start from. The submitting
 * transaction hands in the lines it has just reserved (and the customer's demand class), so nothing is read back.
 */
export async function lineAvailability(tx: DbOrTx, orderId: string, known?: { lines: LineState[]; demandClass: "A" | "B" | "C" }): Promise<LineAvailability[]> {
  const lines = known
    ? [...known.lines].sort((a, b) => a.line.lineNo - b.line.lineNo)
    : await tx
        .select({ line: orderLines, sku: products.sku })
        .from(orderLines)
        .innerJoin(products, eq(products.id, orderLines.productId))
        .where(eq(orderLines.orderId, orderId))
        .orderBy(asc(orderLines.lineNo));
  const short = lines.filter(({ line }) => line.backordered > 0);
  let dates = new Map<string, string>();
  if (short.length > 0) {
    const demandClass = known?.demandClass ?? (await demandClassOf(tx, orderId));
    dates = await backorderDates(
      tx,
      short.map(({ line }) => ({ productId: line.productId, warehouseId: line.warehouseId, quantity: line.backordered })),
      demandClass,
    );
  }
  const today = clock.today();
  return lines.map(({ line, sku }) => ({
    lineId: line.id,
    lineNo: line.lineNo,
    sku,
    productId: line.productId,
    quantity: line.quantity,
    warehouseId: line.warehouseId,
    availableOn: line.backordered > 0 ? (dates.get(line.productId) ?? today) : today,
  }));
}

async function demandClassOf(tx: DbOrTx, orderId: string) {
  const [order] = await tx.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, orderId));
  return (await loadOrderCustomer(tx, order!.customerId)).demandClass;
}

/** The order's promise date, as its plan computed it (fulfillment keeps the plan; orders shows the date). */
export async function setPromisedDate(tx: DbOrTx, orderId: string, promisedDate: string) {
  await tx.update(orders).set({ promisedDate }).where(eq(orders.id, orderId));
}
