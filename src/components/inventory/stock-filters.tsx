"use client";

import { LoaderCircle, Search, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { WarehouseFilter } from "~/components/inventory/warehouse-filter";
import { NativeSelect } from "~/components/ui/select";
import { STOCK_STATUS_FILTERS, stockStatusFilterHint, stockStatusFilterLabel, type StockStatusFilter } from "~/server/inventory/stock-status";
import { gridHref, hasGridFilters, supplyDaysOf, type GridParams } from "./grid-params";

/**
 * The grid's filter bar: a GET form (works before hydration) that, once hydrated, navigates with
 * router.push and leaves empty fields out. Mount it with `key={query}` so it follows back/forward.
 */
export function StockFilters({
  params,
  warehouses,
  categories,
  mine,
}: {
  mine?: string;
  params: GridParams;
  warehouses: { code: string; name: string }[];
  categories: { code: string; name: string }[];
}) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (key: string) => {
      const v = data.get(key);
      return typeof v === "string" && v.trim() ? v.trim() : undefined;
    };
    const next: GridParams = {
      status: value("status") as StockStatusFilter | undefined,
      // N is set beside the quick filter; the form keeps it.
      days: params.days,
      category: value("category"),
      warehouse: value("warehouse"),
      search: value("search"),
      show: value("show") === "all" ? "all" : undefined,
    };
    startTransition(() => router.push(gridHref(next)));
  }

  return (
    <form
      method="get"
      action="/inventory"
      role="search"
      aria-label="Filter stock"
      onSubmit={onSubmit}
      className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border bg-background p-3"
    >
      <div className="grid gap-1.5">
        <Label htmlFor="stock-search">Search stock</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            id="stock-search"
            name="search"
            type="search"
            defaultValue={params.search}
            placeholder="SKU prefix or product name"
            className="w-64 pl-8"
          />
        </div>
      </div>
      {params.days && <input type="hidden" name="days" value={params.days} />}
      <div className="grid gap-1.5">
        <Label htmlFor="stock-status">Status</Label>
        <NativeSelect id="stock-status" name="status" defaultValue={params.status ?? ""} className="w-60">
          <option value="">Any status</option>
          {STOCK_STATUS_FILTERS.map((status) => (
            <option key={status} value={status} title={stockStatusFilterHint(status, supplyDaysOf(params))}>
              {stockStatusFilterLabel(status, supplyDaysOf(params))}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="stock-category">Category</Label>
        <NativeSelect id="stock-category" name="category" defaultValue={params.category ?? ""} className="w-52">
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <WarehouseFilter id="stock-warehouse" value={params.warehouse} warehouses={warehouses} mine={mine} />
      <label className="flex h-9 items-center gap-2 text-sm" title="Warehouses that never stocked a SKU (nothing on hand, reserved or inbound, no movement) are hidden unless this is on">
        <input type="checkbox" name="show" value="all" defaultChecked={params.show === "all"} className="size-4 accent-primary" />
        Show all warehouses
      </label>
      <div className="ml-auto flex items-center gap-2">
        {hasGridFilters(params) && (
          <Button asChild variant="ghost">
            <Link href="/inventory">
              <X aria-hidden />
              Clear filters
            </Link>
          </Button>
        )}
        <Button type="submit" disabled={isPending}>
          {isPending && <LoaderCircle className="animate-spin" aria-hidden />}
          {isPending ? "Applying…" : "Apply filters"}
        </Button>
      </div>
    </form>
  );
}
