import { neutraliseCell, unparseRows } from "~/lib/csv-cell";
import { toDecimalString } from "~/lib/money";
import type { TOrderSummary } from "~/server/orders/schemas";

export const ORDER_CSV_COLUMNS = [
  "number",
  "kind",
  "status",
  "fulfillment_status",
  "billing_status",
  "channel",
  "customer_code",
  "customer_name",
  "customer_reference",
  "lines",
  "total",
  "currency",
  "created_at",
  "valid_until",
  "assigned_to",
] as const;

/**
 * Rows of the order list as CSV cells: text a spreadsheet would run as a formula (= + - @ first) gets a
 * leading apostrophe; totals are decimals in the currency ("1234.50"), dates ISO (UTC).
 */
export function orderCsvRows(items: TOrderSummary[]): string[][] {
  return items.map((o) => [
    neutraliseCell(o.number),
    o.kind,
    o.status,
    o.fulfillmentStatus,
    o.billingStatus,
    o.channel,
    neutraliseCell(o.customer.code),
    neutraliseCell(o.customer.name),
    neutraliseCell(o.customerReference ?? ""),
    String(o.lineCount),
    toDecimalString(o.total, o.currency),
    o.currency,
    o.createdAt,
    o.validUntil ?? "",
    neutraliseCell(o.assignedTo?.name ?? ""),
  ]);
}

/** A whole file of the given rows (the chosen rows of the list; the whole list streams from /orders/export). */
export const orderCsv = (items: TOrderSummary[]) =>
  `\uFEFF${unparseRows([[...ORDER_CSV_COLUMNS], ...orderCsvRows(items)])}\r\n`;

/** `orders-2026-12-04.csv` */
export const orderCsvFileName = (kind: "order" | "quote", today: string) => `${kind === "quote" ? "quotes" : "orders"}-${today}.csv`;
