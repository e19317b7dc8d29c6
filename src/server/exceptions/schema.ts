import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { roleEnum, users } from "../auth/schema";
import { customers } from "../customers/schema";
import { id, timestamps } from "../db/columns";
import { orders } from "../orders/schema";
import { EXCEPTION_EVENT_TYPES, EXCEPTION_SEVERITIES, EXCEPTION_STATUSES, EXCEPTION_TYPES } from "./constants";

export const exceptionTypeEnum = pgEnum("exception_type", EXCEPTION_TYPES);
export const exceptionStatusEnum = pgEnum("exception_status", EXCEPTION_STATUSES);
export const exceptionSeverityEnum = pgEnum("exception_severity", EXCEPTION_SEVERITIES);
export const exceptionEventTypeEnum = pgEnum("exception_event_type", EXCEPTION_EVENT_TYPES);

/** Everything that goes wrong lands here, in a team's queue, with a due time and (once taken) a person. */
export const exceptions = pgTable(
  "exceptions",
  {
    id: id(),
    type: exceptionTypeEnum("type").notNull(),
    severity: exceptionSeverityEnum("severity").notNull().default("medium"),
    status: exceptionStatusEnum("status").notNull().default("open"),
    /** The role whose queue it is in. */
    team: roleEnum("team").notNull(),
    orderId: uuid("order_id").references(() => orders.id),
    customerId: uuid("customer_id").references(() => customers.id),
    /** A human sentence: why it was opened (kept up to date while the cause changes). */
    reason: text("reason").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** What the rule found, as a comparable key (an order total, the overridden lines and prices…). */
    cause: text("cause"),
    /** The cause a person accepted when closing it: the same cause again does not reopen it. */
    acceptedCause: text("accepted_cause"),
    dueAt: timestamp("due_at", { withTimezone: true, mode: "date" }).notNull(),
    /** When the breach job saw it past due (once per breach: a reopen starts a new due time). */
    breachedAt: timestamp("breached_at", { withTimezone: true, mode: "date" }),
    assigneeId: uuid("assignee_id").references(() => users.id),
    openedBy: text("opened_by").notNull(),
    resolvedBy: text("resolved_by"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
    /** The action chosen (`release`, `approve`, `cause_gone`, `dismissed`…) and its note or reason. */
    resolution: text("resolution"),
    resolutionNote: text("resolution_note"),
    reopenCount: integer("reopen_count").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index("exceptions_status_due_idx").on(t.status, t.dueAt),
    index("exceptions_order_idx").on(t.orderId),
    index("exceptions_customer_idx").on(t.customerId, t.status),
    index("exceptions_team_idx").on(t.team, t.status, t.dueAt),
    index("exceptions_assignee_idx").on(t.assigneeId, t.status),
    index("exceptions_created_idx").on(t.createdAt),
    index("exceptions_resolved_idx").on(t.resolvedAt),
  ],
);

/** An exception's history: every change and every note, with who and when. */
export const exceptionEvents = pgTable(
  "exception_events",
  {
    id: id(),
    exceptionId: uuid("exception_id")
      .notNull()
      .references(() => exceptions.id),
    type: exceptionEventTypeEnum("type").notNull(),
    actor: text("actor").notNull(),
    note: text("note"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("exception_events_exception_idx").on(t.exceptionId, t.createdAt)],
);

/** Hours to resolve per type and severity, as an admin set them (the rest: the defaults in constants.ts). */
export const exceptionSlas = pgTable(
  "exception_slas",
  {
    type: exceptionTypeEnum("type").notNull(),
    severity: exceptionSeverityEnum("severity").notNull(),
    hours: integer("hours").notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.type, t.severity] }), check("exception_slas_hours_positive", sql`${t.hours} > 0 and ${t.hours} <= 2160`)],
);

/** Countries we may not ship to and products that need an export check: orders touching them wait for compliance. */
export const restrictedItems = pgTable(
  "restricted_items",
  {
    id: id(),
    kind: text("kind", { enum: ["country", "product"] }).notNull(),
    /** A two-letter country code or a SKU. */
    value: text("value").notNull(),
    reason: text("reason").notNull(),
    createdBy: text("created_by").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("restricted_items_kind_value_uq").on(t.kind, t.value), check("restricted_items_kind", sql`${t.kind} in ('country', 'product')`)],
);
