"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Boxes, LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { DEMAND_WINDOW_DAYS } from "~/server/inventory/days-of-supply";
import type { TStockGridCell, TStockGridRow } from "~/server/inventory/schemas";
import { useTRPC } from "~/trpc/react";
import { GRID_PAGE_SIZE } from "./constants";
import { gridInputOf, supplyDaysOf, type GridParams } from "./grid-params";
import { stockStatusLabel, stockStatusTextClass, StockStatusTag } from "./stock-status-tag";

const ROW_HEIGHT = 48;
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 40;

type Page = { items: TStockGridRow[]; nextCursor: string | null };

/**
 * Stock by SKU × warehouse: a virtualized table (only the rows in view are in the DOM) that loads the
 * next keyset page as the user scrolls near the end. Rows are links to the SKU page (the SKU cell is
 * the focusable link; a click anywhere on the row follows it).
 */
export function StockGrid({
  params,
  warehouses,
  firstPage,
}: {
  params: GridParams;
  warehouses: { code: string; name: string }[];
  firstPage: Page;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  const input = { ...gridInputOf(params), limit: GRID_PAGE_SIZE };
  const query = useInfiniteQuery(
    trpc.inventory.grid.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.nextCursor,
      initialData: { pages: [firstPage], pageParams: [null] },
    }),
  );
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = params.warehouse ? warehouses.filter((w) => w.code === params.warehouse) : warehouses;
  const hasMore = !!query.hasNextPage;
  const supplyDays = supplyDaysOf(params);

  // The virtualizer returns fresh functions every render; nothing here is memoized around them.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The server (and the hydrating render) show the first screenful before the scroller is measured.
    initialRect: { width: 1200, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  const { fetchNextPage, isFetchingNextPage } = query;
  useEffect(() => {
    if (hasMore && !isFetchingNextPage && lastIndex >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [hasMore, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  if (rows.length === 0) {
    return (
      <EmptyState
        icon={Boxes}
        title="No SKUs match"
        description="Try another status, category, warehouse or search."
        action={
          <Button asChild variant="outline">
            <Link href="/inventory">Clear filters</Link>
          </Button>
        }
      />
    );
  }

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const colSpan = columns.length + 2;

  return (
    <div className="grid gap-2">
      <div
        ref={scrollRef}
        className="relative overflow-auto rounded-lg border bg-background"
        style={{ height: "max(26rem, calc(100dvh - 22rem))" }}
        data-testid="stock-grid-scroller"
      >
        <table aria-label="Inventory grid" aria-rowcount={hasMore ? -1 : rows.length + 1} className="w-full border-separate border-spacing-0 text-sm tabular-nums">
          <thead className="sticky top-0 z-20 bg-muted">
            <tr aria-rowindex={1}>
              <th scope="col" className="sticky left-0 z-30 h-10 min-w-56 border-b bg-muted px-3 text-left text-xs font-medium text-muted-foreground">
                SKU · product
              </th>
              {columns.map((w) => (
                <th key={w.code} scope="col" title={w.name} className="h-10 min-w-28 border-b px-3 text-right text-xs font-medium whitespace-nowrap text-muted-foreground">
                  {w.code}
                  <span className="sr-only"> ({w.name}) available</span>
                </th>
              ))}
              <th scope="col" className="h-10 min-w-28 border-b border-l px-3 text-right text-xs font-medium text-muted-foreground">
                Total available
              </th>
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={colSpan} style={{ height: paddingTop, padding: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <GridRow
                  key={row.sku}
                  row={row}
                  index={item.index}
                  columns={columns}
                  supplyDays={supplyDays}
                  onOpen={() => router.push(`/inventory/${encodeURIComponent(row.sku)}`)}
                />
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={colSpan} style={{ height: paddingBottom, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-between text-sm text-muted-foreground" role="status" aria-live="polite">
        <span>
          {rows.length.toLocaleString("en-US")} SKU{rows.length === 1 ? "" : "s"}
          {hasMore ? " loaded — scroll for more" : " — all shown"}
        </span>
        {isFetchingNextPage && (
          <span className="flex items-center gap-1.5">
            <LoaderCircle className="size-4 animate-spin" aria-hidden />
            Loading more…
          </span>
        )}
        {query.isFetchNextPageError && (
          <span className="flex items-center gap-2 text-destructive">
            Could not load more: {apiErrorOf(query.error).message}
            <Button size="sm" variant="outline" onClick={() => void fetchNextPage()}>
              Retry
            </Button>
          </span>
        )}
      </div>
    </div>
  );
}

function GridRow({
  row,
  index,
  columns,
  supplyDays,
  onOpen,
}: {
  row: TStockGridRow;
  index: number;
  columns: { code: string; name: string }[];
  supplyDays: number;
  onOpen: () => void;
}) {
  const cells = new Map(row.cells.map((c) => [c.warehouse, c]));
  return (
    <tr
      aria-rowindex={index + 2}
      onClick={(event) => {
        // The SKU link handles its own clicks (and modifier keys for new tabs).
        if ((event.target as HTMLElement).closest("a")) return;
        onOpen();
      }}
      className="group cursor-pointer hover:bg-muted/40"
      style={{ height: ROW_HEIGHT }}
    >
      <th scope="row" className="sticky left-0 z-10 max-w-60 border-b xl:max-w-80 bg-background px-3 text-left font-normal group-hover:bg-muted">
        <Link
          href={`/inventory/${encodeURIComponent(row.sku)}`}
          className="block truncate rounded-sm font-mono text-xs font-medium text-primary outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/70"
        >
          {row.sku}
        </Link>
        <span className="block truncate text-xs text-muted-foreground" title={`${row.name} · ${row.categoryName}`}>
          {row.name}
        </span>
      </th>
      {columns.map((w) => (
        <GridCell key={w.code} cell={cells.get(w.code)} warehouse={w} supplyDays={supplyDays} />
      ))}
      <td className="border-b border-l px-3 text-right whitespace-nowrap">
        <span className="font-medium">{row.totals.available}</span>
        <span className="block text-[11px] text-muted-foreground">
          {row.totals.onHand} <abbr title="on hand" className="no-underline">oh</abbr>
          {row.totals.heldBack > 0 && <> · {row.totals.heldBack} held</>}
        </span>
      </td>
    </tr>
  );
}

function GridCell({ cell, warehouse, supplyDays }: { cell: TStockGridCell | undefined; warehouse: { code: string; name: string }; supplyDays: number }) {
  if (!cell) {
    return (
      <td className="border-b px-3 text-right text-muted-foreground" title={`${warehouse.code}: not stocked here`}>
        —<span className="sr-only">not stocked here</span>
      </td>
    );
  }
  if (cell.neverStocked) {
    return (
      <td className="border-b px-3 text-right text-muted-foreground" title={`${warehouse.code}: never stocked (nothing on hand, reserved or inbound, no movement)`} data-never-stocked>
        <span className="text-xs italic">never stocked</span>
      </td>
    );
  }
  const reorder = cell.reorderPoint === null ? "no reorder point" : `reorder point ${cell.reorderPoint} (reorder qty ${cell.reorderQuantity ?? "—"})`;
  const supply =
    cell.daysOfSupply === null
      ? `no shipments in the last ${DEMAND_WINDOW_DAYS} days`
      : `${cell.daysOfSupply} day${cell.daysOfSupply === 1 ? "" : "s"} of supply (${cell.shipped30d} shipped in the last ${DEMAND_WINDOW_DAYS} days)`;
  const title =
    `${warehouse.code} — ${stockStatusLabel(cell.status)}: available ${cell.available} = on hand ${cell.onHand} − reserved ${cell.reserved}` +
    `${cell.heldBack > 0 ? `; ${cell.heldBack} held back for demand classes` : ""}; ${reorder}; ${supply}`;
  // Days of supply show where they warn: at or below the Low filter's N.
  const runningLow = cell.daysOfSupply !== null && cell.daysOfSupply <= supplyDays;
  return (
    <td className="border-b px-3 text-right whitespace-nowrap" title={title} data-status={cell.status} data-days-of-supply={cell.daysOfSupply ?? undefined}>
      <span className="flex items-center justify-end gap-1.5">
        {runningLow && (
          <span className="text-[11px] font-medium text-warning-soft-foreground" data-testid="days-of-supply">
            {cell.daysOfSupply} d<span className="sr-only"> of supply</span>
          </span>
        )}
        <StockStatusTag status={cell.status} compact />
        <span className={cn("font-medium", stockStatusTextClass(cell.status))}>{cell.available}</span>
      </span>
      <span className="block text-[11px] text-muted-foreground">
        {cell.onHand} <abbr title="on hand" className="no-underline">oh</abbr> · {cell.reserved} <abbr title="reserved" className="no-underline">res</abbr>
        {cell.heldBack > 0 && <> · {cell.heldBack} held</>}
      </span>
    </td>
  );
}
