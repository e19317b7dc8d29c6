import { ArrowLeftRight, ClipboardList, PackageCheck, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { z } from "zod";
import { requirePermission } from "~/app/(desk)/guard";
import { firstParam, Pager } from "~/components/list/list-controls";
import { LastRun } from "~/components/replenishment/last-run";
import { RecalculateButton } from "~/components/replenishment/recalculate-button";
import { SuggestionsTable } from "~/components/replenishment/suggestions-table";
import { Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Label } from "~/components/ui/label";
import { WarehouseFilter } from "~/components/inventory/warehouse-filter";
import { PageHeader } from "~/components/ui/page-header";
import { NativeSelect } from "~/components/ui/select";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import { SUGGESTION_STATUSES } from "~/server/purchasing/constants";
import { api } from "~/trpc/server";

export const metadata = { title: "Replenishment" };

const PAGE_SIZE = 200;
const BASE = "/inventory/replenishment";

const ZParams = z.object({
  status: z.enum(SUGGESTION_STATUSES).catch("open"),
  vendor: z.string().trim().min(1).max(40).optional().catch(undefined),
  warehouse: z.string().trim().min(1).max(20).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

/**
 * `/inventory/replenishment`: what to buy. SKUs at or below their reorder point (counting inbound and
 * backorders), grouped by vendor, computed nightly or on demand; "Draft POs" turns them into draft purchase
 * orders, one per vendor and warehouse.
 */
export default async function ReplenishmentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const params = ZParams.parse({
    status: firstParam(raw.status) ?? "open",
    vendor: firstParam(raw.vendor),
    warehouse: firstParam(raw.warehouse),
    cursor: firstParam(raw.cursor),
  });
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1] && e[0] !== "cursor")).toString();
  const actor = await requirePermission("replenishment.view", query ? `${BASE}?${query}` : BASE);
  const canRun = can(actor.role, "replenishment.run");
  const caller = await api();
  const [overview, warehouses, vendors] = await Promise.all([
    caller.replenishment.overview(),
    caller.inventory.warehouses(),
    caller.purchasing.vendors.options(),
  ]);
  let page: Awaited<ReturnType<typeof caller.replenishment.suggestions>> | null = null;
  let failure: string | null = null;
  try {
    page = await caller.replenishment.suggestions({ ...params, limit: PAGE_SIZE });
  } catch (error) {
    failure = apiErrorOf(error).message;
  }
  const draftableTotal = overview.open - overview.withoutVendor;
  const filtered = !!params.vendor || !!params.warehouse;

  return (
    <>
      <PageHeader
        title="Replenishment"
        description="SKUs at or below their reorder point, counting what is inbound (sent purchase orders, transfers in transit) and what is backordered. Drafting makes one purchase order per vendor and warehouse."
        actions={
          <>
            <Button asChild variant="ghost">
              <Link href="/inventory/transfers">
                <ArrowLeftRight aria-hidden />
                Transfers
              </Link>
            </Button>
            {canRun && <RecalculateButton />}
          </>
        }
      >
        <LastRun run={overview.lastRun} />
      </PageHeader>

      {overview.vendors.length > 0 && (
        <section aria-label="Open suggestions by vendor" className="mb-4 flex flex-wrap gap-2">
          {overview.vendors.map((v) => (
            <Link
              key={v.vendor?.code ?? "none"}
              href={`${BASE}?vendor=${encodeURIComponent(v.vendor?.code ?? "none")}`}
              className="rounded-md border bg-background px-3 py-1.5 text-sm hover:bg-muted/50 focus-visible:ring-[3px] focus-visible:ring-ring/70 focus-visible:outline-none"
            >
              <span className="font-medium">{v.vendor ? v.vendor.name : "No usual vendor"}</span>{" "}
              <span className="text-muted-foreground">
                {v.suggestions} · {v.vendor ? `${v.purchaseOrders} PO${v.purchaseOrders === 1 ? "" : "s"} · ` : ""}
              </span>
              <Money amount={v.estimatedCost} currency={v.currency} className="text-muted-foreground" />
            </Link>
          ))}
        </section>
      )}

      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter suggestions">
        <div className="grid gap-1.5">
          <Label htmlFor="replenishment-status">Show</Label>
          <NativeSelect id="replenishment-status" name="status" defaultValue={params.status} className="w-52">
            <option value="open">Open suggestions</option>
            <option value="drafted">Drafted (on purchase orders)</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="replenishment-vendor">Vendor</Label>
          <NativeSelect id="replenishment-vendor" name="vendor" defaultValue={params.vendor ?? ""} className="w-56">
            <option value="">All vendors</option>
            <option value="none">No usual vendor</option>
            {vendors.map((v) => (
              <option key={v.code} value={v.code}>
                {v.code} — {v.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <WarehouseFilter id="replenishment-warehouse" value={params.warehouse} warehouses={warehouses.items} />
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filtered && (
          <Button asChild variant="ghost">
            <Link href={params.status === "open" ? BASE : `${BASE}?status=${params.status}`}>Clear filters</Link>
          </Button>
        )}
      </form>

      {failure !== null ? (
        <EmptyState icon={TriangleAlert} title="The suggestions could not be loaded" description={failure} role="alert" />
      ) : page && page.items.length === 0 ? (
        params.status === "open" && !overview.lastRun ? (
          <EmptyState
            icon={ClipboardList}
            title="Not computed yet"
            description={`Reorder suggestions are computed every night at 02:00 (New York time)${canRun ? ", or now with “Recalculate now”" : ""}.`}
            action={canRun ? <RecalculateButton /> : undefined}
          />
        ) : params.status === "open" ? (
          <EmptyState
            icon={PackageCheck}
            title={filtered ? "No open suggestions match these filters" : "Nothing at or below its reorder point"}
            description={
              filtered
                ? "Try another vendor or warehouse."
                : "Every SKU with a reorder point has enough on hand, inbound or on draft purchase orders. Recalculate after stock changes, or wait for tonight's run."
            }
          />
        ) : (
          <EmptyState icon={PackageCheck} title="No drafted suggestions" description="Suggestions turned into purchase orders are kept here as history." />
        )
      ) : page ? (
        <SuggestionsTable items={page.items} status={params.status} canDraft={canRun} draftableTotal={draftableTotal} />
      ) : null}
      {page && (page.items.length > 0 || params.cursor) && <Pager basePath={BASE} params={{ ...params, cursor: params.cursor }} nextCursor={page.nextCursor} shown={page.items.length} />}
    </>
  );
}
