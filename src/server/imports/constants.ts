/** What a CSV file can load (Admin → Import). */
export const IMPORT_KINDS = ["orders", "customers", "products", "price_list_items", "stock_counts"] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

/**
 * uploading → ready (checked, nothing written) → queued (Start) → running → completed | canceled;
 * ready → discarded; an upload that broke off, or a run that hit an unexpected error, is failed.
 */
export const IMPORT_STATUSES = ["uploading", "ready", "queued", "running", "completed", "canceled", "discarded", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** invalid: refused by the check (never written); pending: waits for the run; then imported, skipped (already there) or failed. */
export const IMPORT_ROW_STATUSES = ["invalid", "pending", "imported", "skipped", "failed"] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** An upload larger than this is refused (413) before it is all read. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Rows per file. */
export const MAX_IMPORT_ROWS = 250_000;
/** A run that wrote nothing for this long lost its process: the next sweep resumes it. */
export const STALE_RUN_SECONDS = 30;
