import { formatMoney } from "~/lib/money";
import { creditCheck } from "../../customers";
import type { OrderRule } from "./order-rule";

/** Credit limit exceeded by open orders (later: and unpaid invoices) with this one. A release covers up to the total released. */
export const creditRule: OrderRule = {
  type: "credit_hold",
  check: ({ order, customer, exposureWithoutOrder }) => {
    const credit = creditCheck({ creditLimit: customer.creditLimit, exposureWithoutOrder, orderTotal: order.total });
    if (!credit.isOverLimit) return null;
    const money = (n: number) => formatMoney(n, order.currency, "en-US");
    return {
      type: "credit_hold",
      severity: "high",
      reason: `Credit limit ${money(customer.creditLimit)} exceeded by ${money(credit.overBy)} (exposure ${money(credit.exposure)} with this order).`,
      details: { creditLimit: customer.creditLimit, exposure: credit.exposure, overBy: credit.overBy, orderTotal: order.total },
      cause: String(order.total),
      accepts: (released) => order.total <= Number(released),
    };
  },
};
