"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ClipboardList } from "lucide-react";
import Link from "next/link";
import { DateOnly, DateTime } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { EmptyState } from "~/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import type { TSkuReservation } from "~/server/orders/list-allocations";
import { useTRPC } from "~/trpc/react";
import { LoadMore } from "~/components/list/load-more";
import { RESERVATIONS_PAGE_SIZE } from "./constants";


/** Open reservations of the SKU: which orders hold its reserved units, in which warehouse, oldest first. */
export function SkuReservationsTable({ sku, firstPage }: { sku: string; firstPage: { items: TSkuReservation[]; nextCursor: string | null } }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.orders.reservationsForSku.infiniteQueryOptions(
      { sku, limit: RESERVATIONS_PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor, initialData: { pages: [firstPage], pageParams: [null] } },
    ),
  );
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (rows.length === 0) {
    return <EmptyState icon={ClipboardList} title="No open reservations" description="No submitted, held or open order has units of this SKU reserved." />;
  }
  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-2">
      <div className="rounded-lg border bg-background">
        <Table aria-label="Open reservations">
          <TableHeader>
            <TableRow>
              <TableHead>Order</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Customer</TableHead>
              <TableHead>Warehouse</TableHead>
              <TableHead numeric>Reserved</TableHead>
              <TableHead>Ordered</TableHead>
              <TableHead>Promised</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.order}:${r.warehouse}`}>
                <TableCell className="font-mono text-xs whitespace-nowrap">
                  <Link href={`/orders/${encodeURIComponent(r.order)}`} className="text-primary hover:underline">
                    {r.order}
                  </Link>
                </TableCell>
                <TableCell>
                  <StatusBadge status={r.status} />
                </TableCell>
                <TableCell className="min-w-40">
                  {r.customerName} <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{r.customer}</span>
                </TableCell>
                <TableCell>{r.warehouse}</TableCell>
                <TableCell numeric>{r.quantity}</TableCell>
                <TableCell>
                  <DateTime value={r.orderedAt} timeStyle={null} />
                </TableCell>
                <TableCell>
                  <DateOnly value={r.promisedDate} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <LoadMore shown={rows.length} noun="reservation" query={query} />
    </div>
  );
}
