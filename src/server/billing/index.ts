/** What other modules may use of billing. */
export { invoiceShipment } from "./invoice-shipment";
export { reverseShipmentInvoice } from "./reverse-shipment-invoice";
export { orderBilling } from "./order-billing";
export { customerBalance } from "./receivables";
export { runDunning } from "./run-dunning";
export { decideOrderReturns } from "./decide-return";
export { invoices, payments, creditNotes, returns } from "./schema";
export { goodsPaid } from "./goods-paid";
