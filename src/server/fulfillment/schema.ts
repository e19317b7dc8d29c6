import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { products } from "../catalog/schema";
import { archivedAt, createdAt, id, quantity, timestamps, version } from "../db/columns";
import { warehouses } from "../inventory/schema";
import { orders } from "../orders/schema";
import { PICK_LIST_STATUSES, SHIPMENT_STATUSES } from "./constants";
import type { PolicyStep } from "./policies/policy";

export const shipmentStatusEnum = pgEnum("shipment_status", SHIPMENT_STATUSES);
export const pickListStatusEnum = pgEnum("pick_list_status", PICK_LIST_STATUSES);

/** Who carries shipments, and how a tracking number becomes a link (`{tracking}` is replaced). */
export const carriers = pgTable("carriers", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  trackingUrlTemplate: text("tracking_url_template").notNull(),
  isActive: boolean("is_active").notNull().default(true),
  ...timestamps,
});

/** A batch of planned shipments of one warehouse, picked in one walk through the bins. */
export const pickLists = pgTable(
  "pick_lists",
  {
    id: id(),
    number: text("number").notNull(),
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    status: pickListStatusEnum("status").notNull().default("open"),
    createdBy: text("created_by").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("pick_lists_number_uq").on(t.number), index("pick_lists_warehouse_idx").on(t.warehouseId, t.status, t.createdAt)],
);

/** Goods of one order leaving one warehouse together. */
export const shipments = pgTable(
  "shipments",
  {
    id: id(),
    number: text("number").notNull(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    status: shipmentStatusEnum("status").notNull().default("planned"),
    pickListId: uuid("pick_list_id").references(() => pickLists.id),
    carrierCode: text("carrier_code").references(() => carriers.code),
    service: text("service"),
    trackingNumber: text("tracking_number"),
    /** What the carrier charges us, in the order's currency (minor units). */
    freightCost: bigint("freight_cost", { mode: "number" }),
    plannedBy: text("planned_by").notNull(),
    pickedAt: timestamp("picked_at", { withTimezone: true, mode: "date" }),
    packedAt: timestamp("packed_at", { withTimezone: true, mode: "date" }),
    shippedAt: timestamp("shipped_at", { withTimezone: true, mode: "date" }),
    shippedBy: text("shipped_by"),
    deliveredOn: date("delivered_on", { mode: "string" }),
    failureReason: text("failure_reason"),
    canceledAt: timestamp("canceled_at", { withTimezone: true, mode: "date" }),
    canceledReason: text("canceled_reason"),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("shipments_number_uq").on(t.number),
    index("shipments_order_idx").on(t.orderId),
    // The desk's queues: a warehouse's shipments by status, oldest first.
    index("shipments_queue_idx").on(t.warehouseId, t.status, t.createdAt),
    index("shipments_pick_list_idx").on(t.pickListId),
    check("shipments_freight_nonneg", sql`${t.freightCost} is null or ${t.freightCost} >= 0`),
  ],
);

/** What a shipment carries of one order line: planned, then picked (fewer on a short pick), then shipped. */
export const shipmentLines = pgTable(
  "shipment_lines",
  {
    id: id(),
    shipmentId: uuid("shipment_id")
      .notNull()
      .references(() => shipments.id),
    /** The order line it ships (no foreign key: an edit may remove a line whose only shipments were canceled). */
    orderLineId: uuid("order_line_id").notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    quantity: quantity("quantity").notNull(),
    /** Null until the picker confirms the line. */
    picked: quantity("picked"),
  },
  (t) => [
    uniqueIndex("shipment_lines_uq").on(t.shipmentId, t.orderLineId),
    index("shipment_lines_order_line_idx").on(t.orderLineId),
    check("shipment_lines_quantity_pos", sql`${t.quantity} > 0`),
    check("shipment_lines_picked", sql`${t.picked} is null or (${t.picked} >= 0 and ${t.picked} <= ${t.quantity})`),
  ],
);

/** A box or pallet of a shipment: weight and dimensions, and what is in it. */
export const packages = pgTable(
  "packages",
  {
    id: id(),
    shipmentId: uuid("shipment_id")
      .notNull()
      .references(() => shipments.id),
    packageNo: integer("package_no").notNull(),
    weightGrams: integer("weight_grams").notNull(),
    lengthMm: integer("length_mm"),
    widthMm: integer("width_mm"),
    heightMm: integer("height_mm"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("packages_shipment_no_uq").on(t.shipmentId, t.packageNo), check("packages_weight_pos", sql`${t.weightGrams} > 0`)],
);

export const packageItems = pgTable(
  "package_items",
  {
    packageId: uuid("package_id")
      .notNull()
      .references(() => packages.id),
    shipmentLineId: uuid("shipment_line_id")
      .notNull()
      .references(() => shipmentLines.id),
    quantity: quantity("quantity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.shipmentLineId] }), check("package_items_quantity_pos", sql`${t.quantity} > 0`)],
);

/**
 * Orchestration policies (policies/policy.ts): a code and name; the steps live in versions, so an order keeps
 * the version it started with while admins edit. One policy is the default (chosen when no rule matches).
 */
export const policies = pgTable(
  "policies",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    currentVersion: integer("current_version").notNull().default(1),
    isDefault: boolean("is_default").notNull().default(false),
    archivedAt: archivedAt(),
    ...timestamps,
  },
  (t) => [uniqueIndex("policies_one_default_uq").on(t.isDefault).where(sql`${t.isDefault}`)],
);

export const policyVersions = pgTable(
  "policy_versions",
  {
    policyCode: text("policy_code")
      .notNull()
      .references(() => policies.code),
    version: integer("version").notNull(),
    steps: jsonb("steps").$type<PolicyStep[]>().notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.policyCode, t.version] })],
);

/**
 * Which policy an order follows (policies/select-policy.ts): rules in position order, first match wins; an
 * order no rule matches follows the default policy. Conditions left empty match anything.
 */
export const policyRules = pgTable(
  "policy_rules",
  {
    id: id(),
    position: integer("position").notNull(),
    policyCode: text("policy_code")
      .notNull()
      .references(() => policies.code),
    channels: text("channels").array().notNull().default(sql`'{}'::text[]`),
    segments: text("segments").array().notNull().default(sql`'{}'::text[]`),
    /** Category codes: the rule matches an order with any line in one of them. */
    categories: text("categories").array().notNull().default(sql`'{}'::text[]`),
    minTotal: bigint("min_total", { mode: "number" }),
    maxTotal: bigint("max_total", { mode: "number" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("policy_rules_position_uq").on(t.position)],
);

/**
 * Business days in transit from a warehouse to a ship-to region, as the admin keeps them; region "*" is the
 * warehouse's default for regions without a row of their own.
 */
export const transitTimes = pgTable(
  "transit_times",
  {
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    region: text("region").notNull(),
    days: integer("days").notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.warehouseId, t.region] }), check("transit_times_days_range", sql`${t.days} between 0 and 60`)],
);

export type LinePromise = { lineId: string; lineNo: number; sku: string; availableOn: string; transitDays: number; promisedDate: string };

/**
 * The plan an order follows, chosen at submission: the policy version it keeps while admins edit, why it was
 * chosen, and its promise dates (per line and for the order), recomputed on changes and receipts. The
 * jeopardy job keeps its projection and the cause it found.
 */
export const orderPlans = pgTable(
  "order_plans",
  {
    orderId: uuid("order_id")
      .primaryKey()
      .references(() => orders.id),
    policyCode: text("policy_code").notNull(),
    policyVersion: integer("policy_version").notNull(),
    /** "Rule 2" or "Default": how the policy was chosen. */
    chosenBy: text("chosen_by").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    promisedDate: date("promised_date", { mode: "string" }).notNull(),
    /** The policy takes payment before the goods are picked (Prepaid): the warehouse waits for it. */
    paysFirst: boolean("pays_first").notNull().default(false),
    linePromises: jsonb("line_promises").$type<LinePromise[]>().notNull().default([]),
    /** The jeopardy job's last projection of when the customer has the goods, and why it is late (null: on track). */
    projectedDate: date("projected_date", { mode: "string" }),
    jeopardyCause: text("jeopardy_cause"),
    checkedAt: timestamp("checked_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    index("order_plans_policy_idx").on(t.policyCode, t.policyVersion),
    foreignKey({ columns: [t.policyCode, t.policyVersion], foreignColumns: [policyVersions.policyCode, policyVersions.version] }),
  ],
);
