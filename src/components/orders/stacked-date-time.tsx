"use client";

import { useSyncExternalStore } from "react";
import { formatDate, formatFullDateTime, formatTime, SERVER_LOCALE } from "~/lib/format-date";
import { cn } from "~/lib/utils";

const subscribe = () => () => {};
const useIsClient = () =>
  useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );

/**
 * A timestamp as date over time (for narrow table columns), in the user's locale and time zone.
 * Like DateTime in shell/money.tsx, the hydrating render uses en-US/UTC so server and client HTML agree.
 */
export function StackedDateTime({ value, className }: { value: string; className?: string }) {
  const isClient = useIsClient();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>{value}</span>;
  const where = isClient ? {} : { locale: SERVER_LOCALE, timeZone: "UTC" };
  const day = formatDate(date, where);
  const time = formatTime(date, where) + (isClient ? "" : " UTC");
  return (
    <time
      dateTime={date.toISOString()}
      title={isClient ? formatFullDateTime(date) : undefined}
      className={cn("grid leading-tight whitespace-nowrap tabular-nums", className)}
      suppressHydrationWarning
    >
      <span suppressHydrationWarning>{day}</span>
      <span className="text-xs text-muted-foreground" suppressHydrationWarning>
        {time}
      </span>
    </time>
  );
}
