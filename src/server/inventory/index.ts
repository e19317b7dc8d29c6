/** What other modules may use of inventory. */
export { earliestPromise } from "./atp";
export { DEMAND_STATUSES, getAvailability, loadAtpLevels, productLeadTimes, type LineAvailability } from "./availability";
export { heldBackFrom } from "./holdback-sql";
export { lockStock } from "./lock-stock";
export { moveOnHand } from "./move-stock";
export { releaseReservation } from "./release-reservation";
export { reserveStock } from "./reserve-stock";
export { stockLevels, stockMovements, warehouses } from "./schema";
export { ZWarehouseCode } from "./schemas";
export type { StockArrivalHandler } from "./stock-arrival";
export type { InboundReference, InboundSupply, SupplySource, UsualSupplier } from "./supply";
export { findWarehouseByCode } from "./warehouses";
