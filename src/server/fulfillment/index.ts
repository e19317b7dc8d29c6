/** What other modules (and the composition points: routers, jobs, the demo seed) may use of fulfillment. */
export { orderShipments } from "./cancel-shipment";
export { planReadyOrders } from "./plan-ready-orders";
