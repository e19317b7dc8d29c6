"use client";

import { useIsClient } from "~/components/shell/money";
import { formatFullDateTime, formatShortDate, formatTime, SERVER_LOCALE } from "~/lib/format-date";
import { cn } from "~/lib/utils";

/**
 * Compact dates for the plan's narrow cells ("Mar 3, 2:15 PM", "Mar 12"), the year only when it is not this
 * year's. Like shell/money's DateTime: the hydrating render uses en-US in UTC, the client then re-renders in the
 * user's locale and time zone.
 */

/** A point in time, short: "Mar 3, 2:15 PM" (date and time each kept whole, so narrow cells break between them). */
export function PlanTime({ value, className }: { value: string; className?: string }) {
  const isClient = useIsClient();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>{value}</span>;
  const where = isClient ? {} : { locale: SERVER_LOCALE, timeZone: "UTC" };
  return (
    <time dateTime={date.toISOString()} title={isClient ? formatFullDateTime(date) : undefined} className={cn("tabular-nums", className)} suppressHydrationWarning>
      <span className="whitespace-nowrap">{formatShortDate(date, where)},</span> <span className="whitespace-nowrap">{formatTime(date, where)}</span>
    </time>
  );
}

/** A calendar date, short ("Mar 12"). */
export function ShortDate({ value, className }: { value: string; className?: string }) {
  const isClient = useIsClient();
  return (
    <time dateTime={value.slice(0, 10)} className={cn("tabular-nums whitespace-nowrap", className)} suppressHydrationWarning>
      {formatShortDate(value.slice(0, 10), { locale: isClient ? undefined : SERVER_LOCALE })}
    </time>
  );
}

/** A function formatting calendar dates as ShortDate does, for text (titles, sentences). */
export function useShortDate(): (isoDate: string) => string {
  const isClient = useIsClient();
  return (isoDate) => formatShortDate(isoDate.slice(0, 10), { locale: isClient ? undefined : SERVER_LOCALE });
}
