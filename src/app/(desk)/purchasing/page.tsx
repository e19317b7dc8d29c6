import { PackageOpen, Plus } from "lucide-react";
import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { ListFilters, Pager } from "~/components/list/list-controls";
import { hasFilters, parsePurchaseOrderListParams, purchaseOrderListHref, type RawSearchParams } from "~/components/purchasing/list-params";
import { PurchaseOrdersTable } from "~/components/purchasing/purchase-orders-table";
import { PurchasingTabs } from "~/components/purchasing/purchasing-tabs";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Label } from "~/components/ui/label";
import { WarehouseFilter } from "~/components/inventory/warehouse-filter";
import { ExportCsvLink, exportCsvHref } from "~/components/list/export-csv-link";
import { PageHeader } from "~/components/ui/page-header";
import { NativeSelect } from "~/components/ui/select";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import { PURCHASE_ORDER_STATUSES } from "~/server/purchasing/constants";
import { PURCHASE_ORDER_STATUS_LABELS } from "~/server/purchasing/purchase-order-states";
import { api } from "~/trpc/server";

export const metadata = { title: "Purchasing" };

const PAGE_SIZE = 50;

/** `/purchasing`: purchase orders with URL filters (status, vendor, warehouse, number/SKU search, overdue). */
export default async function PurchasingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parsePurchaseOrderListParams(await searchParams);
  const actor = await requirePermission("purchasing.view", purchaseOrderListHref(params));
  const caller = await api();
  const [vendors, warehouses] = await Promise.all([caller.purchasing.vendors.options(), caller.inventory.warehouses()]);
  const mayCreate = can(actor.role, "purchasing.manage");
  let page: Awaited<ReturnType<typeof caller.purchasing.orders.list>> | null = null;
  let failure: string | null = null;
  try {
    page = await caller.purchasing.orders.list({ ...params, overdue: params.overdue === "true" ? true : undefined, limit: PAGE_SIZE });
  } catch (error) {
    failure = apiErrorOf(error).message;
  }

  return (
    <>
      <PageHeader
        title="Purchasing"
        description="What we buy, from whom, and when it arrives. Receiving a purchase order puts the goods on hand and fills waiting backorders, oldest first."
        actions={
          <>
            <ExportCsvLink href={exportCsvHref("purchase_orders", { ...params, overdue: params.overdue === "true" ? true : undefined })} />
            {mayCreate && (
              <Button asChild>
                <Link href="/purchasing/new">
                  <Plus aria-hidden />
                  New purchase order
                </Link>
              </Button>
            )}
          </>
        }
      />
      <PurchasingTabs current="orders" />
      <ListFilters searchLabel="Search purchase orders" searchValue={params.search} placeholder="PO number or SKU">
        <div className="grid gap-1.5">
          <Label htmlFor="po-status-filter">Status</Label>
          <NativeSelect id="po-status-filter" name="status" defaultValue={params.status ?? ""} className="w-44">
            <option value="">Any status</option>
            {PURCHASE_ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PURCHASE_ORDER_STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="po-vendor-filter">Vendor</Label>
          <NativeSelect id="po-vendor-filter" name="vendor" defaultValue={params.vendor ?? ""} className="w-56">
            <option value="">All vendors</option>
            {vendors.map((v) => (
              <option key={v.code} value={v.code}>
                {v.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <WarehouseFilter id="po-warehouse-filter" label="Deliver to" value={params.warehouse} warehouses={warehouses.items} className="w-44" />
        <div className="flex h-9 items-center gap-2">
          <input id="po-overdue-filter" name="overdue" type="checkbox" value="true" defaultChecked={params.overdue === "true"} className="size-4 accent-primary" />
          <Label htmlFor="po-overdue-filter">Overdue only</Label>
        </div>
      </ListFilters>
      {failure ? (
        <div role="alert" className="rounded-lg border border-destructive/30 bg-danger-soft p-4 text-sm text-danger-soft-foreground">
          <p className="font-medium">Could not load the purchase orders.</p>
          <p className="mt-1">{failure}</p>
          <p className="mt-2">
            <Link href="/purchasing" className="underline">
              Clear filters
            </Link>
          </p>
        </div>
      ) : page && page.items.length > 0 ? (
        <>
          <PurchaseOrdersTable items={page.items} />
          <Pager basePath="/purchasing" params={{ ...params }} nextCursor={page.nextCursor} shown={page.items.length} />
        </>
      ) : (
        <EmptyState
          icon={PackageOpen}
          title={hasFilters(params) ? "No purchase orders match these filters" : params.cursor ? "No more purchase orders" : "No purchase orders yet"}
          description={hasFilters(params) ? "Try another status, vendor or warehouse, or a shorter search." : "Purchase orders drafted here or by replenishment appear here."}
          action={
            hasFilters(params) ? (
              <Button asChild variant="outline">
                <Link href="/purchasing">Clear filters</Link>
              </Button>
            ) : mayCreate ? (
              <Button asChild>
                <Link href="/purchasing/new">New purchase order</Link>
              </Button>
            ) : undefined
          }
        />
      )}
    </>
  );
}
