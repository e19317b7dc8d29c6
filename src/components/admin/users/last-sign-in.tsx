"use client";

import { useEffect, useState } from "react";
import { DateTime, useIsClient } from "~/components/shell/money";
import { formatDate, formatFullDateTime } from "~/lib/format-date";
import { recentlyText } from "./format";

/**
 * When a user last signed in: "12 minutes ago" within the week (the date and time on hover), the date before that,
 * "Never" when they have not. Short, so the users table keeps its actions in view on a 1024 px screen.
 */
export function LastSignIn({ value }: { value: string | Date | null }) {
  const isClient = useIsClient();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!value) return <span className="text-muted-foreground">Never</span>;
  const at = value instanceof Date ? value : new Date(value);
  // The server's render (and hydration) shows the fixed-locale date; the relative words need the user's clock.
  if (!isClient) return <DateTime value={at} timeStyle={null} />;
  const recent = recentlyText(at, now);
  return (
    <time dateTime={at.toISOString()} title={formatFullDateTime(at)} className="whitespace-nowrap">
      {recent ?? formatDate(at)}
    </time>
  );
}
