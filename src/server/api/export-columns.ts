import { ORDER_CSV_COLUMNS, orderCsvRows } from "~/components/orders/order-csv";
import { neutraliseCell } from "~/lib/csv-cell";
import { toDecimalString } from "~/lib/money";
import type { TCreditNote, TInvoiceSummary, TPayment, TReturn } from "~/server/billing/schemas";
import type { TExceptionListItem } from "~/server/exceptions/list-exceptions";
import type { TShipment } from "~/server/fulfillment/schemas";
import type { TStockGridRow } from "~/server/inventory/schemas";
import type { TPurchaseOrderSummary } from "~/server/purchasing/schemas";
import type { TProduct } from "~/server/catalog/schemas";
import type { TCustomer } from "~/server/customers/schemas";
import type { TOrderSummary } from "~/server/orders/schemas";

/**
 * The columns of each list's CSV export and how one item becomes one row. Pure: text people typed goes
 * through neutraliseCell (formula injection), money is a decimal in the row's currency ("1234.50"), dates
 * and times stay ISO as the list use case gives them, booleans are true/false.
 */
export type ExportColumns<T> = { columns: readonly string[]; rows: (items: T[]) => string[][] };

const text = (value: string | null | undefined) => neutraliseCell(value ?? "");

export const customerColumns: ExportColumns<TCustomer> = {
  columns: ["code", "name", "segment", "demand_class", "currency", "credit_limit", "payment_terms_days", "tax_exempt", "invoice_on_order", "email", "phone", "ship_city", "ship_country", "archived", "created_at"],
  rows: (items) =>
    items.map((c) => [
      text(c.code),
      text(c.name),
      text(c.segment),
      c.demandClass,
      c.currency,
      toDecimalString(c.creditLimit, c.currency),
      String(c.paymentTermsDays),
      String(c.taxExempt),
      String(c.invoiceOnOrder),
      text(c.email),
      text(c.phone),
      text(c.shippingAddress?.city),
      text(c.shippingAddress?.country),
      String(c.isArchived),
      c.createdAt,
    ]),
};

export const productColumns: ExportColumns<TProduct> = {
  columns: ["sku", "name", "category", "unit", "currency", "list_price", "cost", "weight_grams", "tax_category", "lead_time_days", "pack_size", "archived"],
  rows: (items) =>
    items.map((p) => [
      text(p.sku),
      text(p.name),
      text(p.category),
      text(p.unit),
      p.currency,
      toDecimalString(p.listPrice, p.currency),
      toDecimalString(p.cost, p.currency),
      String(p.weightGrams),
      text(p.taxCategory),
      String(p.leadTimeDays),
      String(p.packSize),
      String(p.isArchived),
    ]),
};

export const invoiceColumns: ExportColumns<TInvoiceSummary> = {
  columns: ["number", "status", "overdue", "days_overdue", "order", "customer_code", "customer_name", "customer_reference", "issue_date", "due_date", "currency", "subtotal", "tax", "total", "paid", "balance"],
  rows: (items) =>
    items.map((i) => [
      text(i.number),
      i.status,
      String(i.overdue),
      String(i.daysOverdue),
      text(i.order),
      text(i.customer.code),
      text(i.customer.name),
      text(i.customerReference),
      i.issueDate ?? "",
      i.dueDate ?? "",
      i.currency,
      toDecimalString(i.subtotal, i.currency),
      toDecimalString(i.taxTotal, i.currency),
      toDecimalString(i.total, i.currency),
      toDecimalString(i.amountPaid, i.currency),
      toDecimalString(i.balance, i.currency),
    ]),
};

export const orderColumns: ExportColumns<TOrderSummary> = { columns: ORDER_CSV_COLUMNS, rows: orderCsvRows };

export const paymentColumns: ExportColumns<TPayment> = {
  columns: ["received_on", "customer_code", "customer_name", "method", "reference", "currency", "amount", "allocated", "refunded", "unallocated", "allocated_to", "recorded_by", "created_at"],
  rows: (items) =>
    items.map((p) => [
      p.receivedOn,
      text(p.customer.code),
      text(p.customer.name),
      p.method,
      text(p.reference),
      p.currency,
      toDecimalString(p.amount, p.currency),
      toDecimalString(p.amountAllocated, p.currency),
      toDecimalString(p.amountRefunded, p.currency),
      toDecimalString(p.unallocated, p.currency),
      text(p.allocations.map((a) => a.invoice).join(" ")),
      text(p.recordedBy),
      p.createdAt,
    ]),
};

export const creditNoteColumns: ExportColumns<TCreditNote> = {
  columns: ["number", "kind", "issue_date", "customer_code", "customer_name", "order", "invoice", "return", "reason", "currency", "subtotal", "tax", "total", "applied", "refunded", "remaining", "created_by"],
  rows: (items) =>
    items.map((c) => [
      text(c.number),
      c.kind,
      c.issueDate,
      text(c.customer.code),
      text(c.customer.name),
      text(c.order),
      text(c.invoice),
      text(c.return),
      text(c.reason),
      c.currency,
      toDecimalString(c.subtotal, c.currency),
      toDecimalString(c.taxTotal, c.currency),
      toDecimalString(c.total, c.currency),
      toDecimalString(c.amountApplied, c.currency),
      toDecimalString(c.amountRefunded, c.currency),
      toDecimalString(c.remaining, c.currency),
      text(c.createdBy),
    ]),
};

export const returnColumns: ExportColumns<TReturn> = {
  columns: ["number", "status", "order", "customer_code", "customer_name", "lines", "currency", "value", "credit_note", "requested_by", "created_at", "decided_at", "received_at"],
  rows: (items) =>
    items.map((r) => [
      text(r.number),
      r.status,
      text(r.order),
      text(r.customer.code),
      text(r.customer.name),
      String(r.lines.length),
      r.currency,
      toDecimalString(r.value, r.currency),
      text(r.creditNote?.number),
      text(r.requestedBy),
      r.createdAt,
      r.decidedAt ?? "",
      r.receivedAt ?? "",
    ]),
};

export const purchaseOrderColumns: ExportColumns<TPurchaseOrderSummary> = {
  columns: ["number", "status", "overdue", "vendor_code", "vendor_name", "warehouse", "expected_date", "lines", "quantity", "received", "currency", "total", "created_at"],
  rows: (items) =>
    items.map((po) => [
      text(po.number),
      po.status,
      String(po.isOverdue),
      text(po.vendor.code),
      text(po.vendor.name),
      text(po.warehouse.code),
      po.expectedDate,
      String(po.lineCount),
      String(po.quantity),
      String(po.received),
      po.currency,
      toDecimalString(po.total, po.currency),
      po.createdAt,
    ]),
};

export const shipmentColumns: ExportColumns<TShipment> = {
  columns: ["number", "status", "order", "customer_code", "customer_name", "warehouse", "pick_list", "units", "carrier", "service", "tracking_number", "created_at", "shipped_at", "delivered_on"],
  rows: (items) =>
    items.map((sh) => [
      text(sh.number),
      sh.status,
      text(sh.order),
      text(sh.customer),
      text(sh.customerName),
      text(sh.warehouse),
      text(sh.pickList),
      String(sh.units),
      text(sh.carrier?.code),
      text(sh.service),
      text(sh.trackingNumber),
      sh.createdAt,
      sh.shippedAt ?? "",
      sh.deliveredOn ?? "",
    ]),
};

/** One row per SKU and warehouse (the grid's cells), so a spreadsheet can filter and pivot it. */
export const stockColumns: ExportColumns<TStockGridRow> = {
  columns: ["sku", "name", "category", "warehouse", "status", "on_hand", "reserved", "available", "held_back", "reorder_point", "reorder_quantity", "shipped_30d", "days_of_supply"],
  rows: (items) =>
    items.flatMap((row) =>
      row.cells.map((cell) => [
        text(row.sku),
        text(row.name),
        text(row.categoryName),
        text(cell.warehouse),
        cell.status,
        String(cell.onHand),
        String(cell.reserved),
        String(cell.available),
        String(cell.heldBack),
        cell.reorderPoint === null ? "" : String(cell.reorderPoint),
        cell.reorderQuantity === null ? "" : String(cell.reorderQuantity),
        String(cell.shipped30d),
        cell.daysOfSupply === null ? "" : String(cell.daysOfSupply),
      ]),
    ),
};

export const exceptionColumns: ExportColumns<TExceptionListItem> = {
  columns: ["type", "severity", "status", "sla", "team", "assignee", "order", "customer_code", "customer_name", "reason", "due_at", "created_at", "resolved_at", "resolved_by", "resolution"],
  rows: (items) =>
    items.map((e) => [
      e.type,
      e.severity,
      e.status,
      e.slaState,
      e.team,
      text(e.assignee?.name),
      text(e.order),
      text(e.customer),
      text(e.customerName),
      text(e.reason),
      e.dueAt,
      e.createdAt,
      e.resolvedAt ?? "",
      text(e.resolvedBy),
      text(e.resolution),
    ]),
};
