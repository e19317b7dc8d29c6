import type { ExceptionRule } from "../../exceptions";
import type { TAddress } from "../../customers";
import type { OrderCustomer, OrderRow } from "../queries";

/** An order line as the rules see it. */
/** `unitPrice` is the list price; `discount` the line's reduction from it (a manual price included). */
export type ReviewLine = { lineNo: number; productId: string; sku: string; quantity: number; unitPrice: number; discount: number; approvalReason: string | null };

/** Another order of the customer that this one may repeat. */
/** An earlier order of the customer the duplicate rule may match: created in the last 24 hours, or with the same PO number. */
export type EarlierOrder = { number: string; customerReference: string | null; isRecent: boolean; sameLines: boolean };

/** Everything the order rules look at, read once (orders/rules/facts.ts) so each rule is a pure function. */
export type OrderUnderReview = {
  order: Pick<OrderRow, "id" | "total" | "currency" | "customerReference"> & { shipTo: TAddress | null };
  customer: OrderCustomer;
  lines: ReviewLine[];
  /** Open orders (and later unpaid invoices) of the customer, without this order. */
  exposureWithoutOrder: number;
  /** Per product: its pack size and the customer's usual quantity of it (median of the last 365 days; null when new). */
  products: Map<string, { packSize: number; usual: number | null }>;
  restricted: { country: { value: string; reason: string } | null; products: { sku: string; reason: string }[] };
  earlier: EarlierOrder[];
};

export type OrderRule = ExceptionRule<OrderUnderReview>;
