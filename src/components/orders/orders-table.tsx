import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { DateOnly, Money } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { Badge } from "~/components/ui/badge";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, WIDE_ONLY, WIDEST_ONLY } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { TOrderSummary } from "~/server/orders/schemas";
import { RowCheckbox, SelectAllCheckbox } from "./order-bulk";
import { DEFAULT_LIST_LAYOUT, type ListLayout, type OptionalColumn } from "./list-layout";
import { StackedDateTime } from "./stacked-date-time";
import { channelLabel, DEFAULT_DIRECTION, DEFAULT_SORT, firstDirection, hrefWith, type OrderListParams, type SortKey } from "./list-params";

/**
 * Columns shown from 1280 px on: below it (office laptops at 1024–1366 px) the key columns — number,
 * customer, status, total, created — fit without a sideways scroll; the order page has the rest.
 */
/** From 1536 px on: at 1280–1535 px (a 1440 px screen with the sidebar open) these would push Total and Created out. */

/** The order (or quote) list table; column headers Order, Customer, Status, Total and Created sort via the URL. */
export function OrdersTable({
  kind,
  basePath,
  params,
  items,
  today,
  selectable = false,
  layout = DEFAULT_LIST_LAYOUT,
}: {
  kind: "order" | "quote";
  basePath: string;
  params: OrderListParams;
  items: TOrderSummary[];
  /** ISO date, for marking expired quotes. */
  today: string;
  /** A checkbox column for bulk actions (inside an OrderSelection). */
  selectable?: boolean;
  /** The user's hidden columns and row density. */
  layout?: ListLayout;
}) {
  const sortProps = { basePath, params };
  const shows = (column: OptionalColumn) => !layout.hidden.includes(column);
  return (
    <div className="rounded-lg border bg-background">
      <Table
        aria-label={kind === "quote" ? "Quotes" : "Orders"}
        data-density={layout.density}
        className={layout.density === "compact" ? "[&_td]:py-1 [&_th]:h-8" : undefined}
      >
        <TableHeader>
          <TableRow>
            <SortableHead
              column="number"
              label={kind === "quote" ? "Quote" : "Order"}
              before={selectable ? <SelectAllCheckbox noun={kind === "quote" ? "quotes" : "orders"} /> : undefined}
              {...sortProps}
            />
            <SortableHead column="customer" label="Customer" {...sortProps} />
            {shows("reference") && (
              <TableHead className={WIDE_ONLY}>
                PO <span aria-hidden>·</span>
                <span className="sr-only">and</span> channel
              </TableHead>
            )}
            <SortableHead column="status" label="Status" {...sortProps} />
            {kind === "order" ? (
              <>
                {shows("fulfillment") && <TableHead className={WIDE_ONLY}>Fulfillment</TableHead>}
                {shows("billing") && <TableHead className={WIDE_ONLY}>Billing</TableHead>}
              </>
            ) : (
              <TableHead>Valid until</TableHead>
            )}
            {shows("assigned") && <TableHead className={WIDEST_ONLY}>Assigned</TableHead>}
            {shows("lines") && (
              <TableHead numeric className={WIDEST_ONLY}>
                Lines
              </TableHead>
            )}
            <SortableHead column="total" label="Total" numeric {...sortProps} />
            <SortableHead column="created" label="Created" {...sortProps} />
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((order) => (
            <TableRow key={order.number}>
              <TableCell className="whitespace-nowrap">
                {/* The selection box sits in the number's cell: the columns keep their places. */}
                {selectable && <RowCheckbox number={order.number} />}
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
              {shows("reference") && (
                <TableCell className={cn("max-w-36 truncate whitespace-nowrap", WIDE_ONLY)} title={order.customerReference ?? undefined}>
                  {order.customerReference ?? <span className="text-muted-foreground">No PO</span>}
                  <span className="block text-xs text-muted-foreground">{channelLabel(order.channel)}</span>
                </TableCell>
              )}
              <TableCell>
                {kind === "quote" && order.status === "completed" ? <Badge variant="success">Converted</Badge> : <StatusBadge status={order.status} />}
              </TableCell>
              {kind === "order" ? (
                <>
                  {shows("fulfillment") && (
                    <TableCell className={WIDE_ONLY}>
                      <StatusBadge status={order.fulfillmentStatus} />
                    </TableCell>
                  )}
                  {shows("billing") && (
                    <TableCell className={WIDE_ONLY}>
                      <StatusBadge status={order.billingStatus} />
                    </TableCell>
                  )}
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
              {shows("assigned") && (
                <TableCell className={cn("max-w-36 truncate", WIDEST_ONLY)} title={order.assignedTo?.name}>
                  {order.assignedTo?.name ?? <span className="text-muted-foreground">Nobody</span>}
                </TableCell>
              )}
              {shows("lines") && (
                <TableCell numeric className={WIDEST_ONLY}>
                  {order.lineCount}
                </TableCell>
              )}
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
  before,
}: {
  column: SortKey;
  label: string;
  numeric?: boolean;
  before?: React.ReactNode;
  basePath: string;
  params: OrderListParams;
}) {
  const sort = params.sort ?? DEFAULT_SORT;
  const direction = params.direction ?? DEFAULT_DIRECTION;
  const isSorted = sort === column;
  const nextDirection = isSorted ? (direction === "asc" ? "desc" : "asc") : firstDirection(column);
  const href = hrefWith(basePath, params, { sort: column, direction: nextDirection, cursor: undefined, before: undefined });
  const Icon = !isSorted ? ArrowUpDown : direction === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead numeric={numeric} aria-sort={isSorted ? (direction === "asc" ? "ascending" : "descending") : undefined}>
      {before}
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
