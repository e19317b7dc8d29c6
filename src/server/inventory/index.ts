/** What other modules may use of inventory. */
export { earliestPromise } from "./atp";
export { DEMAND_STATUSES, getAvailability, loadAtpLevels, productLeadTimes, type LineAvailability } from "./availability";
export { heldBackFrom } from "./holdback-sql";
export { lockStock } from "./lock-stock";
export { releaseReservation } from "./release-reservation";
export { reserveStock } from "./reserve-stock";
export { runReplenishment } from "./run-replenishment";
export { stockLevels, stockMovements, warehouses } from "./schema";
export { findWarehouseByCode } from "./warehouses";
