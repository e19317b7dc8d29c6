import { Badge, type BadgeVariant } from "~/components/ui/badge";
import type { ImportKindName, ImportRowStatus, ImportStatus } from "~/server/imports/constants";
import type { RouterOutputs } from "~/trpc/react";

export type Import = RouterOutputs["imports"]["get"];
export type ImportKind = RouterOutputs["imports"]["kinds"]["items"][number];

export const IMPORT_STATUS: Record<ImportStatus, { label: string; variant: BadgeVariant }> = {
  uploading: { label: "Uploading", variant: "info" },
  ready: { label: "Checked", variant: "warning" },
  queued: { label: "Queued", variant: "info" },
  running: { label: "Running", variant: "info" },
  completed: { label: "Completed", variant: "success" },
  canceled: { label: "Canceled", variant: "neutral" },
  discarded: { label: "Discarded", variant: "neutral" },
  failed: { label: "Failed", variant: "danger" },
};

export const ROW_STATUS: Record<ImportRowStatus, { label: string; variant: BadgeVariant }> = {
  invalid: { label: "Refused", variant: "danger" },
  pending: { label: "Pending", variant: "neutral" },
  imported: { label: "Imported", variant: "success" },
  skipped: { label: "Skipped", variant: "outline" },
  failed: { label: "Failed", variant: "danger" },
};

/** Labels when the kinds have not loaded (they come from the server with each kind's columns). */
export const KIND_LABEL: Record<ImportKindName, string> = {
  orders: "Orders",
  customers: "Customers",
  products: "Products",
  price_list_items: "Price list items",
  stock_counts: "Stock counts",
};

/** The import's run is moving server-side: its page polls it. */
export const isActive = (status: ImportStatus) => status === "uploading" || status === "queued" || status === "running";

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const shown = IMPORT_STATUS[status];
  return <Badge variant={shown.variant}>{shown.label}</Badge>;
}

export function RowStatusBadge({ status }: { status: ImportRowStatus }) {
  const shown = ROW_STATUS[status];
  return <Badge variant={shown.variant}>{shown.label}</Badge>;
}

/** "1 row", "12 rows". */
export const count = (n: number, noun: string, plural = `${noun}s`) => `${n.toLocaleString()} ${n === 1 ? noun : plural}`;

/** Rows the run has dealt with (imported, skipped or failed). */
export const doneRows = (i: Import) => i.importedRows + i.skippedRows + i.failedRows;

export const errorReportHref = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/errors`;
