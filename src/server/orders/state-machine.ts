import type { Role } from "../auth/roles";
import { AppError } from "../errors";
import type { OrderStatus } from "./constants";

/**
 * The order status machine as data (docs/architecture.md). `by` names who may cause the transition:
 * roles for the actions people take, "system" for what follows from domain rules (holds, completion).
 */
export const ORDER_TRANSITIONS: readonly { from: OrderStatus; to: OrderStatus; by: readonly (Role | "system")[]; label: string }[] = [
  { from: "draft", to: "submitted", by: ["rep", "manager", "admin"], label: "submit" },
  { from: "submitted", to: "on_hold", by: ["system"], label: "hold" },
  { from: "submitted", to: "open", by: ["system"], label: "open" },
  { from: "open", to: "on_hold", by: ["system"], label: "hold" },
  // A manager releases a hold; the system opens the order when an edit removed the last cause.
  { from: "on_hold", to: "open", by: ["manager", "admin", "system"], label: "release hold" },
  { from: "open", to: "completed", by: ["system"], label: "complete" },
  // A shipment came back unopened: the order has units to ship (and bill) again.
  { from: "completed", to: "open", by: ["system"], label: "reopen" },
  // A quote is a draft until converted; converting it completes the quote (and creates the order).
  { from: "draft", to: "completed", by: ["system"], label: "convert" },
  { from: "draft", to: "canceled", by: ["rep", "manager", "admin"], label: "cancel" },
  // Submitted is normally passed through at once; an order received but not yet checked can still be canceled.
  { from: "submitted", to: "canceled", by: ["rep", "manager", "admin"], label: "cancel" },
  { from: "on_hold", to: "canceled", by: ["rep", "manager", "admin"], label: "cancel" },
  { from: "open", to: "canceled", by: ["rep", "manager", "admin"], label: "cancel" },
];

const STATUS_NAMES: Record<OrderStatus, string> = {
  draft: "a draft",
  submitted: "a submitted order",
  on_hold: "an order on hold",
  open: "an open order",
  completed: "a completed order",
  canceled: "a canceled order",
};

export function findTransition(from: OrderStatus, to: OrderStatus) {
  return ORDER_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/**
 * Throws a 409 unless `from → to` is a transition, and (for people) unless the role may make it.
 * `role: "system"` is for transitions the domain makes on its own.
 */
export function assertTransition(from: OrderStatus, to: OrderStatus, role: Role | "system"): void {
  const transition = findTransition(from, to);
  if (!transition) {
    throw new AppError("conflict", "ILLEGAL_TRANSITION", `Cannot ${verb(to)} ${STATUS_NAMES[from]}.`, { from, to });
  }
  if (!transition.by.includes(role)) {
    if (role === "system") throw new AppError("conflict", "ILLEGAL_TRANSITION", `Cannot ${verb(to)} ${STATUS_NAMES[from]} on its own.`, { from, to });
    throw new AppError("forbidden", "TRANSITION_NOT_ALLOWED", `The ${role} role may not ${transition.label} an order.`, { from, to });
  }
}

/** Orders can be edited (re-priced, re-reserved) until they ship or end. */
export const EDITABLE_STATUSES: readonly OrderStatus[] = ["draft", "on_hold", "open"];

export function assertEditable(status: OrderStatus): void {
  if (!EDITABLE_STATUSES.includes(status)) {
    throw new AppError("conflict", "ORDER_NOT_EDITABLE", `Cannot edit ${STATUS_NAMES[status]}.`, { status });
  }
}

function verb(to: OrderStatus): string {
  switch (to) {
    case "submitted":
      return "submit";
    case "on_hold":
      return "hold";
    case "open":
      return "open";
    case "completed":
      return "complete";
    case "canceled":
      return "cancel";
    default:
      return `move to ${to}`;
  }
}
