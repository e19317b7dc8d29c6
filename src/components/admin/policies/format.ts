import type { Duration } from "~/server/fulfillment/policies/policy";

/** "8 h", "1 business day", "2.5 business days". */
export function durationText(duration: Duration): string {
  const amount = Number.isInteger(duration.amount) ? String(duration.amount) : String(Math.round(duration.amount * 100) / 100);
  if (duration.unit === "hours") return `${amount} h`;
  return `${amount} business day${duration.amount === 1 ? "" : "s"}`;
}

/** Parses what an admin typed as a duration amount: a number of 0 or more (decimals allowed), else null. */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Moves the keyboard focus once React has rendered the change (after a row moved, was added or removed). */
export function focusSoon(id: string, fallbackId?: string) {
  setTimeout(() => {
    const element = document.getElementById(id);
    if (element && !(element instanceof HTMLButtonElement && element.disabled)) element.focus();
    else if (fallbackId) document.getElementById(fallbackId)?.focus();
  }, 0);
}
