/**
 * Money is an integer of minor units plus an ISO 4217 currency code. Never a float.
 * Rounding is half-up (away from zero for negatives) to the currency's minor unit.
 */
export type Money = { amount: number; currency: string };

const MINOR_UNITS: Record<string, number> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3 };

export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}

/** Rounds a fractional amount of minor units half-up (half away from zero). */
export function roundHalfUp(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value) + Number.EPSILON * Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}

/** Parses a decimal string ("19.99") into minor units, exactly, without float arithmetic. */
export function parseMoney(text: string, currency = "USD"): number {
  const match = /^\s*(-)?(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!match) throw new Error(`Not an amount: "${text}"`);
  const [, sign, whole, fraction = ""] = match;
  const digits = minorUnits(currency);
  if (fraction.length > digits) throw new Error(`Too many decimals for ${currency}: "${text}"`);
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return sign ? -minor : minor;
}

/** Formatters by locale and currency: building one costs far more than using it (tables show hundreds). */
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Formats minor units for display in the user's locale, e.g. 1999 USD → "$19.99". */
export function formatMoney(amount: number, currency = "USD", locale?: string): string {
  const digits = minorUnits(currency);
  const key = `${locale ?? ""}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, format);
  }
  return format.format(amount / 10 ** digits);
}

const compactFormats = new Map<string, Intl.NumberFormat>();

/**
 * A short label for chart axes and bars, in the currency's own minor units: 1234500 USD → "$12.3K",
 * 1234500 JPY → "¥1.2M". Not for amounts a person reads exactly (use formatMoney).
 */
export function formatMoneyCompact(amount: number, currency = "USD", locale?: string): string {
  const key = `${locale ?? ""}|${currency}`;
  let format = compactFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });
    compactFormats.set(key, format);
  }
  return format.format(amount / 10 ** minorUnits(currency));
}

/** Minor units as the plain decimal a person types, in the currency's own minor units: 1999 USD → "19.99", 500 JPY → "500". */
export function toDecimalString(amount: number, currency = "USD"): string {
  const digits = minorUnits(currency);
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  if (digits === 0) return `${sign}${abs}`;
  const whole = Math.floor(abs / 10 ** digits);
  return `${sign}${whole}.${String(abs % 10 ** digits).padStart(digits, "0")}`;
}
