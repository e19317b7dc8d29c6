import type { DbOrTx } from "../db";
import { loadPurchaseOrder, toPurchaseOrderDto } from "./queries";
import type { TPurchaseOrder } from "./schemas";

export async function getPurchaseOrder(options: { db: DbOrTx; number: string }): Promise<TPurchaseOrder> {
  return toPurchaseOrderDto(options.db, await loadPurchaseOrder(options.db, options.number));
}
