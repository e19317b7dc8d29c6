import type { Role } from "../auth/roles";
import { AppError } from "../errors";
import type { PurchaseOrderStatus } from "./constants";

/**
 * The purchase-order status machine as data. `by` names who may cause the transition: roles for what
 * people do directly, "receiving" for what follows from a receipt (whoever may receive).
 */
export const PURCHASE_ORDER_TRANSITIONS: readonly {
  from: PurchaseOrderStatus;
  to: PurchaseOrderStatus;
  by: readonly Role[] | "receiving";
  label: string;
}[] = [
  { from: "draft", to: "sent", by: ["manager", "admin"], label: "send" },
  { from: "sent", to: "partially_received", by: "receiving", label: "receive" },
  { from: "sent", to: "received", by: "receiving", label: "receive" },
  { from: "partially_received", to: "partially_received", by: "receiving", label: "receive" },
  { from: "partially_received", to: "received", by: "receiving", label: "receive" },
  // Short-close: the vendor will not deliver the rest; what remains stops being inbound.
  { from: "sent", to: "closed", by: ["manager", "admin"], label: "close" },
  { from: "partially_received", to: "closed", by: ["manager", "admin"], label: "close" },
  // Cancel only while nothing was received.
  { from: "draft", to: "canceled", by: ["manager", "admin"], label: "cancel" },
  { from: "sent", to: "canceled", by: ["manager", "admin"], label: "cancel" },
];

export const PURCHASE_ORDER_STATUS_LABELS: Record<PurchaseOrderStatus, string> = {
  draft: "Draft",
  sent: "Sent",
  partially_received: "Partially received",
  received: "Received",
  closed: "Closed",
  canceled: "Canceled",
};

const STATUS_NAMES: Record<PurchaseOrderStatus, string> = {
  draft: "a draft purchase order",
  sent: "a sent purchase order",
  partially_received: "a partially received purchase order",
  received: "a received purchase order",
  closed: "a closed purchase order",
  canceled: "a canceled purchase order",
};

const VERBS: Record<PurchaseOrderStatus, string> = {
  draft: "reopen",
  sent: "send",
  partially_received: "receive into",
  received: "receive into",
  closed: "close",
  canceled: "cancel",
};

export function findPurchaseOrderTransition(from: PurchaseOrderStatus, to: PurchaseOrderStatus) {
  return PURCHASE_ORDER_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Statuses a receipt may be posted against: what was sent and is not complete. */
export const RECEIVABLE_STATUSES: readonly PurchaseOrderStatus[] = ["sent", "partially_received"];

/** Only drafts can be edited; once sent, the vendor has the order. */
export function assertPurchaseOrderEditable(status: PurchaseOrderStatus): void {
  if (status !== "draft") {
    throw new AppError("conflict", "PURCHASE_ORDER_NOT_EDITABLE", `Cannot edit ${STATUS_NAMES[status]}: only drafts can be edited.`, { status });
  }
}

/**
 * Throws a 409 unless `from → to` is a transition, and a 403 unless the role may make it. `role:
 * "receiving"` is for the status a receipt leads to (the receive permission was checked already).
 */
export function assertPurchaseOrderTransition(from: PurchaseOrderStatus, to: PurchaseOrderStatus, role: Role | "receiving"): void {
  const transition = findPurchaseOrderTransition(from, to);
  if (!transition) {
    throw new AppError("conflict", "ILLEGAL_TRANSITION", `Cannot ${VERBS[to]} ${STATUS_NAMES[from]}.`, { from, to });
  }
  if (transition.by === "receiving") {
    if (role === "receiving") return;
    throw new AppError("forbidden", "TRANSITION_NOT_ALLOWED", `A purchase order becomes ${PURCHASE_ORDER_STATUS_LABELS[to].toLowerCase()} only by receiving goods.`, { from, to });
  }
  if (role === "receiving" || !transition.by.includes(role)) {
    throw new AppError("forbidden", "TRANSITION_NOT_ALLOWED", `The ${role} role may not ${transition.label} a purchase order.`, { from, to });
  }
}

/** The status after a receipt: received when every line is complete. */
export function statusAfterReceipt(lines: readonly { quantity: number; received: number }[]): PurchaseOrderStatus {
  return lines.every((l) => l.received >= l.quantity) ? "received" : "partially_received";
}

/** Quantity still expected from the vendor: nothing once the order is closed, canceled or received. */
export function remainingInbound(status: PurchaseOrderStatus, line: { quantity: number; received: number }): number {
  return status === "sent" || status === "partially_received" ? Math.max(0, line.quantity - line.received) : 0;
}
