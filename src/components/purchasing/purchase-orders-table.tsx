import Link from "next/link";
import { DateOnly, DateTime, Money } from "~/components/shell/money";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, WIDE_ONLY } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { TPurchaseOrderSummary } from "~/server/purchasing/schemas";
import { OverdueBadge, PurchaseOrderStatusBadge } from "./purchase-order-status";

/** Shown from 1280 px on; below it (office laptops) the number, status, vendor, dates, progress and total fit. */

/** Purchase orders as rows: number, status, vendor, delivery warehouse, expected date, progress, total. */
export function PurchaseOrdersTable({ items, label = "Purchase orders", showVendor = true }: { items: TPurchaseOrderSummary[]; label?: string; showVendor?: boolean }) {
  return (
    <div className="rounded-lg border bg-background">
      <Table aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHead>Number</TableHead>
            <TableHead>Status</TableHead>
            {showVendor && <TableHead>Vendor</TableHead>}
            <TableHead className={WIDE_ONLY}>Deliver to</TableHead>
            <TableHead>Expected</TableHead>
            <TableHead numeric className={WIDE_ONLY}>
              Lines
            </TableHead>
            <TableHead numeric>Received</TableHead>
            <TableHead numeric>Total</TableHead>
            <TableHead>Created</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((po) => (
            <TableRow key={po.number} data-overdue={po.isOverdue || undefined} className={cn(po.isOverdue && "bg-danger-soft/40")}>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                <Link href={`/purchasing/${encodeURIComponent(po.number)}`} className="font-medium text-primary hover:underline">
                  {po.number}
                </Link>
              </TableCell>
              <TableCell>
                <span className="flex items-center gap-1 whitespace-nowrap">
                  <PurchaseOrderStatusBadge status={po.status} />
                  {po.isOverdue && <OverdueBadge />}
                </span>
              </TableCell>
              {showVendor && (
                <TableCell>
                  <Link href={`/purchasing/vendors/${encodeURIComponent(po.vendor.code)}`} className="hover:underline">
                    {po.vendor.name}
                  </Link>{" "}
                  <span className="font-mono text-xs text-muted-foreground">{po.vendor.code}</span>
                </TableCell>
              )}
              <TableCell className={cn("font-mono text-xs", WIDE_ONLY)} title={po.warehouse.name}>
                {po.warehouse.code}
              </TableCell>
              <TableCell className={cn(po.isOverdue && "font-medium text-destructive")}>
                <DateOnly value={po.expectedDate} />
              </TableCell>
              <TableCell numeric className={WIDE_ONLY}>
                {po.lineCount}
              </TableCell>
              <TableCell numeric>
                {po.received} / {po.quantity}
              </TableCell>
              <TableCell numeric>
                <Money amount={po.total} currency={po.currency} />
              </TableCell>
              <TableCell className="text-muted-foreground">
                <DateTime value={po.createdAt} timeStyle={null} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
