import { addressErrors, sameAddress, trimAddress, type AddressDraft } from "~/components/orders/address-fields";
import { parseMoney } from "~/lib/money";
import type { TCreateCustomerInput, TUpdateCustomerInput } from "~/server/customers/schemas";

/** What the customer form holds, as typed. */
export type CustomerFormValues = {
  code: string;
  name: string;
  segment: string;
  demandClass: "A" | "B" | "C";
  currency: string;
  creditLimit: string;
  paymentTermsDays: string;
  email: string;
  billingEmail: string;
  phone: string;
  billingAddress: AddressDraft;
  /** Ships where it is billed: the shipping address is the billing one. */
  shipsToBilling: boolean;
  shippingAddress: AddressDraft;
};

type Result<T> = { ok: true; input: T } | { ok: false; errors: Record<string, string> };

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// The server checks e-mails strictly (zod); this only catches the obvious slip before a round trip.
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks what every customer has (name, e-mails, addresses); errors keyed as the server names the fields. */
function detailsOf(values: CustomerFormValues) {
  const errors: Record<string, string> = {};
  const name = values.name.trim();
  if (!name) errors.name = "Name is required";
  const optional = (field: "email" | "billingEmail" | "phone") => values[field].trim() || null;
  for (const field of ["email", "billingEmail"] as const) {
    const email = optional(field);
    if (email && !LOOKS_LIKE_EMAIL.test(email)) errors[field] = "Not an e-mail address";
  }
  const billingAddress = trimAddress(values.billingAddress);
  const shippingAddress = values.shipsToBilling ? billingAddress : trimAddress(values.shippingAddress);
  Object.assign(errors, addressErrors(billingAddress, "billingAddress"), values.shipsToBilling ? {} : addressErrors(shippingAddress, "shippingAddress"));
  const details = {
    name,
    segment: values.segment,
    demandClass: values.demandClass,
    email: optional("email"),
    billingEmail: optional("billingEmail"),
    phone: optional("phone"),
    billingAddress,
    shippingAddress,
  };
  return { details, errors };
}

/** A new customer: its code and currency too, and the credit limit and terms where the user may set them. */
export function toCreateCustomerInput(values: CustomerFormValues, may: { setCredit: boolean; setTerms: boolean }): Result<TCreateCustomerInput> {
  const { details, errors } = detailsOf(values);
  const code = values.code.trim();
  if (!code) errors.code = "Code is required";
  else if (!CODE.test(code)) errors.code = "Letters, digits, '.', '_' and '-'";
  const currency = values.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = "Three letters, e.g. USD";
  let creditLimit = 0;
  if (may.setCredit && values.creditLimit.trim() !== "") {
    try {
      creditLimit = parseMoney(values.creditLimit.replace(/[,\s]/g, ""), currency);
      if (creditLimit < 0) errors.creditLimit = "Cannot be negative";
    } catch {
      errors.creditLimit = `An amount in ${currency || "the currency"}, e.g. 25000`;
    }
  }
  const terms = values.paymentTermsDays.trim();
  const paymentTermsDays = may.setTerms && terms !== "" ? Number(terms) : 30;
  if (!Number.isInteger(paymentTermsDays) || paymentTermsDays < 0 || paymentTermsDays > 365) errors.paymentTermsDays = "Whole days from 0 to 365";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { ...details, code, currency, creditLimit, paymentTermsDays, taxExempt: false } };
}

/** An edit of an existing customer, based on the version the form was opened with. */
export function toUpdateCustomerInput(values: CustomerFormValues, customer: { code: string; version: number }): Result<TUpdateCustomerInput> {
  const { details, errors } = detailsOf(values);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { ...details, code: customer.code, version: customer.version } };
}

/** Whether a customer's shipping address is its billing one (the form then shows one address). */
export const shipsWhereBilled = (billing: AddressDraft, shipping: AddressDraft | null) => shipping === null || sameAddress(trimAddress(billing), trimAddress(shipping));
