import { Badge, type BadgeVariant } from "~/components/ui/badge";
import { cn } from "~/lib/utils";
import type { PurchaseOrderStatus } from "~/server/purchasing/constants";
import { PURCHASE_ORDER_STATUS_LABELS } from "~/server/purchasing/purchase-order-states";

const VARIANTS: Record<PurchaseOrderStatus, BadgeVariant> = {
  draft: "neutral",
  sent: "info",
  partially_received: "warning",
  received: "success",
  closed: "outline",
  canceled: "neutral",
};

/** A purchase order's status as a badge ("Partially received"). */
export function PurchaseOrderStatusBadge({ status, className }: { status: PurchaseOrderStatus; className?: string }) {
  return (
    <Badge variant={VARIANTS[status]} data-status={status} className={cn(status === "canceled" && "line-through decoration-1", className)}>
      {PURCHASE_ORDER_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Overdue: sent or partially received and the expected date has passed. */
export function OverdueBadge() {
  return <Badge variant="danger">Overdue</Badge>;
}
