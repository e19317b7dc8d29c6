"use client";

import { formatShortDate } from "~/lib/format-date";
import { cn } from "~/lib/utils";
import type { LineDetail } from "./use-line-details";

/** "Dec 5" (with the year when it is not this year), in the user's locale; promise dates are calendar dates. */
export function shortDate(isoDate: string): string {
  return formatShortDate(isoDate.slice(0, 10));
}

/**
 * Availability of one line: "12 in WEST · 40 total" when the stock is there (amber when it has to come
 * from more than one warehouse), "3 now · all by Dec 5" when it is not: the earliest date the full quantity
 * can be promised, from purchase orders and transfers on the way, else the vendor's lead time (the tooltip
 * says which).
 */
export function LineAvailabilityNote({ detail }: { detail: LineDetail }) {
  const a = detail.availability;
  if (!a) return <p className="mt-0.5 text-xs text-muted-foreground">Checking stock…</p>;
  const quantity = detail.quantity ?? 1;
  const tone = a.availableInBest >= quantity ? "ok" : a.availableTotal >= quantity ? "split" : "backorder";
  const dot = { ok: "bg-success", split: "bg-warning", backorder: "bg-destructive" }[tone];
  const text =
    tone === "backorder"
      ? `${a.availableTotal} now · all by ${shortDate(a.promiseDate)}`
      : `${a.availableInBest} in ${a.bestWarehouse ?? "—"} · ${a.availableTotal} total`;
  const title =
    tone === "split"
      ? `Not all ${quantity} in one warehouse: ships from more than one.`
      : tone === "backorder"
        ? `${a.availableTotal} available now of ${quantity}; the full quantity can be promised for ${a.promiseDate} (${a.promiseBasis === "inbound" ? "from stock on order" : "after the vendor's lead time"}). Submitting reserves what is available and backorders the rest.`
        : undefined;
  return (
    <p
      className={cn(
        "mt-0.5 flex items-center gap-1.5 text-xs tabular-nums",
        tone === "backorder" ? "text-warning-soft-foreground" : "text-muted-foreground",
      )}
      title={title}
      data-availability={tone}
    >
      <span aria-hidden="true" className={cn("size-1.5 shrink-0 rounded-full", dot)} />
      <span>{text}</span>
    </p>
  );
}
