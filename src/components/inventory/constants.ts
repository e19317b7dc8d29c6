/** Shared by the inventory pages (server components) and their client widgets. */
export const GRID_PAGE_SIZE = 200;
export const LEDGER_PAGE_SIZE = 50;
export const RESERVATIONS_PAGE_SIZE = 50;

export const LEDGER_SCOPE_LABELS = { all: "All movements", on_hand: "On-hand changes", reservations: "Reservations" } as const;
export type LedgerScope = keyof typeof LEDGER_SCOPE_LABELS;
