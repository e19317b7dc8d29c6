/** What other modules may use of orders. */
export { findOrdersByNumber } from "./list-orders";
export { orderEvents, orderLines, orders } from "./schema";
export { allocateBackorders, type BackorderAllocation } from "./allocate-backorders";
export { LIVE_ORDER_STATUSES } from "./constants";
export { listReservationsForSku, type TSkuReservation } from "./list-allocations";
