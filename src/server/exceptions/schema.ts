import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customers } from "../customers/schema";
import { id, timestamps } from "../db/columns";
import { orders } from "../orders/schema";
import { EXCEPTION_SEVERITIES, EXCEPTION_STATUSES, EXCEPTION_TYPES } from "./constants";

export const exceptionTypeEnum = pgEnum("exception_type", EXCEPTION_TYPES);
export const exceptionStatusEnum = pgEnum("exception_status", EXCEPTION_STATUSES);
export const exceptionSeverityEnum = pgEnum("exception_severity", EXCEPTION_SEVERITIES);

/** Everything that goes wrong lands here, in a queue a person owns, with a due time. */
export const exceptions = pgTable(
  "exceptions",
  {
    id: id(),
    type: exceptionTypeEnum("type").notNull(),
    severity: exceptionSeverityEnum("severity").notNull().default("medium"),
    status: exceptionStatusEnum("status").notNull().default("open"),
    orderId: uuid("order_id").references(() => orders.id),
    customerId: uuid("customer_id").references(() => customers.id),
    /** A human sentence: why it was opened. */
    reason: text("reason").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    dueAt: timestamp("due_at", { withTimezone: true, mode: "date" }).notNull(),
    assignee: text("assignee"),
    openedBy: text("opened_by").notNull(),
    resolvedBy: text("resolved_by"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
    resolution: text("resolution"),
    resolutionNote: text("resolution_note"),
    ...timestamps,
  },
  (t) => [
    index("exceptions_status_due_idx").on(t.status, t.dueAt),
    index("exceptions_order_idx").on(t.orderId),
    index("exceptions_customer_idx").on(t.customerId, t.status),
  ],
);
