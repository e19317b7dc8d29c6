"use client";

import { useSyncExternalStore } from "react";
import { formatMoney } from "~/lib/money";
import { cn } from "~/lib/utils";

/**
 * Locale-dependent formatting must not differ between the server's HTML and hydration, so the first
 * (hydrating) render uses a fixed locale ("en-US", UTC) and the client then re-renders in the user's
 * locale and time zone. Client-side navigations render in the user's locale straight away.
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

/** A point in time (ISO string or Date) as date and time in the user's locale and time zone. */
export function DateTime({
  value,
  dateStyle = "medium",
  timeStyle = "short",
  className,
}: {
  value: string | Date | null | undefined;
  dateStyle?: Intl.DateTimeFormatOptions["dateStyle"];
  /** `null` shows the date alone. */
  timeStyle?: Intl.DateTimeFormatOptions["timeStyle"] | null;
  className?: string;
}) {
  const isClient = useIsClient();
  if (value === null || value === undefined || value === "") return <Missing className={className} />;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>{String(value)}</span>;
  const format = (options: Intl.DateTimeFormatOptions, locale?: string) => new Intl.DateTimeFormat(locale, options).format(date);
  const shown: Intl.DateTimeFormatOptions = timeStyle === null ? { dateStyle } : { dateStyle, timeStyle };
  const text = isClient ? format(shown) : `${format({ ...shown, timeZone: "UTC" }, SERVER_LOCALE)} UTC`;
  const full = isClient ? format({ dateStyle: "full", timeStyle: "long" }) : undefined;
  return (
    <time dateTime={date.toISOString()} title={full} className={cn("tabular-nums whitespace-nowrap", className)} suppressHydrationWarning>
      {text}
    </time>
  );
}

/** A calendar date ("2026-11-21") in the user's locale; never shifted by time zones. */
export function DateOnly({
  value,
  dateStyle = "medium",
  className,
}: {
  value: string | null | undefined;
  dateStyle?: Intl.DateTimeFormatOptions["dateStyle"];
  className?: string;
}) {
  const isClient = useIsClient();
  if (!value) return <Missing className={className} />;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return <span className={className}>{value}</span>;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const text = new Intl.DateTimeFormat(isClient ? undefined : SERVER_LOCALE, { dateStyle, timeZone: "UTC" }).format(date);
  return (
    <time dateTime={`${y}-${m}-${d}`} className={cn("tabular-nums whitespace-nowrap", className)} suppressHydrationWarning>
      {text}
    </time>
  );
}

function Missing({ className }: { className?: string }) {
  return <span className={cn("text-muted-foreground", className)}>—</span>;
}
