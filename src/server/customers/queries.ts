import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { customerAddresses, customers } from "./schema";
import type { TAddress, TCustomer } from "./schemas";

type CustomerRow = typeof customers.$inferSelect;
type AddressRow = typeof customerAddresses.$inferSelect;

const toAddress = (row: AddressRow | undefined): TAddress | null =>
  row ? { line1: row.line1, city: row.city, region: row.region, postalCode: row.postalCode, country: row.country } : null;

export function toCustomerDto(row: CustomerRow, addresses: AddressRow[]): TCustomer {
  return {
    code: row.code,
    name: row.name,
    segment: row.segment,
    demandClass: row.demandClass,
    currency: row.currency,
    creditLimit: row.creditLimit,
    paymentTermsDays: row.paymentTermsDays,
    taxExempt: row.taxExempt,
    invoiceOnOrder: row.invoiceOnOrder,
    billFreight: row.billFreight,
    email: row.email,
    phone: row.phone,
    billingAddress: toAddress(addresses.find((a) => a.kind === "billing")),
    shippingAddress: toAddress(addresses.find((a) => a.kind === "shipping")),
    isArchived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Loads customers with their addresses in two queries, whatever the page size. */
export async function withAddresses(db: DbOrTx, rows: CustomerRow[]): Promise<TCustomer[]> {
  if (rows.length === 0) return [];
  const addresses = await db
    .select()
    .from(customerAddresses)
    .where(inArray(customerAddresses.customerId, rows.map((r) => r.id)));
  return rows.map((row) => toCustomerDto(row, addresses.filter((a) => a.customerId === row.id)));
}

export async function findCustomerByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(customers).where(eq(customers.code, code)).limit(1);
  return row;
}
