import { asc, eq, inArray } from "drizzle-orm";
import { exemptionStatus, isValidOn, type TaxExemption } from "~/lib/tax-exemptions";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { customerAddresses, customers, customerTaxExemptions } from "./schema";
import type { TAddress, TCustomer, TTaxExemption } from "./schemas";

type CustomerRow = typeof customers.$inferSelect;
type AddressRow = typeof customerAddresses.$inferSelect;
type ExemptionRow = typeof customerTaxExemptions.$inferSelect;

export function toExemptionDto(row: ExemptionRow, today: string): TTaxExemption {
  const status = exemptionStatus(row, today);
  return {
    id: row.id,
    certificateNumber: row.certificateNumber,
    country: row.country,
    region: row.region,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    status: status.kind,
    days: status.kind === "expired" ? status.daysAgo : status.kind === "not_yet_valid" ? status.daysUntil : status.daysLeft,
    addedBy: row.createdBy,
    addedAt: row.createdAt.toISOString(),
  };
}

/** The customers' certificates, by customer id: what pricing takes (latest expiry first). */
export async function taxExemptionsOf(db: DbOrTx, customerIds: string[]): Promise<Map<string, (TaxExemption & { id: string })[]>> {
  const byCustomer = new Map<string, (TaxExemption & { id: string })[]>(customerIds.map((id) => [id, []]));
  for (const row of await taxExemptionRowsOf(db, customerIds)) byCustomer.get(row.customerId)?.push(row);
  return byCustomer;
}

/** Tax exemptions of customers by id, or of one customer by code (read alongside the customer itself). */
export async function taxExemptionRowsOf(db: DbOrTx, of: string[] | { code: string }): Promise<ExemptionRow[]> {
  if (Array.isArray(of) && of.length === 0) return [];
  return db
    .select()
    .from(customerTaxExemptions)
    .where(
      Array.isArray(of)
        ? inArray(customerTaxExemptions.customerId, of)
        : inArray(customerTaxExemptions.customerId, db.select({ id: customers.id }).from(customers).where(eq(customers.code, of.code))),
    )
    .orderBy(asc(customerTaxExemptions.region), asc(customerTaxExemptions.issuedOn), asc(customerTaxExemptions.certificateNumber));
}

const toAddress = (row: AddressRow | undefined): TAddress | null =>
  row ? { line1: row.line1, city: row.city, region: row.region, postalCode: row.postalCode, country: row.country } : null;

export function toCustomerDto(row: CustomerRow, addresses: AddressRow[], exemptions: ExemptionRow[]): TCustomer {
  const today = clock.today();
  return {
    code: row.code,
    name: row.name,
    segment: row.segment,
    demandClass: row.demandClass,
    currency: row.currency,
    creditLimit: row.creditLimit,
    paymentTermsDays: row.paymentTermsDays,
    taxExempt: exemptions.some((e) => isValidOn(e, today)),
    taxExemptions: exemptions.map((e) => toExemptionDto(e, today)),
    invoiceOnOrder: row.invoiceOnOrder,
    billFreight: row.billFreight,
    email: row.email,
    billingEmail: row.billingEmail,
    phone: row.phone,
    billingAddress: toAddress(addresses.find((a) => a.kind === "billing")),
    shippingAddress: toAddress(addresses.find((a) => a.kind === "shipping")),
    isArchived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/** Loads customers with their addresses and certificates in three queries, whatever the page size. */
export async function withAddresses(db: DbOrTx, rows: CustomerRow[]): Promise<TCustomer[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [addresses, exemptions] = await Promise.all([db.select().from(customerAddresses).where(inArray(customerAddresses.customerId, ids)), taxExemptionRowsOf(db, ids)]);
  return rows.map((row) =>
    toCustomerDto(
      row,
      addresses.filter((a) => a.customerId === row.id),
      exemptions.filter((e) => e.customerId === row.id),
    ),
  );
}

export async function findCustomerByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(customers).where(eq(customers.code, code)).limit(1);
  return row;
}
