import { TRPCError } from "@trpc/server";
import { ArrowLeftRight, RefreshCw } from "lucide-react";
import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { AdjustStockDialog } from "~/components/inventory/adjust-stock-dialog";
import { effectiveWarehouse, MY_WAREHOUSE_KEY, readMyWarehouse } from "~/components/inventory/my-warehouse";
import { MyWarehousePicker } from "~/components/inventory/my-warehouse-picker";
import { gridHref, gridInputOf, parseGridParams, supplyDaysOf, type GridParams } from "~/components/inventory/grid-params";
import { GRID_PAGE_SIZE } from "~/components/inventory/constants";
import { StockGrid } from "~/components/inventory/stock-grid";
import { StockFilters } from "~/components/inventory/stock-filters";
import { SupplyDaysInput } from "~/components/inventory/supply-days-input";
import { Button } from "~/components/ui/button";
import { ExportCsvLink, exportCsvHref } from "~/components/list/export-csv-link";
import { PageHeader } from "~/components/ui/page-header";
import { cn } from "~/lib/utils";
import { can } from "~/server/auth/permissions";
import { AppError } from "~/server/errors";
import { stockStatusFilterHint, stockStatusFilterLabel, type StockStatusFilter } from "~/server/inventory/stock-status";
import { api } from "~/trpc/server";

export const metadata = { title: "Inventory" };

const QUICK_FILTERS: StockStatusFilter[] = ["reorder", "low", "out", "overstock"];

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("inventory.view", "/inventory");
  const params = parseGridParams(await searchParams);
  const caller = await api();
  const [options, myWarehouse] = await Promise.all([caller.inventory.gridOptions(), caller.preferences.get({ key: MY_WAREHOUSE_KEY }).catch(() => null)]);
  const mine = readMyWarehouse(myWarehouse, options.warehouses);
  // The grid's warehouse: the URL's, none for "all", else the user's own.
  const applied: GridParams = { ...params, warehouse: effectiveWarehouse(params.warehouse, mine) };
  const [firstPage, lowStock] = await Promise.all([
    // A warehouse or category that does not exist shows an empty grid, not an error page.
    caller.inventory.grid({ ...gridInputOf(applied), limit: GRID_PAGE_SIZE }).catch((error: unknown) => {
      if (isInvalidInput(error)) return { items: [], nextCursor: null };
      throw error;
    }),
    caller.inventory.lowStockCount(),
  ]);
  const query = gridHref(params);
  const days = supplyDaysOf(params);

  return (
    <>
      <PageHeader
        title="Inventory"
        description="Available stock (on hand − reserved) per SKU and warehouse, with what is held back for demand classes."
        actions={
          <>
            <MyWarehousePicker value={mine} warehouses={options.warehouses} />
            <ExportCsvLink href={exportCsvHref("stock", gridInputOf(applied))} />
            {can(actor.role, "replenishment.view") && (
              <Button asChild variant="outline">
                <Link href="/inventory/replenishment">
                  <RefreshCw aria-hidden />
                  Replenishment
                </Link>
              </Button>
            )}
            <Button asChild variant="outline">
              <Link href="/inventory/transfers">
                <ArrowLeftRight aria-hidden />
                Transfers
              </Link>
            </Button>
            {can(actor.role, "stock.adjust") && <AdjustStockDialog warehouses={options.warehouses} defaultWarehouse={mine} />}
          </>
        }
      />
      <nav aria-label="Quick filters" className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <QuickFilter params={{ ...params, status: undefined }} label="All stock" active={!params.status} />
        {QUICK_FILTERS.map((status) => {
          const filter = (
            <QuickFilter
              key={status}
              params={{ ...params, status, days: status === "low" ? days : params.days }}
              active={params.status === status}
              label={status === "reorder" ? `${stockStatusFilterLabel("reorder")} (${lowStock.count.toLocaleString("en-US")} levels)` : stockStatusFilterLabel(status, days)}
              title={stockStatusFilterHint(status, days)}
            />
          );
          if (status !== "low") return filter;
          // N beside its filter: typing applies "Low (≤ N days of supply)" with it.
          return (
            <span key={status} className="flex items-center gap-1.5">
              {filter}
              <SupplyDaysInput params={params} />
            </span>
          );
        })}
      </nav>
      <StockFilters key={`filters:${query}:${mine ?? ""}`} params={params} warehouses={options.warehouses} categories={options.categories} mine={mine} />
      <StockGrid key={`grid:${query}:${mine ?? ""}`} params={applied} warehouses={options.warehouses} firstPage={firstPage} />
    </>
  );
}

function isInvalidInput(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  return (cause instanceof AppError && cause.kind === "invalid") || (error instanceof TRPCError && error.code === "BAD_REQUEST");
}

function QuickFilter({ params, label, active, title }: { params: GridParams; label: string; active: boolean; title?: string }) {
  return (
    <Link
      href={gridHref(params)}
      title={title}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-full border px-3 py-1 outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/70",
        active ? "border-primary bg-primary text-primary-foreground" : "bg-background text-muted-foreground hover:bg-muted hover:text-foreground",
      )}
    >
      {label}
    </Link>
  );
}
