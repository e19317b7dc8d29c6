/** What other modules may use of orders. */
export { findOrdersByNumber } from "./list-orders";
export { orderEvents, orderLines, orders } from "./schema";
export { allocateBackorders, type BackorderAllocation } from "./allocate-backorders";
export { LIVE_ORDER_STATUSES } from "./constants";
export { listReservationsForSku, type TSkuReservation } from "./list-allocations";
export { fulfillmentStatusOf } from "./fulfillment-status";
export { recordOrderEvents, type OrderEventEntry, type OrderRow } from "./queries";
export { loadOrderCustomerClass, loadOrderForFulfillment, recordDelivery, recordShipment, returnShortfall, type LineUnits } from "./record-fulfillment";
export type { OrderShipments } from "./shipments-hook";
export { recordBilling } from "./record-billing";
export type { BillingStatus, InvoiceState } from "./billing-status";
export { loadOrder, type OrderCustomer } from "./queries";
export type { OrderBilling } from "./billing-hook";
export type { OrderPlanning } from "./planning-hook";
export { lineAvailability, setPromisedDate, type LineAvailability, type LineState } from "./line-availability";
export { createDocumentInTx, readForEntry, type EntryReads } from "./create-order";
export { ZCreateOrderInput, type TCreateOrderInput } from "./schemas";
