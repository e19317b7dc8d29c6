import { inArray } from "drizzle-orm";
import { createCustomer, customers, ZCreateCustomerInput, type TCreateCustomerInput } from "../../customers";
import { cellReader } from "../cells";
import { rowErrors, type ImportKind } from "./kind";
import { createUnlessExists } from "./master-data";

const ADDRESS_FIELDS = ["line1", "city", "region", "postalCode", "country"] as const;
const addressColumns = (prefix: string) => ["line1", "city", "region", "postal_code", "country"].map((c) => `${prefix}_${c}`);

const COLUMN_OF: Record<string, string> = {
  code: "code",
  name: "name",
  segment: "segment",
  demandClass: "demand_class",
  currency: "currency",
  creditLimit: "credit_limit",
  paymentTermsDays: "payment_terms_days",
  taxExempt: "tax_exempt",
  invoiceOnOrder: "invoice_on_order",
  email: "email",
  billingEmail: "billing_email",
  phone: "phone",
  ...Object.fromEntries(ADDRESS_FIELDS.flatMap((f, i) => [[`billingAddress.${f}`, addressColumns("billing")[i]!], [`shippingAddress.${f}`, addressColumns("shipping")[i]!]])),
};

/** Customers through createCustomer (audited, as the customer form); a code that exists is skipped. */
export const customersKind: ImportKind<TCreateCustomerInput> = {
  kind: "customers",
  label: "Customers",
  summary: "One row per customer. A customer whose code exists already is skipped (left as it is).",
  permission: "customers.create",
  batchRows: 500,
  columns: [
    { name: "code", required: true, description: "Customer code", example: "C-20001" },
    { name: "name", required: true, description: "Name", example: "Harbor Supply Co." },
    { name: "segment", required: true, description: "Segment code (Admin → Settings)", example: "wholesale" },
    { name: "demand_class", description: "A, B or C (default B)", example: "B" },
    { name: "currency", description: "ISO code (default USD)", example: "USD" },
    { name: "credit_limit", description: "In the currency (default 0)", example: "25000.00" },
    { name: "payment_terms_days", description: "Days (default 30)", example: "30" },
    { name: "tax_exempt", description: "true records an ON-FILE certificate for the billing country", example: "false" },
    { name: "invoice_on_order", description: "true: prepaid, invoiced on submission", example: "false" },
    { name: "email", description: "Main e-mail", example: "orders@harbor.example" },
    { name: "billing_email", description: "Where invoices go (else the main e-mail)", example: "" },
    { name: "phone", description: "Phone", example: "" },
    { name: "billing_line1", required: true, description: "Billing street", example: "12 Dock Rd" },
    { name: "billing_city", required: true, description: "Billing city", example: "Portland" },
    { name: "billing_region", description: "Billing state or region", example: "ME" },
    { name: "billing_postal_code", required: true, description: "Billing postal code", example: "04101" },
    { name: "billing_country", required: true, description: "Two letters", example: "US" },
    { name: "shipping_line1", description: "Ship-to street (all shipping_ columns, or none: ships to the billing address)", example: "" },
    { name: "shipping_city", description: "Ship-to city", example: "" },
    { name: "shipping_region", description: "Ship-to state or region", example: "" },
    { name: "shipping_postal_code", description: "Ship-to postal code", example: "" },
    { name: "shipping_country", description: "Ship-to country", example: "" },
  ],

  parse(get) {
    const read = cellReader(get);
    const address = (prefix: string) => {
      const values = addressColumns(prefix).map((c) => read.text(c));
      return values.some((v) => v !== undefined) ? Object.fromEntries(ADDRESS_FIELDS.map((f, i) => [f, values[i] ?? ""])) : undefined;
    };
    const currency = read.text("currency")?.toUpperCase();
    const candidate = {
      code: read.text("code") ?? "",
      name: read.text("name") ?? "",
      segment: read.text("segment") ?? "",
      demandClass: read.text("demand_class")?.toUpperCase(),
      currency,
      creditLimit: read.money("credit_limit", currency && /^[A-Z]{3}$/.test(currency) ? currency : "USD"),
      paymentTermsDays: read.int("payment_terms_days"),
      taxExempt: read.bool("tax_exempt"),
      invoiceOnOrder: read.bool("invoice_on_order"),
      email: read.text("email"),
      billingEmail: read.text("billing_email"),
      phone: read.text("phone"),
      billingAddress: address("billing") ?? {},
      shippingAddress: address("shipping"),
    };
    const parsed = ZCreateCustomerInput.safeParse(candidate);
    const errors = rowErrors(read, parsed, (p) => COLUMN_OF[p] ?? p);
    if (errors.length > 0 || !parsed.success) return { ok: false, errors };
    return { ok: true, value: parsed.data, groupKey: parsed.data.code, uniqueKey: `customer ${parsed.data.code}`, refs: {} };
  },

  apply: (tx, { actor }, groups) =>
    createUnlessExists(
      tx,
      groups.map((g) => g.rows[0]!),
      {
        noun: "Customer",
        keyOf: (c) => c.code,
        existing: async (t, codes) => (await t.select({ code: customers.code }).from(customers).where(inArray(customers.code, codes))).map((r) => r.code),
        create: (sp, input) => createCustomer({ db: sp, actor, input }),
      },
    ),
};
