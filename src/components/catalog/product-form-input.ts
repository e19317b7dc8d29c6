import { parseMoney, toDecimalString } from "~/lib/money";
import type { TCreateProductInput, TProduct, TUpdateProductInput } from "~/server/catalog/schemas";

/** What the product form holds, as typed (prices in the currency, weight in kg). */
export type ProductFormValues = {
  sku: string;
  name: string;
  category: string;
  unit: string;
  currency: string;
  listPrice: string;
  cost: string;
  weightKg: string;
  taxCategory: string;
  leadTimeDays: string;
  packSize: string;
};

type Result<T> = { ok: true; input: T } | { ok: false; errors: Record<string, string> };

const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

export function productFormValues(product: TProduct | undefined, defaults: { unit: string; taxCategory: string }): ProductFormValues {
  return {
    sku: product?.sku ?? "",
    name: product?.name ?? "",
    category: product?.category ?? "",
    unit: product?.unit ?? defaults.unit,
    currency: product?.currency ?? "USD",
    listPrice: product ? toDecimalString(product.listPrice, product.currency) : "",
    cost: product ? toDecimalString(product.cost, product.currency) : "",
    weightKg: product ? String(product.weightGrams / 1000) : "",
    taxCategory: product?.taxCategory ?? defaults.taxCategory,
    leadTimeDays: String(product?.leadTimeDays ?? 14),
    packSize: String(product?.packSize ?? 1),
  };
}

/** Checks and converts what both a new product and an edit carry; errors keyed as the server names the fields. */
function fieldsOf(values: ProductFormValues, currency: string) {
  const errors: Record<string, string> = {};
  const name = values.name.trim();
  if (!name) errors.name = "Name is required";
  const category = values.category.trim();
  if (!category) errors.category = "Category is required";
  const money = (field: "listPrice" | "cost", label: string) => {
    try {
      const amount = parseMoney(values[field].replace(/[,\s]/g, ""), currency);
      if (amount < 0) errors[field] = `${label} cannot be negative`;
      return amount;
    } catch {
      errors[field] = `${label}: an amount in ${currency}, e.g. 12.50`;
      return 0;
    }
  };
  const whole = (field: "leadTimeDays" | "packSize", min: number, max: number, message: string) => {
    const n = Number(values[field].trim());
    if (values[field].trim() === "" || !Number.isInteger(n) || n < min || n > max) errors[field] = message;
    return n;
  };
  const kg = values.weightKg.trim() === "" ? 0 : Number(values.weightKg.trim());
  if (!Number.isFinite(kg) || kg < 0 || kg > 10_000) errors.weightGrams = "Kilograms from 0 to 10,000";
  const fields = {
    name,
    category,
    unit: values.unit,
    listPrice: money("listPrice", "List price"),
    cost: money("cost", "Cost"),
    weightGrams: Math.round(kg * 1000),
    taxCategory: values.taxCategory,
    leadTimeDays: whole("leadTimeDays", 0, 365, "Whole days from 0 to 365"),
    packSize: whole("packSize", 1, 10_000, "A whole number from 1"),
  };
  return { fields, errors };
}

export function toCreateProductInput(values: ProductFormValues): Result<TCreateProductInput> {
  const currency = values.currency.trim().toUpperCase();
  const { fields, errors } = fieldsOf(values, /^[A-Z]{3}$/.test(currency) ? currency : "USD");
  const sku = values.sku.trim();
  if (!sku) errors.sku = "SKU is required";
  else if (!SKU.test(sku)) errors.sku = "Letters, digits, '.', '_', '/' and '-'";
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = "Three letters, e.g. USD";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { ...fields, sku, currency } };
}

export function toUpdateProductInput(values: ProductFormValues, product: Pick<TProduct, "sku" | "currency" | "version">): Result<TUpdateProductInput> {
  const { fields, errors } = fieldsOf(values, product.currency);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { ...fields, sku: product.sku, version: product.version } };
}
