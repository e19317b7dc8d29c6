import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
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
import { archivedAt, id, quantity, timestamps } from "../db/columns";
import { MOVEMENT_KINDS } from "./constants";

export const movementKindEnum = pgEnum("movement_kind", MOVEMENT_KINDS);

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
      .$onUpdate(() => new Date()),
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
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("stock_movements_product_idx").on(t.productId, t.warehouseId, t.createdAt),
    check("stock_movements_nonzero", sql`${t.quantity} <> 0`),
  ],
);
