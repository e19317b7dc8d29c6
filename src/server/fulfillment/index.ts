/** What other modules (and the composition points: routers, jobs, the demo seed) may use of fulfillment. */
export { orderShipments } from "./cancel-shipment";
export { planReadyOrders } from "./plan-ready-orders";
export { allocateAndPromise, orderPlanning } from "./plans/plan-order";
export { checkJeopardy } from "./plans/check-jeopardy";
export { awaitingPayment } from "./plans/payment-gate";
export { getOrderPlan, withPlan } from "./plans/order-plan";
export { ZOrderPlan, ZOrderPlanFields, type TOrderPlan } from "./plans/schemas";
