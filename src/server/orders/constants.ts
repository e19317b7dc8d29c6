export const ORDER_KINDS = ["order", "quote"] as const;
export const ORDER_STATUSES = ["draft", "submitted", "on_hold", "open", "completed", "canceled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Orders that are live demand: they hold reservations, wait on backorders and count against credit. */
export const LIVE_ORDER_STATUSES = ["submitted", "on_hold", "open"] as const satisfies readonly OrderStatus[];

export const FULFILLMENT_STATUSES = ["unfulfilled", "partially_shipped", "shipped", "delivered"] as const;
export const BILLING_STATUSES = ["unbilled", "partially_invoiced", "invoiced", "paid", "overdue"] as const;

export const CHANNELS = ["phone", "email", "web", "field_sales", "edi", "portal", "api"] as const;
export type Channel = (typeof CHANNELS)[number];

/** The lists a user can save views of (filters as a query string). */
export const SAVED_VIEW_LISTS = ["orders", "exceptions"] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];
