/** Every change to stock is one of these movements in the append-only ledger. */
export const MOVEMENT_KINDS = [
  "receipt",
  "shipment",
  "adjustment",
  "transfer_out",
  "transfer_in",
  "return",
  "reservation",
  "release",
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** Kinds that change on-hand stock; reservation and release only move `reserved`. */
export const ON_HAND_KINDS: readonly MovementKind[] = [
  "receipt",
  "shipment",
  "adjustment",
  "transfer_out",
  "transfer_in",
  "return",
];

export const ADJUSTMENT_REASONS = ["cycle_count", "damaged", "found", "lost", "correction", "initial_stock"] as const;

/** draft → sent → partially_received → received; sent/partially received → closed (short-closed); draft/sent → canceled. */
export const PURCHASE_ORDER_STATUSES = ["draft", "sent", "partially_received", "received", "closed", "canceled"] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];
/** Purchase orders whose remaining quantity is expected (inbound). */
export const INBOUND_PO_STATUSES = ["sent", "partially_received"] as const;

export const TRANSFER_STATUSES = ["in_transit", "received", "canceled"] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
