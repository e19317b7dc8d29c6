import Link from "next/link";
import { DateOnly, DateTime } from "~/components/shell/money";
import { Badge, type BadgeVariant } from "~/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, WIDE_ONLY } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { TransferStatus } from "~/server/inventory/constants";
import type { TTransfer } from "~/server/inventory/transfer-schemas";
import { TransferActions } from "./transfer-actions";

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  in_transit: "In transit",
  partially_received: "Partly received",
  received: "Received",
  canceled: "Canceled",
};
const VARIANTS: Record<TransferStatus, BadgeVariant> = { in_transit: "info", partially_received: "warning", received: "success", canceled: "neutral" };
/** Lines shown in a row; the rest are counted. */
const SHOWN_LINES = 3;

export function TransferStatusBadge({ status }: { status: TransferStatus }) {
  return (
    <Badge variant={VARIANTS[status]} data-status={status} className={cn(status === "canceled" && "line-through decoration-1")}>
      {TRANSFER_STATUS_LABELS[status]}
    </Badge>
  );
}

/**
 * Shown from 1280 px on: below it the product names (the SKU's title still says them), the total quantity (each
 * SKU's line says its own) and the shipping date give way, so Received and its buttons fit 1024 px.
 */

/** Transfers as rows; in-transit ones offer Receive / Cancel (in the Received column) to those who may move stock. */
export function TransfersTable({ items, canTransfer }: { items: TTransfer[]; canTransfer: boolean }) {
  return (
    <div className="rounded-lg border bg-background">
      <Table aria-label="Transfers">
        <TableHeader>
          <TableRow>
            <TableHead>Number</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>SKUs</TableHead>
            <TableHead>Route</TableHead>
            <TableHead numeric className={WIDE_ONLY}>
              Quantity
            </TableHead>
            <TableHead>Expected</TableHead>
            <TableHead className={WIDE_ONLY}>Shipped</TableHead>
            {/* In transit, the same column offers Receive / Cancel. It stays in view when narrow screens scroll the table sideways. */}
            <TableHead className="sticky right-0 bg-background shadow-[inset_0_0_0_999px_color-mix(in_oklab,var(--color-muted)_50%,transparent)]">
              Received
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((t) => (
            <TableRow key={t.number} data-overdue={t.isOverdue || undefined} className={cn(t.isOverdue && "bg-danger-soft/40")}>
              <TableCell className="font-mono text-xs font-medium whitespace-nowrap">{t.number}</TableCell>
              <TableCell>
                {/* An overdue transfer's two badges stack rather than widen the column. */}
                <span className="flex flex-wrap items-center gap-1 whitespace-nowrap">
                  <TransferStatusBadge status={t.status} />
                  {t.isOverdue && <Badge variant="danger">Overdue</Badge>}
                </span>
              </TableCell>
              <TableCell className="text-xs">
                <ul className="grid gap-0.5">
                  {t.lines.slice(0, SHOWN_LINES).map((l) => (
                    <li key={l.sku} className="flex max-w-72 items-baseline gap-1.5 whitespace-nowrap" title={`${l.productName}: ${l.received} of ${l.quantity} received`}>
                      <Link href={`/inventory/${encodeURIComponent(l.sku)}`} className="font-mono text-primary hover:underline">
                        {l.sku}
                      </Link>
                      <span className="tabular-nums text-muted-foreground">
                        × {t.status === "partially_received" ? `${l.received}/${l.quantity}` : l.quantity}
                      </span>
                      <span className="hidden truncate text-muted-foreground xl:inline">{l.productName}</span>
                    </li>
                  ))}
                  {t.lines.length > SHOWN_LINES && <li className="text-muted-foreground">+{t.lines.length - SHOWN_LINES} more</li>}
                </ul>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {t.from} <span aria-label="to">→</span> {t.to}
              </TableCell>
              <TableCell numeric className={WIDE_ONLY}>
                {t.status === "partially_received" ? (
                  <span title={`${t.received} received, ${t.inTransit} in transit`}>
                    {t.received}/{t.quantity}
                  </span>
                ) : (
                  t.quantity
                )}
              </TableCell>
              <TableCell>
                <DateOnly value={t.expectedDate} />
              </TableCell>
              <TableCell className={cn("text-xs text-muted-foreground", WIDE_ONLY)}>
                <DateTime value={t.createdAt} />
                <div>{t.createdBy}</div>
              </TableCell>
              <TableCell className="sticky right-0 bg-background text-xs text-muted-foreground">
                {(t.status === "in_transit" || t.status === "partially_received") && canTransfer ? (
                  <>
                    {t.receivedAt && (
                      <div className="mb-1">
                        Partly <DateTime value={t.receivedAt} />
                      </div>
                    )}
                    <TransferActions transfer={t} />
                  </>
                ) : t.receivedAt ? (
                  <>
                    <DateTime value={t.receivedAt} />
                    <div>{t.receivedBy}</div>
                  </>
                ) : t.status === "canceled" ? (
                  <>
                    Canceled <DateTime value={t.updatedAt} />
                  </>
                ) : (
                  "—"
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
