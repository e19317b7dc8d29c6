import { Badge, type BadgeVariant } from "~/components/ui/badge";
import { cn } from "~/lib/utils";

/**
 * One table for every status the desk shows: order `status`, `fulfillmentStatus` and `billingStatus`,
 * shipment and pick-list statuses. Where value sets share a word (shipped, delivered, canceled, open,
 * completed) they mean the same thing, so a status string alone decides label and tone.
 */
export const STATUS_DISPLAY: Record<string, { label: string; variant: BadgeVariant }> = {
  // Order status
  draft: { label: "Draft", variant: "neutral" },
  submitted: { label: "Submitted", variant: "outline" },
  on_hold: { label: "On hold", variant: "warning" },
  open: { label: "Open", variant: "info" },
  completed: { label: "Completed", variant: "success" },
  canceled: { label: "Canceled", variant: "neutral" },
  // Fulfillment status (of an order; a shipment's shipped and delivered read the same)
  unfulfilled: { label: "Unfulfilled", variant: "neutral" },
  partially_shipped: { label: "Partially shipped", variant: "warning" },
  shipped: { label: "Shipped", variant: "info" },
  delivered: { label: "Delivered", variant: "success" },
  // Shipment status
  planned: { label: "Planned", variant: "outline" },
  picking: { label: "Picking", variant: "info" },
  picked: { label: "Picked", variant: "info" },
  packed: { label: "Packed", variant: "info" },
  delivery_failed: { label: "Delivery failed", variant: "danger" },
  // Billing status
  unbilled: { label: "Unbilled", variant: "neutral" },
  partially_invoiced: { label: "Partially invoiced", variant: "info" },
  invoiced: { label: "Invoiced", variant: "info" },
  paid: { label: "Paid", variant: "success" },
  overdue: { label: "Overdue", variant: "danger" },
};

/** "partially_shipped" → "Partially shipped"; unknown values are humanised rather than hidden. */
export function statusLabel(status: string): string {
  const known = STATUS_DISPLAY[status];
  if (known) return known.label;
  const words = status.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function statusVariant(status: string): BadgeVariant {
  return STATUS_DISPLAY[status]?.variant ?? "neutral";
}

export function StatusBadge({ status, className }: { status: string; className?: string }) {
  return (
    <Badge variant={statusVariant(status)} data-status={status} className={cn(status === "canceled" && "line-through decoration-1", className)}>
      {statusLabel(status)}
    </Badge>
  );
}
