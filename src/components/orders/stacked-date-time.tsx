"use client";

import { useSyncExternalStore } from "react";
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
  const locale = isClient ? undefined : "en-US";
  const timeZone = isClient ? undefined : "UTC";
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(date);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone }).format(date) + (isClient ? "" : " UTC");
  return (
    <time
      dateTime={date.toISOString()}
      title={isClient ? new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "long" }).format(date) : undefined}
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
