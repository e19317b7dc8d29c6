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

export const TRANSFER_STATUSES = ["in_transit", "partially_received", "received", "canceled"] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
/** Statuses whose unreceived rest is still on its way (inbound at the destination). */
export const OPEN_TRANSFER_STATUSES = ["in_transit", "partially_received"] as const satisfies readonly TransferStatus[];
