/** draft → sent → partially_received → received; sent/partially received → closed (short-closed); draft/sent → canceled. */
export const PURCHASE_ORDER_STATUSES = ["draft", "sent", "partially_received", "received", "closed", "canceled"] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];
/** Purchase orders whose remaining quantity is expected (inbound). */
export const INBOUND_PO_STATUSES = ["sent", "partially_received"] as const;

/** open: not yet on a purchase order; drafted: turned into a purchase order (kept as history). */
export const SUGGESTION_STATUSES = ["open", "drafted"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const REPLENISHMENT_TRIGGERS = ["nightly", "manual"] as const;
export type ReplenishmentTrigger = (typeof REPLENISHMENT_TRIGGERS)[number];
