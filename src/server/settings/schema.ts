import { pgTable, text } from "drizzle-orm/pg-core";
import { archivedAt, timestamps, version } from "../db/columns";

/**
 * Reference values admins keep (Admin → Settings): a code that records store and refer to (foreign keys
 * from customers, products, price lists, discount rules and tax rates), a name people read, and archived
 * (no longer offered for new records; the records that have it keep it). The migration seeds the values
 * that were fixed enums before.
 */
const referenceColumns = () => ({
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  archivedAt: archivedAt(),
  version: version(),
  ...timestamps,
});

export const customerSegments = pgTable("customer_segments", referenceColumns());
export const taxCategories = pgTable("tax_categories", referenceColumns());
export const units = pgTable("units", referenceColumns());

/** Other names for a unit, as other systems send them (UN/ECE Recommendation 20 codes in EDI: EA, KGM, …), stored upper case. */
export const unitAliases = pgTable("unit_aliases", {
  alias: text("alias").primaryKey(),
  unitCode: text("unit_code")
    .notNull()
    .references(() => units.code),
});
