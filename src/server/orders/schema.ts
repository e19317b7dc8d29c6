import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../auth/schema";
import { products } from "../catalog/schema";
import { customers } from "../customers/schema";
import { createdAt, id, moneyMinor, quantity, timestamps, version } from "../db/columns";
import { warehouses } from "../inventory/schema";
import { BILLING_STATUSES, CHANNELS, FULFILLMENT_STATUSES, ORDER_KINDS, ORDER_STATUSES, SAVED_VIEW_LISTS } from "./constants";

export const orderKindEnum = pgEnum("order_kind", ORDER_KINDS);
export const orderStatusEnum = pgEnum("order_status", ORDER_STATUSES);
export const fulfillmentStatusEnum = pgEnum("fulfillment_status", FULFILLMENT_STATUSES);
export const billingStatusEnum = pgEnum("billing_status", BILLING_STATUSES);
export const channelEnum = pgEnum("channel", CHANNELS);

export type ShipTo = { line1: string; city: string; region: string; postalCode: string; country: string };

export const orders = pgTable(
  "orders",
  {
    id: id(),
    number: text("number").notNull(),
    kind: orderKindEnum("kind").notNull().default("order"),
    status: orderStatusEnum("status").notNull().default("draft"),
    fulfillmentStatus: fulfillmentStatusEnum("fulfillment_status").notNull().default("unfulfilled"),
    billingStatus: billingStatusEnum("billing_status").notNull().default("unbilled"),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    channel: channelEnum("channel").notNull(),
    customerReference: text("customer_reference"),
    currency: text("currency").notNull(),
    subtotal: moneyMinor("subtotal").notNull().default(0),
    discountTotal: moneyMinor("discount_total").notNull().default(0),
    taxTotal: moneyMinor("tax_total").notNull().default(0),
    shippingTotal: moneyMinor("shipping_total").notNull().default(0),
    total: moneyMinor("total").notNull().default(0),
    billTo: jsonb("bill_to").$type<ShipTo>(),
    shipTo: jsonb("ship_to").$type<ShipTo>(),
    requestedDate: date("requested_date", { mode: "string" }),
    promisedDate: date("promised_date", { mode: "string" }),
    /** Quotes only: the last day the quote can be converted at its prices. */
    validUntil: date("valid_until", { mode: "string" }),
    notes: text("notes"),
    createdBy: text("created_by").notNull(),
    /** The user (or API key) id behind createdBy, for "my orders" views. */
    createdById: text("created_by_id"),
    /** The desk user who looks after the order (the list's "Assigned" column and filter); null: nobody yet. */
    assignedToId: uuid("assigned_to_id").references(() => users.id),
    canceledReason: text("canceled_reason"),
    canceledAt: timestamp("canceled_at", { withTimezone: true, mode: "date" }),
    /** Quote → order: the quote an order came from, and the order a quote became. */
    convertedFromId: uuid("converted_from_id"),
    convertedToId: uuid("converted_to_id"),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
    /** A manager's choice: once every line is reserved, a job plans one shipment per warehouse. */
    autoPlan: boolean("auto_plan").notNull().default(false),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("orders_number_uq").on(t.number),
    // Keyset pagination for the list pages. Plain ascending btrees: PostgreSQL scans them backwards for
    // "ORDER BY … DESC" (a DESC NULLS LAST index would not match DESC, which means NULLS FIRST).
    index("orders_kind_created_idx").on(t.kind, t.createdAt, t.id),
    index("orders_kind_total_idx").on(t.kind, t.total, t.id),
    index("orders_status_created_idx").on(t.status, t.createdAt, t.id),
    index("orders_customer_created_idx").on(t.customerId, t.createdAt, t.id),
    // A customer's orders in one status (the list's customer + status filter, and sorting by customer with a status).
    index("orders_customer_status_idx").on(t.customerId, t.status, t.id),
    index("orders_creator_created_idx").on(t.createdById, t.createdAt, t.id),
    index("orders_assignee_created_idx").on(t.assignedToId, t.createdAt, t.id),
    // Search: number and customer PO by prefix, case-insensitive for the PO.
    index("orders_number_pattern_idx").using("btree", sql`${t.number} text_pattern_ops`),
    index("orders_customer_reference_pattern_idx").using("btree", sql`lower(${t.customerReference}) text_pattern_ops`),
    check("orders_total_consistent", sql`${t.total} = ${t.subtotal} - ${t.discountTotal} + ${t.taxTotal} + ${t.shippingTotal}`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: id(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    lineNo: integer("line_no").notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    quantity: quantity("quantity").notNull(),
    unitPrice: moneyMinor("unit_price").notNull(),
    discount: moneyMinor("discount").notNull().default(0),
    tax: moneyMinor("tax").notNull().default(0),
    lineTotal: moneyMinor("line_total").notNull(),
    reserved: quantity("reserved").notNull().default(0),
    shipped: quantity("shipped").notNull().default(0),
    invoiced: quantity("invoiced").notNull().default(0),
    returned: quantity("returned").notNull().default(0),
    backordered: quantity("backordered").notNull().default(0),
    warehouseId: uuid("warehouse_id").references(() => warehouses.id),
    overrideReason: text("override_reason"),
    /** Why the line's manual price needs a manager's approval (beyond the role's limit, below cost). */
    approvalReason: text("approval_reason"),
    /** The pricing steps as they were at submit: later rule changes never rewrite history. */
    priceExplanation: jsonb("price_explanation").$type<unknown[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("order_lines_order_line_uq").on(t.orderId, t.lineNo),
    // Search by SKU reads (product → orders) from the index alone.
    index("order_lines_product_idx").on(t.productId, t.orderId),
    // Receiving finds the backorders of a product, oldest first.
    index("order_lines_backordered_idx").on(t.productId).where(sql`${t.backordered} > 0`),
    check("order_lines_quantity_pos", sql`${t.quantity} > 0`),
    check("order_lines_unit_price_nonneg", sql`${t.unitPrice} >= 0`),
    check("order_lines_total", sql`${t.lineTotal} = ${t.quantity} * ${t.unitPrice} - ${t.discount}`),
    check("order_lines_shipped_le_qty", sql`${t.shipped} <= ${t.quantity}`),
    check("order_lines_reserved_nonneg", sql`${t.reserved} >= 0 and ${t.backordered} >= 0`),
    check("order_lines_invoiced_returned_range", sql`${t.invoiced} >= 0 and ${t.returned} >= 0 and ${t.returned} <= ${t.shipped}`),
  ],
);

/** The order's timeline: who did what, when, with the before/after of what changed. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    type: text("type").notNull(),
    actor: text("actor").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.createdAt)],
);

/** `POST /orders` with an Idempotency-Key: a retry with the same key and body returns the first order. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: id(),
    /** Who sent it (API key or user id): keys are scoped per client. */
    clientId: text("client_id").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of the canonical request body: the same key with another body is a conflict. */
    requestHash: text("request_hash").notNull(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("idempotency_keys_client_key_uq").on(t.clientId, t.key)],
);

/** Saved list views per user ("My open orders", "On hold"): a name and the list's query string. */
export const savedViews = pgTable(
  "saved_views",
  {
    id: id(),
    userId: text("user_id").notNull(),
    /** Which list the view filters: the order list or the exception queue. */
    list: text("list", { enum: SAVED_VIEW_LISTS }).notNull().default("orders"),
    name: text("name").notNull(),
    query: text("query").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("saved_views_user_list_name_uq").on(t.userId, t.list, t.name), check("saved_views_list", sql`${t.list} in ('orders', 'exceptions')`)],
);
