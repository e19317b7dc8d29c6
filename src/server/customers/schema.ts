import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, id, moneyMinor, timestamps, version } from "../db/columns";
import { customerSegments } from "../settings/schema";
import { ADDRESS_KINDS, DEMAND_CLASSES } from "./constants";

export const demandClassEnum = pgEnum("demand_class", DEMAND_CLASSES);
export const addressKindEnum = pgEnum("address_kind", ADDRESS_KINDS);

export const customers = pgTable(
  "customers",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    segment: text("segment")
      .notNull()
      .references(() => customerSegments.code),
    demandClass: demandClassEnum("demand_class").notNull().default("B"),
    currency: text("currency").notNull().default("USD"),
    creditLimit: moneyMinor("credit_limit").notNull().default(0),
    paymentTermsDays: integer("payment_terms_days").notNull().default(30),
    /** Prepaid customers are invoiced when the order is submitted, not when it ships. */
    invoiceOnOrder: boolean("invoice_on_order").notNull().default(false),
    /** Freight terms "prepay and add": the shipment's freight cost is billed on its invoice. */
    billFreight: boolean("bill_freight").notNull().default(false),
    /** Kept by billing in its own transactions: what the customer's issued invoices still owe (for the credit check). */
    unpaidInvoices: moneyMinor("unpaid_invoices").notNull().default(0),
    /** Set by billing while an invoice is overdue beyond the admin's limit: new orders go on a credit hold. */
    overdueHold: text("overdue_hold"),
    email: text("email"),
    /** Where invoices and payment reminders go (accounts payable); null: the main e-mail. */
    billingEmail: text("billing_email"),
    phone: text("phone"),
    archivedAt: archivedAt(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("customers_code_uq").on(t.code),
    index("customers_name_idx").on(sql`lower(${t.name})`),
    // The order list's sort by customer (orders/list-orders.ts): names compare in the "C" collation there.
    index("customers_name_c_idx").on(sql`(lower(${t.name}) collate "C")`),
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

/**
 * Sales tax exemption certificates on file (resale, government, non-profit): one row per certificate, so a
 * customer may hold one for several states. Pricing exempts a line only while a certificate covers the ship-to
 * region on the order's date. `region` is a state code, or "ALL" for every region of the country.
 */
export const customerTaxExemptions = pgTable(
  "customer_tax_exemptions",
  {
    id: id(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    certificateNumber: text("certificate_number").notNull(),
    country: text("country").notNull().default("US"),
    region: text("region").notNull(),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    /** Null: the certificate does not expire (some states issue them without an end date). */
    expiresOn: date("expires_on", { mode: "string" }),
    createdBy: text("created_by").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("customer_tax_exemptions_number_uq").on(t.customerId, t.certificateNumber, t.region),
    index("customer_tax_exemptions_customer_idx").on(t.customerId),
    check("customer_tax_exemptions_region", sql`${t.region} ~ '^([A-Z]{2}|ALL)$'`),
    check("customer_tax_exemptions_dates", sql`${t.expiresOn} is null or ${t.expiresOn} >= ${t.issuedOn}`),
  ],
);
