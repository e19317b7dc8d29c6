"use client";

import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime, formatFullDateTime, SERVER_LOCALE } from "~/lib/format-date";
import { formatMoney } from "~/lib/money";
import { cn } from "~/lib/utils";

/**
 * Locale-dependent formatting must not differ between the server's HTML and hydration, so the first
 * (hydrating) render uses a fixed locale ("en-US", UTC) and the client then re-renders in the user's
 * locale and time zone. Client-side navigations render in the user's locale straight away.
 */
const subscribe = () => () => {};
/** False while hydrating (the server's render), true after: locale and time-zone formatting waits for it. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}


/** An amount in minor units (cents) with its currency, in the user's locale, as tabular figures. */
export function Money({
  amount,
  currency = "USD",
  className,
}: {
  amount: number | null | undefined;
  currency?: string;
  className?: string;
}) {
  const isClient = useIsClient();
  const base = cn("inline-block text-right tabular-nums whitespace-nowrap", className);
  if (amount === null || amount === undefined) {
    return (
      <span data-slot="money" className={cn(base, "text-muted-foreground")}>
        —
      </span>
    );
  }
  return (
    <span data-slot="money" data-amount={amount} data-currency={currency} className={base} suppressHydrationWarning>
      {formatMoney(amount, currency, isClient ? undefined : SERVER_LOCALE)}
    </span>
  );
}

/** A point in time (ISO string or Date) as date and time ("Dec 4, 2026, 2:15 PM") in the user's locale and time zone. */
export function DateTime({
  value,
  timeStyle = "short",
  className,
}: {
  value: string | Date | null | undefined;
  /** `null` shows the date alone. */
  timeStyle?: "short" | null;
  className?: string;
}) {
  const isClient = useIsClient();
  if (value === null || value === undefined || value === "") return <Missing className={className} />;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>{String(value)}</span>;
  const where = isClient ? {} : { locale: SERVER_LOCALE, timeZone: "UTC" };
  const shown = timeStyle === null ? formatDate(date, where) : formatDateTime(date, where);
  const text = isClient ? shown : `${shown} UTC`;
  const full = isClient ? formatFullDateTime(date) : undefined;
  return (
    <time dateTime={date.toISOString()} title={full} className={cn("tabular-nums whitespace-nowrap", className)} suppressHydrationWarning>
      {text}
    </time>
  );
}

/** A calendar date ("2026-11-21") as "Nov 21, 2026" in the user's locale; never shifted by time zones. */
export function DateOnly({ value, className }: { value: string | null | undefined; className?: string }) {
  const isClient = useIsClient();
  if (!value) return <Missing className={className} />;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return <span className={className}>{value}</span>;
  const day = match[0];
  return (
    <time dateTime={day} className={cn("tabular-nums whitespace-nowrap", className)} suppressHydrationWarning>
      {formatDate(day, { locale: isClient ? undefined : SERVER_LOCALE })}
    </time>
  );
}

function Missing({ className }: { className?: string }) {
  return <span className={cn("text-muted-foreground", className)}>—</span>;
}
