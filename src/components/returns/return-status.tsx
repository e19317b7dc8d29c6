import { Badge, type BadgeVariant } from "~/components/ui/badge";
import { cn } from "~/lib/utils";
import type { ReturnStatus } from "~/server/billing/constants";

/** A return's states as the desk says them; "requested" waits for a manager, "approved" for the warehouse. */
export const RETURN_STATUS_DISPLAY: Record<ReturnStatus, { label: string; variant: BadgeVariant; hint: string }> = {
  requested: { label: "Needs approval", variant: "warning", hint: "Worth more than returns are approved without a manager: a manager approves or rejects it." },
  approved: { label: "Approved", variant: "info", hint: "The customer may send the goods; the warehouse receives them." },
  received: { label: "Received", variant: "success", hint: "The goods are back and the credit note is issued." },
  rejected: { label: "Rejected", variant: "danger", hint: "A manager rejected it; nothing comes back." },
  canceled: { label: "Canceled", variant: "neutral", hint: "Canceled before the goods came back." },
};

export function ReturnStatusBadge({ status, className }: { status: ReturnStatus; className?: string }) {
  const shown = RETURN_STATUS_DISPLAY[status];
  return (
    <Badge variant={shown.variant} data-status={status} className={cn(status === "canceled" && "line-through decoration-1", className)}>
      {shown.label}
    </Badge>
  );
}
