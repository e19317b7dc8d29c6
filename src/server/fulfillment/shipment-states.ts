import { AppError } from "../errors";
import { SHIPMENT_STATUS_LABELS, type ShipmentStatus } from "./constants";

/** The shipment status machine as data: every step a shipment may take, and what the step is called. */
export const SHIPMENT_TRANSITIONS: readonly { from: ShipmentStatus; to: ShipmentStatus; label: string }[] = [
  { from: "planned", to: "picking", label: "put on a pick list" },
  { from: "picking", to: "picked", label: "confirm picked" },
  { from: "picked", to: "packed", label: "pack" },
  { from: "picked", to: "shipped", label: "ship" },
  { from: "packed", to: "shipped", label: "ship" },
  { from: "shipped", to: "delivered", label: "mark delivered" },
  { from: "shipped", to: "delivery_failed", label: "mark the delivery failed" },
  { from: "delivery_failed", to: "delivered", label: "mark delivered" },
  // Before it leaves: the units go back to the order's reservation.
  { from: "planned", to: "canceled", label: "cancel" },
  { from: "picking", to: "canceled", label: "cancel" },
  { from: "picked", to: "canceled", label: "cancel" },
  { from: "packed", to: "canceled", label: "cancel" },
  // It came back unopened: restocked, and reserved for the order again.
  { from: "shipped", to: "canceled", label: "cancel (came back)" },
  { from: "delivery_failed", to: "canceled", label: "cancel (came back)" },
];

export function canTransition(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return SHIPMENT_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

/** A 409 naming both states unless the step is in the table. */
export function assertShipmentTransition(number: string, from: ShipmentStatus, to: ShipmentStatus): void {
  if (canTransition(from, to)) return;
  const step = SHIPMENT_TRANSITIONS.find((t) => t.to === to)?.label ?? to;
  throw new AppError("conflict", "ILLEGAL_SHIPMENT_TRANSITION", `Cannot ${step} ${number}: it is ${SHIPMENT_STATUS_LABELS[from].toLowerCase()}.`, { from, to });
}
