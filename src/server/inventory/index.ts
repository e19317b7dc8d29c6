/** What other modules may use of inventory. */
export { getAvailability, type LineAvailability } from "./availability";
export { stockLevels, stockMovements, warehouses } from "./schema";
export { findWarehouseByCode } from "./warehouses";
export { releaseReservation } from "./release-reservation";
