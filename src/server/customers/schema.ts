import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, id, moneyMinor, timestamps, version } from "../db/columns";
import { ADDRESS_KINDS, DEMAND_CLASSES, SEGMENTS } from "./constants";

export const segmentEnum = pgEnum("customer_segment", SEGMENTS);
export const demandClassEnum = pgEnum("demand_class", DEMAND_CLASSES);
export const addressKindEnum = pgEnum("address_kind", ADDRESS_KINDS);

export const customers = pgTable(
  "customers",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    segment: segmentEnum("segment").notNull(),
    demandClass: demandClassEnum("demand_class").notNull().default("B"),
    currency: text("currency").notNull().default("USD"),
    creditLimit: moneyMinor("credit_limit").notNull().default(0),
    paymentTermsDays: integer("payment_terms_days").notNull().default(30),
    taxExempt: boolean("tax_exempt").notNull().default(false),
    /** Prepaid customers are invoiced when the order is submitted, not when it ships. */
    invoiceOnOrder: boolean("invoice_on_order").notNull().default(false),
    /** Freight terms "prepay and add": the shipment's freight cost is billed on its invoice. */
    billFreight: boolean("bill_freight").notNull().default(false),
    /** Kept by billing in its own transactions: what the customer's issued invoices still owe (for the credit check). */
    unpaidInvoices: moneyMinor("unpaid_invoices").notNull().default(0),
    /** Set by billing while an invoice is overdue beyond the admin's limit: new orders go on a credit hold. */
    overdueHold: text("overdue_hold"),
    email: text("email"),
    phone: text("phone"),
    archivedAt: archivedAt(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("customers_code_uq").on(t.code),
    index("customers_name_idx").on(sql`lower(${t.name})`),
    check("customers_credit_limit_nonneg", sql`${t.creditLimit} >= 0`),
    check("customers_terms_nonneg", sql`${t.paymentTermsDays} >= 0`),
  ],
);

export const customerAddresses = pgTable(
  "customer_addresses",
  {
    id: id(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    kind: addressKindEnum("kind").notNull(),
    line1: text("line1").notNull(),
    city: text("city").notNull(),
    region: text("region").notNull().default(""),
    postalCode: text("postal_code").notNull(),
    country: text("country").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("customer_addresses_kind_uq").on(t.customerId, t.kind)],
);
