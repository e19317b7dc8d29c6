import type { FULFILLMENT_STATUSES } from "./constants";

export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

/**
 * An order's fulfillment status follows from its lines: nothing shipped → unfulfilled, some → partially
 * shipped, every unit → shipped, and delivered once every shipment that left has arrived.
 */
export function fulfillmentStatusOf(lines: { quantity: number; shipped: number }[], allShipmentsDelivered: boolean): FulfillmentStatus {
  const shipped = lines.reduce((sum, l) => sum + l.shipped, 0);
  if (shipped === 0) return "unfulfilled";
  if (lines.some((l) => l.shipped < l.quantity)) return "partially_shipped";
  return allShipmentsDelivered ? "delivered" : "shipped";
}
