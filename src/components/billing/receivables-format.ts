import type { AgingBucket } from "~/server/billing/constants";

/** Aging buckets as people name them (days past due). */
export const BUCKET_LABELS: Record<AgingBucket, string> = {
  current: "Current",
  "1-30": "1–30 days",
  "31-60": "31–60 days",
  "61-90": "61–90 days",
  "90+": "Over 90 days",
};

/** Short column headings; the long label is the title and the screen-reader text. */
export const BUCKET_SHORT: Record<AgingBucket, string> = {
  current: "Current",
  "1-30": "1–30",
  "31-60": "31–60",
  "61-90": "61–90",
  "90+": "> 90",
};

/** Older is warmer. */
export const BUCKET_COLORS: Record<AgingBucket, string> = {
  current: "oklch(0.64 0.13 160)",
  "1-30": "oklch(0.72 0.14 110)",
  "31-60": "oklch(0.76 0.15 75)",
  "61-90": "oklch(0.66 0.19 45)",
  "90+": "oklch(0.55 0.21 27)",
};

/** A calendar date written YYYY-MM-DD that exists (2026-02-30 does not). */
export function isIsoDate(value: string | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** `/customers/C-1/statement`, with the as-of date when it is not today. */
export function statementHref(customer: string, asOf?: string) {
  return `/customers/${encodeURIComponent(customer)}/statement${asOf ? `?asOf=${asOf}` : ""}`;
}
