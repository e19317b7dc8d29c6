/** What other modules may use of orders. */
export { findOrdersByNumber } from "./list-orders";
export { orderEvents, orderLines, orders } from "./schema";
