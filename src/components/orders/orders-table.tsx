import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { DateOnly, Money } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { Badge } from "~/components/ui/badge";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { TOrderSummary } from "~/server/orders/schemas";
import { StackedDateTime } from "./stacked-date-time";
import { channelLabel, DEFAULT_DIRECTION, DEFAULT_SORT, firstDirection, hrefWith, type OrderListParams, type SortKey } from "./list-params";

/** The order (or quote) list table; column headers Order, Total and Created sort via the URL. */
export function OrdersTable({
  kind,
  basePath,
  params,
  items,
  today,
}: {
  kind: "order" | "quote";
  basePath: string;
  params: OrderListParams;
  items: TOrderSummary[];
  /** ISO date, for marking expired quotes. */
  today: string;
}) {
  const sortProps = { basePath, params };
  return (
    <div className="rounded-lg border bg-background">
      <Table aria-label={kind === "quote" ? "Quotes" : "Orders"}>
        <TableHeader>
          <TableRow>
            <SortableHead column="number" label={kind === "quote" ? "Quote" : "Order"} {...sortProps} />
            <TableHead>Customer</TableHead>
            <TableHead>
              PO <span aria-hidden>·</span>
              <span className="sr-only">and</span> channel
            </TableHead>
            <TableHead>Status</TableHead>
            {kind === "order" ? (
              <>
                <TableHead>Fulfillment</TableHead>
                <TableHead>Billing</TableHead>
              </>
            ) : (
              <TableHead>Valid until</TableHead>
            )}
            <TableHead numeric>Lines</TableHead>
            <SortableHead column="total" label="Total" numeric {...sortProps} />
            <SortableHead column="created" label="Created" {...sortProps} />
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((order) => (
            <TableRow key={order.number}>
              <TableCell className="whitespace-nowrap">
                <Link href={`/orders/${encodeURIComponent(order.number)}`} className="font-mono font-medium text-primary hover:underline">
                  {order.number}
                </Link>
              </TableCell>
              <TableCell className="max-w-56">
                <Link href={`/customers/${encodeURIComponent(order.customer.code)}`} className="block truncate hover:underline" title={order.customer.name}>
                  {order.customer.name}
                </Link>
                <span className="font-mono text-xs text-muted-foreground">{order.customer.code}</span>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {order.customerReference ?? <span className="text-muted-foreground">No PO</span>}
                <span className="block text-xs text-muted-foreground">{channelLabel(order.channel)}</span>
              </TableCell>
              <TableCell>
                {kind === "quote" && order.status === "completed" ? <Badge variant="success">Converted</Badge> : <StatusBadge status={order.status} />}
              </TableCell>
              {kind === "order" ? (
                <>
                  <TableCell>
                    <StatusBadge status={order.fulfillmentStatus} />
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={order.billingStatus} />
                  </TableCell>
                </>
              ) : (
                <TableCell className="whitespace-nowrap">
                  <DateOnly value={order.validUntil} />
                  {order.status === "draft" && order.validUntil && order.validUntil < today && (
                    <Badge variant="warning" className="ml-2">
                      Expired
                    </Badge>
                  )}
                </TableCell>
              )}
              <TableCell numeric>{order.lineCount}</TableCell>
              <TableCell numeric className="font-medium">
                <Money amount={order.total} currency={order.currency} />
              </TableCell>
              <TableCell>
                <StackedDateTime value={order.createdAt} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function SortableHead({
  column,
  label,
  numeric,
  basePath,
  params,
}: {
  column: SortKey;
  label: string;
  numeric?: boolean;
  basePath: string;
  params: OrderListParams;
}) {
  const sort = params.sort ?? DEFAULT_SORT;
  const direction = params.direction ?? DEFAULT_DIRECTION;
  const isSorted = sort === column;
  const nextDirection = isSorted ? (direction === "asc" ? "desc" : "asc") : firstDirection(column);
  const href = hrefWith(basePath, params, { sort: column, direction: nextDirection, cursor: undefined });
  const Icon = !isSorted ? ArrowUpDown : direction === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead numeric={numeric} aria-sort={isSorted ? (direction === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={href}
        className={cn(
          "inline-flex items-center gap-1 rounded-sm outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/70",
          isSorted && "text-foreground",
          numeric && "flex-row-reverse",
        )}
        title={`Sort by ${label.toLowerCase()}, ${nextDirection === "asc" ? "ascending" : "descending"}`}
      >
        {label}
        <Icon className={cn("size-3.5", !isSorted && "opacity-50")} aria-hidden />
        <span className="sr-only">
          {isSorted ? `, sorted ${direction === "asc" ? "ascending" : "descending"}` : ""}
        </span>
      </Link>
    </TableHead>
  );
}

export function OrdersTableSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="grid gap-2 rounded-lg border bg-background p-3">
      <span className="sr-only">Loading {label}…</span>
      <Skeleton className="h-7" />
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-10" />
      ))}
    </div>
  );
}
