import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { products } from "../catalog/schema";
import { archivedAt, id, moneyMinor, quantity, timestamps, version } from "../db/columns";
import { warehouses } from "../inventory/schema";
import { orders } from "../orders/schema";
import { PURCHASE_ORDER_STATUSES } from "./constants";

export const purchaseOrderStatusEnum = pgEnum("purchase_order_status", PURCHASE_ORDER_STATUSES);

/** Who we buy from: the vendor's lead time drives promise dates when nothing is inbound. */
export const vendors = pgTable(
  "vendors",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    contactName: text("contact_name"),
    email: text("email"),
    phone: text("phone"),
    leadTimeDays: integer("lead_time_days").notNull().default(14),
    archivedAt: archivedAt(),
    ...timestamps,
  },
  (t) => [uniqueIndex("vendors_code_uq").on(t.code), check("vendors_lead_time_nonneg", sql`${t.leadTimeDays} >= 0`)],
);

/** A product's usual vendor: replenishment drafts its purchase orders there. */
export const productVendors = pgTable(
  "product_vendors",
  {
    productId: uuid("product_id")
      .primaryKey()
      .references(() => products.id),
    vendorId: uuid("vendor_id")
      .notNull()
      .references(() => vendors.id),
    vendorSku: text("vendor_sku"),
  },
  (t) => [index("product_vendors_vendor_idx").on(t.vendorId)],
);

export const purchaseOrders = pgTable(
  "purchase_orders",
  {
    id: id(),
    number: text("number").notNull(),
    vendorId: uuid("vendor_id")
      .notNull()
      .references(() => vendors.id),
    /** Where the goods are delivered. */
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    status: purchaseOrderStatusEnum("status").notNull().default("draft"),
    currency: text("currency").notNull().default("USD"),
    expectedDate: date("expected_date", { mode: "string" }).notNull(),
    notes: text("notes"),
    /** Drop-ship: the customer order this purchase order buys for (an orchestration policy placed it). */
    orderId: uuid("order_id").references(() => orders.id),
    createdBy: text("created_by").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("purchase_orders_number_uq").on(t.number),
    index("purchase_orders_status_idx").on(t.status, t.expectedDate),
    index("purchase_orders_vendor_idx").on(t.vendorId, t.createdAt),
    index("purchase_orders_order_idx").on(t.orderId),
  ],
);

export const purchaseOrderLines = pgTable(
  "purchase_order_lines",
  {
    id: id(),
    purchaseOrderId: uuid("purchase_order_id")
      .notNull()
      .references(() => purchaseOrders.id),
    lineNo: integer("line_no").notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    quantity: quantity("quantity").notNull(),
    received: quantity("received").notNull().default(0),
    unitCost: moneyMinor("unit_cost").notNull().default(0),
  },
  (t) => [
    uniqueIndex("purchase_order_lines_uq").on(t.purchaseOrderId, t.lineNo),
    index("purchase_order_lines_product_idx").on(t.productId),
    check("purchase_order_lines_quantity_pos", sql`${t.quantity} > 0`),
    check("purchase_order_lines_received", sql`${t.received} >= 0 and ${t.received} <= ${t.quantity}`),
    check("purchase_order_lines_cost_nonneg", sql`${t.unitCost} >= 0`),
  ],
);

/** The nightly (or on-demand) reorder run: what to buy, from whom, for which warehouse. */
export const reorderSuggestions = pgTable(
  "reorder_suggestions",
  {
    id: id(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    vendorId: uuid("vendor_id").references(() => vendors.id),
    /** The stock position that triggered it: available + inbound − backordered. */
    position: integer("position").notNull(),
    reorderPoint: quantity("reorder_point").notNull(),
    quantity: quantity("quantity").notNull(),
    /** Set when "Draft POs" turned it into a purchase order. */
    purchaseOrderId: uuid("purchase_order_id").references(() => purchaseOrders.id),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("reorder_suggestions_product_idx").on(t.productId, t.warehouseId)],
);
