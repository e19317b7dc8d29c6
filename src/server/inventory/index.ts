/** What other modules may use of inventory. */
export { findWarehouseByCode } from "./warehouses";
export { stockLevels, stockMovements, warehouses } from "./schema";
