/** What other modules may use of inventory. */
export { earliestPromise } from "./atp";
export { OPEN_TRANSFER_STATUSES } from "./constants";
export { allocationsOf, backorderedProducts } from "./allocations";
export { getAvailability, loadAtpLevels, productLeadTimes, type LineAvailability, type LineSourcing } from "./availability";
export { fillBackorders, type BackorderFill, type LockDemands } from "./fill-backorders";
export { importWarehouses, type WarehouseImport } from "./import-warehouses";
export { lockStock } from "./lock-stock";
export { moveOnHand } from "./move-stock";
export { OPENING_STOCK_REFERENCE, receiveOpeningStock, type OpeningStockRow } from "./receive-opening-stock";
export { releaseDemand, releaseStock, type Released } from "./release-stock";
export { reserveStock, reserveStockForLines, type StockDemand } from "./reserve-stock";
export { recordShortPick, returnToStock, shipFromStock } from "./ship-stock";
export { stockAllocations, stockBackorders, stockLevels, stockMovements, warehouses } from "./schema";
export { ZWarehouseCode } from "./schemas";
export type { StockArrivalHandler } from "./stock-arrival";
export type { InboundReference, InboundSupply, SupplySource, UsualSupplier } from "./supply";
export { findWarehouseByCode } from "./warehouses";
