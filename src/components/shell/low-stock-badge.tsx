"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

/**
 * The sidebar's low-stock count beside "Inventory": stock levels at or below their reorder point. A link
 * of its own (the "Below reorder point" quick filter), so the Inventory link keeps its plain name. One small
 * aggregate query, cached for a minute and refreshed when stock changes (adjustments invalidate it).
 */
export function LowStockBadge({ onNavigate }: { onNavigate?: () => void }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.inventory.lowStockCount.queryOptions(undefined, { staleTime: 60_000, refetchInterval: 5 * 60_000 }));
  if (!data || data.count === 0) return null;
  const label = `${data.count.toLocaleString("en-US")} low-stock item${data.count === 1 ? "" : "s"}`;
  return (
    <Link
      href="/inventory?status=reorder"
      onClick={onNavigate}
      aria-label={label}
      title={`${label}: stock levels at or below their reorder point`}
      className={cn(
        "absolute top-1/2 right-1.5 -translate-y-1/2 rounded-full bg-warning-soft px-1.5 text-[11px] leading-5 font-semibold text-warning-soft-foreground tabular-nums outline-none",
        "hover:ring-1 hover:ring-warning/40 focus-visible:ring-[3px] focus-visible:ring-ring/70",
        // Icons-only sidebar: a small count on the icon's corner.
        "sidebar-compact:top-0 sidebar-compact:right-0 sidebar-compact:translate-y-0 sidebar-compact:px-1 sidebar-compact:text-[10px] sidebar-compact:leading-4",
      )}
    >
      {data.count > 999 ? "999+" : data.count}
    </Link>
  );
}
