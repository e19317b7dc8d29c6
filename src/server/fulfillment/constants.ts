/**
 * A shipment's life: planned from reserved stock → picking (on a pick list) → picked → packed → shipped →
 * delivered; a delivery can fail (and then still arrive, or come back). Canceled before shipping gives the
 * units back to the order's reservation; canceled after shipping (it came back unopened) restocks them.
 */
export const SHIPMENT_STATUSES = ["planned", "picking", "picked", "packed", "shipped", "delivered", "delivery_failed", "canceled"] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Shipments whose goods are still in the warehouse (planned, on a pick list, picked or packed). */
export const OPEN_SHIPMENT_STATUSES = ["planned", "picking", "picked", "packed"] as const satisfies readonly ShipmentStatus[];
/** Shipments whose goods have left. */
export const SHIPPED_STATUSES = ["shipped", "delivered", "delivery_failed"] as const satisfies readonly ShipmentStatus[];

export const PICK_LIST_STATUSES = ["open", "completed"] as const;
export type PickListStatus = (typeof PICK_LIST_STATUSES)[number];

export const SHIPMENT_STATUS_LABELS: Record<ShipmentStatus, string> = {
  planned: "Planned",
  picking: "Picking",
  picked: "Picked",
  packed: "Packed",
  shipped: "Shipped",
  delivered: "Delivered",
  delivery_failed: "Delivery failed",
  canceled: "Canceled",
};
