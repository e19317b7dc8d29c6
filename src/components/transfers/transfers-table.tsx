import Link from "next/link";
import { DateOnly, DateTime } from "~/components/shell/money";
import { Badge, type BadgeVariant } from "~/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { TransferStatus } from "~/server/inventory/constants";
import type { TTransfer } from "~/server/inventory/transfer-schemas";
import { TransferActions } from "./transfer-actions";

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = { in_transit: "In transit", received: "Received", canceled: "Canceled" };
const VARIANTS: Record<TransferStatus, BadgeVariant> = { in_transit: "info", received: "success", canceled: "neutral" };

export function TransferStatusBadge({ status }: { status: TransferStatus }) {
  return (
    <Badge variant={VARIANTS[status]} data-status={status} className={cn(status === "canceled" && "line-through decoration-1")}>
      {TRANSFER_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Transfers as rows; in-transit ones offer Receive / Cancel (in the Received column) to those who may move stock. */
export function TransfersTable({ items, canTransfer }: { items: TTransfer[]; canTransfer: boolean }) {
  return (
    <div className="rounded-lg border bg-background">
      <Table aria-label="Transfers">
        <TableHeader>
          <TableRow>
            <TableHead>Number</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>SKU</TableHead>
            <TableHead>Product</TableHead>
            <TableHead>Route</TableHead>
            <TableHead numeric>Quantity</TableHead>
            <TableHead>Expected</TableHead>
            <TableHead>Shipped</TableHead>
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
                <span className="flex items-center gap-1 whitespace-nowrap">
                  <TransferStatusBadge status={t.status} />
                  {t.isOverdue && <Badge variant="danger">Overdue</Badge>}
                </span>
              </TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                <Link href={`/inventory/${encodeURIComponent(t.sku)}`} className="text-primary hover:underline">
                  {t.sku}
                </Link>
              </TableCell>
              <TableCell className="max-w-48 truncate" title={t.productName}>
                {t.productName}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {t.from} <span aria-label="to">→</span> {t.to}
              </TableCell>
              <TableCell numeric>{t.quantity}</TableCell>
              <TableCell>
                <DateOnly value={t.expectedDate} />
              </TableCell>
              <TableCell className="text-xs text-muted-foreground">
                <DateTime value={t.createdAt} dateStyle="short" />
                <div>{t.createdBy}</div>
              </TableCell>
              <TableCell className="sticky right-0 bg-background text-xs text-muted-foreground">
                {t.receivedAt ? (
                  <>
                    <DateTime value={t.receivedAt} dateStyle="short" />
                    <div>{t.receivedBy}</div>
                  </>
                ) : t.status === "canceled" ? (
                  <>
                    Canceled <DateTime value={t.updatedAt} dateStyle="short" />
                  </>
                ) : canTransfer ? (
                  <TransferActions transfer={t} />
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
