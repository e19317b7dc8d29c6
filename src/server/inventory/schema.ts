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
import { archivedAt, createdAt, id, quantity, timestamps } from "../db/columns";
import { demandClassEnum } from "../customers/schema";
import { MOVEMENT_KINDS, TRANSFER_STATUSES } from "./constants";
import * as clock from "../clock";

export const movementKindEnum = pgEnum("movement_kind", MOVEMENT_KINDS);
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
    /** Where the SKU sits in the warehouse ("A-03-2"): pick lists walk the bins in order. */
    bin: text("bin"),
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

/**
 * Stock moving between warehouses: each line leaves the source when shipped and enters the destination as
 * it is received (partly, line by line); what is shipped and not yet received is in transit.
 */
export const stockTransfers = pgTable(
  "stock_transfers",
  {
    id: id(),
    number: text("number").notNull(),
    fromWarehouseId: uuid("from_warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    toWarehouseId: uuid("to_warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    status: transferStatusEnum("status").notNull().default("in_transit"),
    expectedDate: date("expected_date", { mode: "string" }).notNull(),
    createdBy: text("created_by").notNull(),
    /** Who received last, and when (a transfer may be received in several goes). */
    receivedBy: text("received_by"),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("stock_transfers_number_uq").on(t.number),
    index("stock_transfers_status_idx").on(t.status),
    check("stock_transfers_distinct", sql`${t.fromWarehouseId} <> ${t.toWarehouseId}`),
  ],
);

/** A SKU on a transfer: `quantity` shipped, `received` so far; the difference is in transit while the transfer is open. */
export const stockTransferLines = pgTable(
  "stock_transfer_lines",
  {
    transferId: uuid("transfer_id")
      .notNull()
      .references(() => stockTransfers.id),
    lineNo: integer("line_no").notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    quantity: quantity("quantity").notNull(),
    received: quantity("received").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.transferId, t.lineNo] }),
    uniqueIndex("stock_transfer_lines_product_uq").on(t.transferId, t.productId),
    index("stock_transfer_lines_product_idx").on(t.productId),
    check("stock_transfer_lines_quantity_pos", sql`${t.quantity} > 0`),
    check("stock_transfer_lines_received_range", sql`${t.received} >= 0 and ${t.received} <= ${t.quantity}`),
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

/**
 * Where reserved units sit: per order (the demand; orders owns the order), product and warehouse, with
 * the customer's demand class, so a line can be split across warehouses and hold-backs know what each
 * class holds. Σ quantity per stock row = the row's `reserved` (tests check it).
 */
export const stockAllocations = pgTable(
  "stock_allocations",
  {
    orderId: uuid("order_id").notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    demandClass: demandClassEnum("demand_class").notNull(),
    quantity: quantity("quantity").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.productId, t.warehouseId] }),
    index("stock_allocations_level_idx").on(t.productId, t.warehouseId, t.demandClass),
    check("stock_allocations_quantity_pos", sql`${t.quantity} > 0`),
  ],
);

/**
 * Demand that stock could not cover yet, waiting in a warehouse (its home) in the order it was placed:
 * arriving stock goes to the oldest first, and available-to-promise counts it.
 */
export const stockBackorders = pgTable(
  "stock_backorders",
  {
    orderId: uuid("order_id").notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    demandClass: demandClassEnum("demand_class").notNull(),
    quantity: quantity("quantity").notNull(),
    /** The order's number, for the ledger and messages. */
    reference: text("reference").notNull(),
    /** When the demand was placed: first come, first served. */
    queuedAt: timestamp("queued_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.productId] }),
    index("stock_backorders_queue_idx").on(t.productId, t.queuedAt),
    check("stock_backorders_quantity_pos", sql`${t.quantity} > 0`),
  ],
);
