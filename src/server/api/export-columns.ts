import { ORDER_CSV_COLUMNS, orderCsvRows } from "~/components/orders/order-csv";
import { neutraliseCell } from "~/lib/csv-cell";
import { toDecimalString } from "~/lib/money";
import type { TInvoiceSummary } from "~/server/billing/schemas";
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
