import { Badge } from "~/components/ui/badge";
import { cn } from "~/lib/utils";
import type { TInvoiceSummary } from "~/server/billing/schemas";
import { daysLabel, INVOICE_STATUS_DISPLAY } from "./invoice-labels";

/** An invoice's status; an open invoice past its due date reads "Overdue · N days" (its paid part beside it). */
export function InvoiceStatusBadge({ invoice, className }: { invoice: Pick<TInvoiceSummary, "status" | "overdue" | "daysOverdue">; className?: string }) {
  const display = INVOICE_STATUS_DISPLAY[invoice.status];
  if (invoice.overdue) {
    return (
      <span className={cn("inline-flex flex-wrap items-center gap-1", className)}>
        <Badge variant="danger" data-status="overdue">
          Overdue · {daysLabel(invoice.daysOverdue)}
        </Badge>
        {invoice.status === "partially_paid" && (
          <Badge variant="warning" data-status={invoice.status}>
            {display.label}
          </Badge>
        )}
      </span>
    );
  }
  return (
    <Badge variant={display.variant} data-status={invoice.status} className={cn(invoice.status === "void" && "line-through decoration-1", className)}>
      {display.label}
    </Badge>
  );
}
