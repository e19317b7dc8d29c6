/**
 * Sales tax exemption certificates, pure: which certificate covers a ship-to on a day, and how close one is to
 * expiring. Pricing (server) and order entry and the customer page (browser) read them the same way.
 */

/** The regions a certificate may name: a US state (with DC and the territories that issue them), or ALL. */
export const US_REGIONS = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
  "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
  "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
] as const;
/** `region` of a certificate valid in every region of its country. */
export const ALL_REGIONS = "ALL";
/** Order entry warns this many days before the certificate for the ship-to state expires. */
export const EXPIRY_WARNING_DAYS = 30;

export type TaxExemption = {
  certificateNumber: string;
  country: string;
  /** A state code, or ALL_REGIONS. */
  region: string;
  issuedOn: string;
  /** Null: no end date. */
  expiresOn: string | null;
};

const norm = (s: string | null | undefined) => (s ?? "").trim().toUpperCase();

export const regionLabel = (e: Pick<TaxExemption, "country" | "region">) => (e.region === ALL_REGIONS ? `all of ${e.country}` : e.region);

/** Whether the certificate names the ship-to's region (or its whole country), whatever its dates. */
export function covers(e: Pick<TaxExemption, "country" | "region">, shipTo: { country: string; region: string } | null): boolean {
  if (!shipTo || norm(e.country) !== norm(shipTo.country)) return false;
  return e.region === ALL_REGIONS || norm(e.region) === norm(shipTo.region);
}

/** Valid on `day` (YYYY-MM-DD): issued on or before it, and expiring on or after it (the expiry day still counts). */
export const isValidOn = (e: Pick<TaxExemption, "issuedOn" | "expiresOn">, day: string) => e.issuedOn <= day && (e.expiresOn === null || day <= e.expiresOn);

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type ExemptionStatus =
  | { kind: "valid"; daysLeft: number | null }
  | { kind: "expiring"; daysLeft: number }
  | { kind: "expired"; daysAgo: number }
  | { kind: "not_yet_valid"; daysUntil: number };

/** How a certificate stands on `day`: "expiring" when it ends within EXPIRY_WARNING_DAYS (0 = ends today). */
export function exemptionStatus(e: Pick<TaxExemption, "issuedOn" | "expiresOn">, day: string): ExemptionStatus {
  if (day < e.issuedOn) return { kind: "not_yet_valid", daysUntil: daysBetween(day, e.issuedOn) };
  if (e.expiresOn === null) return { kind: "valid", daysLeft: null };
  const daysLeft = daysBetween(day, e.expiresOn);
  if (daysLeft < 0) return { kind: "expired", daysAgo: -daysLeft };
  return daysLeft <= EXPIRY_WARNING_DAYS ? { kind: "expiring", daysLeft } : { kind: "valid", daysLeft };
}

/**
 * What decides the tax of an order shipped to `shipTo` on `day`: a valid certificate covering it (the one valid
 * longest), else the covering one that expired last (tax is charged, and the explanation says why), else none.
 */
export function exemptionFor<T extends TaxExemption>(
  exemptions: readonly T[],
  shipTo: { country: string; region: string } | null,
  day: string,
): { valid: T; expired: null } | { valid: null; expired: T | null } {
  const covering = exemptions.filter((e) => covers(e, shipTo));
  const valid = covering.filter((e) => isValidOn(e, day)).sort((a, b) => (b.expiresOn ?? "9999").localeCompare(a.expiresOn ?? "9999"))[0];
  if (valid) return { valid, expired: null };
  const expired = covering.filter((e) => e.expiresOn !== null && e.expiresOn < day).sort((a, b) => b.expiresOn!.localeCompare(a.expiresOn!))[0];
  return { valid: null, expired: expired ?? null };
}

/**
 * Order entry's warning for the ship-to: the certificate that covers it has expired (tax will be charged) or
 * expires within EXPIRY_WARNING_DAYS. Null when no certificate covers it or the one that does is good for longer.
 */
export function exemptionWarning(exemptions: readonly TaxExemption[], shipTo: { country: string; region: string } | null, day: string): string | null {
  const { valid, expired } = exemptionFor(exemptions, shipTo, day);
  if (valid) {
    const status = exemptionStatus(valid, day);
    if (status.kind !== "expiring") return null;
    const when = status.daysLeft === 0 ? "today" : `in ${status.daysLeft} day${status.daysLeft === 1 ? "" : "s"} (${valid.expiresOn})`;
    return `Exemption certificate ${valid.certificateNumber} for ${regionLabel(valid)} expires ${when}: ask the customer for a renewed one.`;
  }
  if (expired) return `Exemption certificate ${expired.certificateNumber} for ${regionLabel(expired)} expired on ${expired.expiresOn}: this order is taxed.`;
  return null;
}
