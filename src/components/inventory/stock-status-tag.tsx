import { Badge, type BadgeVariant } from "~/components/ui/badge";
import { cn } from "~/lib/utils";
import type { StockStatus } from "~/server/inventory/stock-status";

const DISPLAY: Record<StockStatus, { label: string; short: string; variant: BadgeVariant; text: string; tag: string }> = {
  out: { label: "Out of stock", short: "Out", variant: "danger", text: "text-danger-soft-foreground", tag: "bg-danger-soft text-danger-soft-foreground" },
  low: { label: "At or below reorder point", short: "Low", variant: "warning", text: "text-warning-soft-foreground", tag: "bg-warning-soft text-warning-soft-foreground" },
  ok: { label: "In stock", short: "OK", variant: "success", text: "", tag: "" },
  overstock: { label: "Overstock", short: "Over", variant: "info", text: "text-info-soft-foreground", tag: "bg-info-soft text-info-soft-foreground" },
};

export function stockStatusLabel(status: StockStatus): string {
  return DISPLAY[status].label;
}

/** The number's color for a status (always shown with the status in words, never by color alone). */
export function stockStatusTextClass(status: StockStatus): string {
  return DISPLAY[status].text;
}

/** A status in words: a small tag in the grid ("Low"), a badge elsewhere ("Low stock"). */
export function StockStatusTag({ status, compact = false, className }: { status: StockStatus; compact?: boolean; className?: string }) {
  const display = DISPLAY[status];
  if (compact) {
    if (status === "ok") return null;
    return (
      <span
        className={cn("rounded px-1 text-[10px] leading-4 font-semibold tracking-wide uppercase", display.tag, className)}
        title={display.label}
      >
        {display.short}
      </span>
    );
  }
  return (
    <Badge variant={display.variant} className={className}>
      {display.label}
    </Badge>
  );
}
