import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Document numbers (orders, quotes, invoices, credit notes) are sequential per type and never reused:
 * the counter is bumped inside the document's own transaction, so a rollback gives the number back.
 */
export const documentSequences = pgTable("document_sequences", {
  type: text("type").primaryKey(),
  prefix: text("prefix").notNull(),
  nextValue: bigint("next_value", { mode: "number" }).notNull(),
});

/** Audit trail for records other than orders (customers, products, rules, keys): who, when, before/after. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    actor: text("actor").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("audit_events_entity_idx").on(t.entityType, t.entityId, t.createdAt)],
);
