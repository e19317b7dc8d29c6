"use client";

import { Clock } from "lucide-react";
import { useEffect, useState } from "react";
import { cn } from "~/lib/utils";
import { isActiveException } from "~/server/exceptions/constants";
import { slaText } from "./format";
import { formatDateTime } from "~/lib/format-date";

/** The current time, ticking every 30 s (null before hydration, so the server's HTML never disagrees). */
export function useNow(intervalMs = 30_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}

/** "2h 10m left" / "breached 35m ago" (red); closed exceptions show how they ended. */
export function SlaTimer({ dueAt, status, now, className }: { dueAt: string; status: string; now: number | null; className?: string }) {
  if (!isActiveException(status)) return <span className={cn("text-muted-foreground", className)}>—</span>;
  if (now === null) return <span className={cn("text-muted-foreground", className)}>…</span>;
  const sla = slaText(dueAt, now);
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap tabular-nums",
        sla.breached ? "font-medium text-destructive" : sla.soon ? "font-medium text-warning-soft-foreground" : "text-foreground",
        className,
      )}
      title={`Due ${formatDateTime(dueAt)}`}
    >
      <Clock className="size-3.5 shrink-0" aria-hidden />
      {sla.text}
    </span>
  );
}
