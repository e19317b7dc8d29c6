import type { Role } from "../auth/roles";

/** Every kind of thing that can go wrong with an order (the database enum keeps this order). */
export const EXCEPTION_TYPES = [
  "credit_hold",
  "price_approval",
  "address_hold",
  "compliance_hold",
  "suspicious_quantity",
  "duplicate_order",
  "stockout",
  "jeopardy",
  "payment_overdue",
  "return_requested",
  "delivery_failure",
  "webhook_failing",
] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

/** open → in_progress (someone has it) → resolved | dismissed; a closed one can reopen. */
export const EXCEPTION_STATUSES = ["open", "in_progress", "resolved", "dismissed"] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];
/** Statuses that still need someone: the queue's default. */
export const ACTIVE_EXCEPTION_STATUSES = ["open", "in_progress"] as const satisfies readonly ExceptionStatus[];
export const isActiveException = (status: string) => (ACTIVE_EXCEPTION_STATUSES as readonly string[]).includes(status);

export const EXCEPTION_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type ExceptionSeverity = (typeof EXCEPTION_SEVERITIES)[number];
export const SEVERITY_RANK: Record<ExceptionSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Types that hold an order until resolved: resolving or dismissing the last one releases it. */
export const BLOCKING_TYPES: readonly ExceptionType[] = ["credit_hold", "price_approval", "address_hold", "compliance_hold", "suspicious_quantity", "duplicate_order"];
export const isBlocking = (type: ExceptionType) => BLOCKING_TYPES.includes(type);

/** The team (a role) whose queue a type lands in. */
export const OWNING_TEAM: Record<ExceptionType, Role> = {
  credit_hold: "finance",
  price_approval: "manager",
  address_hold: "rep",
  compliance_hold: "manager",
  suspicious_quantity: "rep",
  duplicate_order: "rep",
  stockout: "warehouse",
  jeopardy: "manager",
  payment_overdue: "finance",
  return_requested: "manager",
  delivery_failure: "warehouse",
  webhook_failing: "admin",
};

/** Who may work (assign, resolve, dismiss) an exception: its team, and managers and admins any. */
export function canWork(role: Role, type: ExceptionType): boolean {
  return role === "manager" || role === "admin" || OWNING_TEAM[type] === role;
}

/** Hours to resolve, by type and severity, until an admin sets otherwise (`/admin/exceptions`). */
const BASE_SLA_HOURS: Record<ExceptionType, number> = {
  credit_hold: 4,
  price_approval: 4,
  address_hold: 8,
  compliance_hold: 8,
  suspicious_quantity: 4,
  duplicate_order: 4,
  stockout: 24,
  jeopardy: 8,
  payment_overdue: 24,
  return_requested: 48,
  delivery_failure: 8,
  webhook_failing: 8,
};
const SEVERITY_FACTOR: Record<ExceptionSeverity, number> = { critical: 0.25, high: 0.5, medium: 1, low: 2 };
export function defaultSlaHours(type: ExceptionType, severity: ExceptionSeverity): number {
  return Math.max(1, Math.round(BASE_SLA_HOURS[type] * SEVERITY_FACTOR[severity]));
}

/** Where an exception stands against its due time: the queue sorts on it first. */
export const SLA_STATES = ["breached", "due_soon", "later"] as const;
export type SlaState = (typeof SLA_STATES)[number];
export const DUE_SOON_MS = 3_600_000;
export function slaState(dueAt: Date, now: Date): SlaState {
  const left = dueAt.getTime() - now.getTime();
  return left < 0 ? "breached" : left <= DUE_SOON_MS ? "due_soon" : "later";
}

/**
 * How a person closes each type. An `effect` is done to the order in the same transaction; `accepts`
 * means the person accepted the cause as it is (a released credit hold, an approved price), so the same
 * cause does not reopen it — a different one does.
 */
export type ResolutionEffect = "revert_prices" | "cancel_order" | "approve_returns" | "reject_returns";
export type ResolutionAction = { action: string; label: string; accepts?: boolean; effect?: ResolutionEffect; roles?: readonly Role[] };
const FIXED = { action: "fixed", label: "Fixed on the order" } as const;
/** Canceling is the order desk's (orders.cancel): finance asks a rep or manager. */
const CANCEL = { action: "cancel_order", label: "Cancel the order", effect: "cancel_order", roles: ["rep", "manager", "admin"] } as const;
export const RESOLUTION_ACTIONS: Record<ExceptionType, readonly ResolutionAction[]> = {
  credit_hold: [
    { action: "release", label: "Release the credit hold", accepts: true, roles: ["finance", "manager", "admin"] },
    { action: "prepayment_received", label: "Prepayment received", accepts: true, roles: ["finance", "manager", "admin"] },
    CANCEL,
  ],
  price_approval: [
    { action: "approve", label: "Approve the price", accepts: true, roles: ["manager", "admin"] },
    { action: "reject", label: "Reject: back to the list price", effect: "revert_prices", roles: ["manager", "admin"] },
  ],
  address_hold: [{ action: "verified", label: "Address verified with the customer", accepts: true }, FIXED],
  compliance_hold: [{ action: "cleared", label: "Cleared for export", accepts: true, roles: ["manager", "admin"] }, CANCEL],
  suspicious_quantity: [{ action: "confirmed", label: "Quantity confirmed with the customer", accepts: true }, FIXED],
  duplicate_order: [{ action: "not_duplicate", label: "Not a duplicate", accepts: true }, { ...CANCEL, label: "Cancel this duplicate" }],
  stockout: [{ action: "customer_informed", label: "Customer informed of the backorder", accepts: true }],
  jeopardy: [{ action: "expedited", label: "Expedited", accepts: true }, { action: "customer_informed", label: "Customer informed", accepts: true }],
  payment_overdue: [{ action: "payment_promised", label: "Payment promised", accepts: true }, { action: "paid", label: "Paid" }],
  return_requested: [
    { action: "authorized", label: "Approve the return", effect: "approve_returns", roles: ["manager", "admin"] },
    { action: "declined", label: "Reject the return", accepts: true, effect: "reject_returns", roles: ["manager", "admin"] },
  ],
  delivery_failure: [
    { action: "redelivery_arranged", label: "Redelivery arranged", accepts: true },
    { action: "customer_informed", label: "Customer informed", accepts: true },
  ],
  webhook_failing: [{ action: "receiver_fixed", label: "Receiver fixed (resend from Admin → Webhooks)" }],
};

export function resolutionAction(type: ExceptionType, action: string): ResolutionAction | undefined {
  return RESOLUTION_ACTIONS[type].find((a) => a.action === action);
}

/** What happened to an exception: its own history, also shown on the order's timeline. */
export const EXCEPTION_EVENT_TYPES = ["opened", "assigned", "unassigned", "commented", "resolved", "dismissed", "reopened", "breached", "changed"] as const;
export type ExceptionEventType = (typeof EXCEPTION_EVENT_TYPES)[number];

export const EXCEPTION_LABELS: Record<ExceptionType, string> = {
  credit_hold: "Credit hold",
  price_approval: "Price approval",
  address_hold: "Address hold",
  compliance_hold: "Compliance hold",
  suspicious_quantity: "Suspicious quantity",
  duplicate_order: "Duplicate order",
  stockout: "Stockout",
  jeopardy: "Jeopardy",
  payment_overdue: "Payment overdue",
  return_requested: "Return requested",
  delivery_failure: "Delivery failure",
  webhook_failing: "Webhook failing",
};

export const EXCEPTION_STATUS_LABELS: Record<ExceptionStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  dismissed: "Dismissed",
};
