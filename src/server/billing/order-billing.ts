import type { OrderBilling } from "../orders";
import { invoiceOnSubmit } from "./invoice-order";

/** Billing's side of orders' OrderBilling hook, handed in by the orders router. */
export const orderBilling: OrderBilling = { onSubmitted: invoiceOnSubmit };
