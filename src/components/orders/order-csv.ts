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

const unparse = unparseRows;

/** The header line (with the byte-order mark spreadsheets want for UTF-8), CRLF-terminated. */
export const orderCsvHeader = () => `\uFEFF${unparse([[...ORDER_CSV_COLUMNS]])}\r\n`;

/** A chunk of rows, CRLF-terminated (empty for no rows). */
export const orderCsvChunk = (items: TOrderSummary[]) => (items.length ? `${unparse(orderCsvRows(items))}\r\n` : "");

/** A whole file of the given rows. */
export const orderCsv = (items: TOrderSummary[]) => orderCsvHeader() + orderCsvChunk(items);

/** `orders-2026-12-04.csv` */
export const orderCsvFileName = (kind: "order" | "quote", today: string) => `${kind === "quote" ? "quotes" : "orders"}-${today}.csv`;
