import { formatMoney } from "~/lib/money";
import { creditCheck } from "../../customers";
import type { OrderRule } from "./order-rule";

/**
 * Credit limit exceeded by open orders and unpaid invoices with this one, or an invoice overdue beyond the
 * admin's limit (billing sets the customer's overdue hold). A release covers up to the total released.
 */
export const creditRule: OrderRule = {
  type: "credit_hold",
  check: ({ order, customer, exposureWithoutOrder }) => {
    const money = (n: number) => formatMoney(n, order.currency, "en-US");
    if (customer.overdueHold) {
      return {
        type: "credit_hold",
        severity: "high",
        reason: `${customer.overdueHold} New orders wait until it is paid or a manager releases them.`,
        details: { overdueHold: customer.overdueHold, orderTotal: order.total },
        cause: `overdue:${customer.overdueHold}`,
      };
    }
    const credit = creditCheck({ creditLimit: customer.creditLimit, exposureWithoutOrder: exposureWithoutOrder + customer.unpaidInvoices, orderTotal: order.total });
    if (!credit.isOverLimit) return null;
    return {
      type: "credit_hold",
      severity: "high",
      reason: `Credit limit ${money(customer.creditLimit)} exceeded by ${money(credit.overBy)} (exposure ${money(credit.exposure)} with this order).`,
      details: { creditLimit: customer.creditLimit, exposure: credit.exposure, overBy: credit.overBy, orderTotal: order.total, unpaidInvoices: customer.unpaidInvoices },
      cause: String(order.total),
      accepts: (released) => order.total <= Number(released),
    };
  },
};
