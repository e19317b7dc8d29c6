export type Validity = "scheduled" | "active" | "expired";

/** Where a rule stands on `today` (YYYY-MM-DD, company time zone); both dates are inclusive. */
export function validityOf(validFrom: string | null | undefined, validTo: string | null | undefined, today: string): Validity {
  if (validFrom && validFrom > today) return "scheduled";
  if (validTo && validTo < today) return "expired";
  return "active";
}
