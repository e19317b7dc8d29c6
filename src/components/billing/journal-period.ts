import { addDays } from "~/lib/dates";
import { isIsoDate } from "./receivables-format";

export type Period = { from: string; to: string };

/** The calendar month a date falls in: its first and last day. */
export function monthOf(date: string): Period {
  const from = `${date.slice(0, 7)}-01`;
  const [y, m] = from.split("-").map(Number);
  const next = m === 12 ? `${y! + 1}-01-01` : `${y}-${String(m! + 1).padStart(2, "0")}-01`;
  return { from, to: addDays(next, -1) };
}

/** The shortcuts beside the period fields. */
export function periodShortcuts(today: string): { label: string; period: Period }[] {
  const thisMonth = monthOf(today);
  return [
    { label: "This month", period: thisMonth },
    { label: "Last month", period: monthOf(addDays(thisMonth.from, -1)) },
    { label: "Year to date", period: { from: `${today.slice(0, 4)}-01-01`, to: today } },
  ];
}

/** The period asked for in the URL, or this month; `error` says what was wrong with what was asked. */
export function readPeriod(from: string | undefined, to: string | undefined, today: string): Period & { error?: string } {
  const fallback = monthOf(today);
  if (!from && !to) return fallback;
  if (!isIsoDate(from) || !isIsoDate(to)) return { ...fallback, error: "From and To must be dates like 2026-03-01: showing this month." };
  if (from > to) return { ...fallback, error: "From must be on or before To: showing this month." };
  return { from, to };
}
