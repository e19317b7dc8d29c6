import { bigint, bigserial, index, jsonb, pgSequence, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/**
 * Document numbers (sequences.ts): one PostgreSQL sequence per type that may leave a gap on rollback,
 * and a counter row per gapless type (invoices, credit notes).
 */
export const orderNumberSeq = pgSequence("order_number_seq", { startWith: 100001 });
export const quoteNumberSeq = pgSequence("quote_number_seq", { startWith: 500001 });
export const returnNumberSeq = pgSequence("return_number_seq", { startWith: 400001 });
export const purchaseOrderNumberSeq = pgSequence("purchase_order_number_seq", { startWith: 600001 });
export const shipmentNumberSeq = pgSequence("shipment_number_seq", { startWith: 700001 });
export const transferNumberSeq = pgSequence("transfer_number_seq", { startWith: 800001 });
export const pickListNumberSeq = pgSequence("pick_list_number_seq", { startWith: 900001 });

export const documentCounters = pgTable("document_counters", {
  type: text("type").primaryKey(),
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
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_entity_idx").on(t.entityType, t.entityId, t.createdAt)],
);
