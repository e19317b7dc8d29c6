import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { products } from "../catalog/schema";
import { archivedAt, createdAt, id, moneyMinor, quantity, timestamps, version } from "../db/columns";
import { demandClassEnum } from "../customers/schema";
import { MOVEMENT_KINDS, PURCHASE_ORDER_STATUSES, TRANSFER_STATUSES } from "./constants";
import * as clock from "../clock";

export const movementKindEnum = pgEnum("movement_kind", MOVEMENT_KINDS);
export const purchaseOrderStatusEnum = pgEnum("purchase_order_status", PURCHASE_ORDER_STATUSES);
export const transferStatusEnum = pgEnum("transfer_status", TRANSFER_STATUSES);

export const warehouses = pgTable(
  "warehouses",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    line1: text("line1").notNull(),
    city: text("city").notNull(),
    region: text("region").notNull().default(""),
    postalCode: text("postal_code").notNull(),
    country: text("country").notNull(),
    /** Lower number is preferred when sourcing. */
    priority: integer("priority").notNull().default(100),
    isActive: boolean("is_active").notNull().default(true),
    archivedAt: archivedAt(),
    ...timestamps,
  },
  (t) => [uniqueIndex("warehouses_code_uq").on(t.code)],
);

/** Current stock per product and warehouse. The database itself refuses oversell. */
export const stockLevels = pgTable(
  "stock_levels",
  {
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    onHand: quantity("on_hand").notNull().default(0),
    reserved: quantity("reserved").notNull().default(0),
    reorderPoint: quantity("reorder_point"),
    reorderQuantity: quantity("reorder_quantity"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" })
      .notNull()
      .defaultNow()
      .$onUpdate(() => clock.now()),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.warehouseId] }),
    index("stock_levels_warehouse_idx").on(t.warehouseId),
    check("stock_on_hand_nonneg", sql`${t.onHand} >= 0`),
    check("stock_reserved_nonneg", sql`${t.reserved} >= 0`),
    check("stock_reserved_le_on_hand", sql`${t.reserved} <= ${t.onHand}`),
  ],
);

/** Append-only ledger: on hand always equals the sum of the on-hand movements. */
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    kind: movementKindEnum("kind").notNull(),
    quantity: quantity("quantity").notNull(),
    reason: text("reason"),
    /** What caused it: an order number, a PO number, a count sheet. */
    reference: text("reference"),
    actor: text("actor").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("stock_movements_product_idx").on(t.productId, t.warehouseId, t.createdAt),
    check("stock_movements_nonzero", sql`${t.quantity} <> 0`),
  ],
);

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

/** Stock moving between warehouses: out of the source when shipped, into the destination when received. */
export const stockTransfers = pgTable(
  "stock_transfers",
  {
    id: id(),
    number: text("number").notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    fromWarehouseId: uuid("from_warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    toWarehouseId: uuid("to_warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    quantity: quantity("quantity").notNull(),
    status: transferStatusEnum("status").notNull().default("in_transit"),
    expectedDate: date("expected_date", { mode: "string" }).notNull(),
    createdBy: text("created_by").notNull(),
    receivedBy: text("received_by"),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("stock_transfers_number_uq").on(t.number),
    index("stock_transfers_product_idx").on(t.productId, t.status),
    check("stock_transfers_quantity_pos", sql`${t.quantity} > 0`),
    check("stock_transfers_distinct", sql`${t.fromWarehouseId} <> ${t.toWarehouseId}`),
  ],
);

/**
 * Allocation by demand class: units of free stock kept for one class of customers. Customers of other
 * classes see them as unavailable; the class itself can use them.
 */
export const stockHoldbacks = pgTable(
  "stock_holdbacks",
  {
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    demandClass: demandClassEnum("demand_class").notNull(),
    quantity: quantity("quantity").notNull(),
    updatedBy: text("updated_by").notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.warehouseId, t.demandClass] }),
    check("stock_holdbacks_quantity_pos", sql`${t.quantity} > 0`),
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
