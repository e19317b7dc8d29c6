"use client";

import { useSyncExternalStore } from "react";
import { cn } from "~/lib/utils";

/**
 * Compact dates for the plan's narrow cells ("Mar 3, 2:15 PM", "Mar 12"), the year only when it is not this
 * year's. Like shell/money's DateTime: the hydrating render uses en-US in UTC, the client then re-renders in the
 * user's locale and time zone.
 */
const subscribe = () => () => {};
function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

const SERVER_LOCALE = "en-US";

/** A point in time, short: "Mar 3, 2:15 PM" (date and time each kept whole, so narrow cells break between them). */
export function PlanTime({ value, className }: { value: string; className?: string }) {
  const isClient = useIsClient();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>{value}</span>;
  const sameYear = date.getFullYear() === new Date().getFullYear();
  const locale = isClient ? undefined : SERVER_LOCALE;
  const zone = isClient ? {} : { timeZone: "UTC" };
  const day = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", year: sameYear ? undefined : "numeric", ...zone }).format(date);
  const time = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", ...zone }).format(date);
  const full = isClient ? new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" }).format(date) : undefined;
  return (
    <time dateTime={date.toISOString()} title={full} className={cn("tabular-nums", className)} suppressHydrationWarning>
      <span className="whitespace-nowrap">{day},</span> <span className="whitespace-nowrap">{time}</span>
    </time>
  );
}

/** "Mar 12" for a calendar date (YYYY-MM-DD), never shifted by time zones; with the year when it is not this year's. */
export function formatShortDate(isoDate: string, locale?: string, thisYear = new Date().getFullYear()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const sameYear = date.getUTCFullYear() === thisYear;
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", year: sameYear ? undefined : "numeric", timeZone: "UTC" }).format(date);
}

/** A calendar date, short ("Mar 12"). */
export function ShortDate({ value, className }: { value: string; className?: string }) {
  const isClient = useIsClient();
  return (
    <time dateTime={value.slice(0, 10)} className={cn("tabular-nums whitespace-nowrap", className)} suppressHydrationWarning>
      {formatShortDate(value, isClient ? undefined : SERVER_LOCALE)}
    </time>
  );
}

/** A function formatting calendar dates as ShortDate does, for text (titles, sentences). */
export function useShortDate(): (isoDate: string) => string {
  const isClient = useIsClient();
  return (isoDate) => formatShortDate(isoDate, isClient ? undefined : SERVER_LOCALE);
}
