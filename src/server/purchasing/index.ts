/** What other modules may use of purchasing. */
export { runReplenishment } from "./run-replenishment";
export { purchasingSupply } from "./supply";
export { dropShipPurchaseOrders, placeDropShipPurchaseOrders } from "./drop-ship";
export { findPurchaseOrdersByNumber } from "./find-purchase-orders";
