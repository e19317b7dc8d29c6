import { minorUnits, parseMoney, toDecimalString } from "~/lib/money";
import { PAYMENT_METHODS, type PaymentMethod } from "~/server/billing/constants";

/** How a person names each way money arrives (or leaves, for a refund). */
export const METHOD_LABELS: Record<PaymentMethod, string> = {
  card: "Card",
  bank_transfer: "Bank transfer",
  cheque: "Cheque",
  cash_on_delivery: "Cash on delivery",
  other: "Other",
};

export const METHOD_OPTIONS = PAYMENT_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }));

export function isPaymentMethod(value: string): value is PaymentMethod {
  return (PAYMENT_METHODS as readonly string[]).includes(value);
}

/** "12.50" for USD, "1500" for JPY: the example an amount field shows and its errors quote. */
export const amountExample = (currency: string) => (minorUnits(currency) === 0 ? "1500" : "12.50");

/**
 * A typed amount ("1,234.50", "$ 99", "") in minor units: `null` for an empty field, or the message saying
 * what is wrong. Thousands separators and a leading currency sign are forgiven, nothing else is guessed.
 */
export function readAmount(text: string, currency: string): { amount: number | null } | { error: string } {
  const cleaned = text.replace(/[\s,]/g, "").replace(/^[$€£¥]/, "");
  if (cleaned === "") return { amount: null };
  try {
    const amount = parseMoney(cleaned, currency);
    if (amount < 0) return { error: "Cannot be negative" };
    return { amount };
  } catch {
    const digits = minorUnits(currency);
    return { error: digits === 0 ? `Enter a whole amount like ${amountExample(currency)}` : `Enter an amount like ${amountExample(currency)} (at most ${digits} decimals)` };
  }
}

/** Minor units as the text an amount field holds ("" for nothing). */
export const amountText = (amount: number | null | undefined, currency: string) => (amount ? toDecimalString(amount, currency) : "");

/**
 * Spreads an amount over open invoices in the order given (oldest due first): each takes what it still
 * owes until the money runs out. Returns the amount per invoice (0 where nothing is left) and the rest.
 */
export function spreadOldestFirst<T extends { balance: number }>(amount: number, invoices: readonly T[]): { amounts: number[]; rest: number } {
  let left = Math.max(0, amount);
  const amounts = invoices.map((invoice) => {
    const take = Math.min(left, Math.max(0, invoice.balance));
    left -= take;
    return take;
  });
  return { amounts, rest: left };
}

/** Open invoices as they should be paid: earliest due date first, then issue date, then number. */
export function oldestDueFirst<T extends { dueDate: string | null; issueDate: string | null; number: string | null }>(invoices: readonly T[]): T[] {
  const key = (v: string | null) => v ?? "9999-12-31";
  return [...invoices].sort((a, b) => key(a.dueDate).localeCompare(key(b.dueDate)) || key(a.issueDate).localeCompare(key(b.issueDate)) || (a.number ?? "").localeCompare(b.number ?? ""));
}

/** A payment's short name, as the journal prints it: "PAY-" and the first 8 characters of its id. */
export const paymentDocument = (id: string) => `PAY-${id.slice(0, 8)}`;

/** An empty amount field's hint: "0.00" ("0" for currencies without minor units). */
export const amountPlaceholder = (currency: string) => (minorUnits(currency) === 0 ? "0" : "0.00");
