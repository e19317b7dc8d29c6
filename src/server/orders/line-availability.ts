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

/** When each line of an order has its goods in the warehouse, as promise dates start from. */
export async function lineAvailability(tx: DbOrTx, orderId: string): Promise<LineAvailability[]> {
  const lines = await tx
    .select({ line: orderLines, sku: products.sku })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.lineNo));
  const short = lines.filter(({ line }) => line.backordered > 0);
  let dates = new Map<string, string>();
  if (short.length > 0) {
    const [order] = await tx.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, orderId));
    const { demandClass } = await loadOrderCustomer(tx, order!.customerId);
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

/** The order's promise date, as its plan computed it (fulfillment keeps the plan; orders shows the date). */
export async function setPromisedDate(tx: DbOrTx, orderId: string, promisedDate: string) {
  await tx.update(orders).set({ promisedDate }).where(eq(orders.id, orderId));
}
