import { ArrowLeftRight, ClipboardList, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { z } from "zod";
import { requirePermission } from "~/app/(desk)/guard";
import { firstParam, Pager } from "~/components/list/list-controls";
import { MY_WAREHOUSE_KEY, readMyWarehouse } from "~/components/inventory/my-warehouse";
import { NewTransferDialog } from "~/components/transfers/new-transfer-dialog";
import { TRANSFER_STATUS_LABELS, TransfersTable } from "~/components/transfers/transfers-table";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { WarehouseFilter } from "~/components/inventory/warehouse-filter";
import { PageHeader } from "~/components/ui/page-header";
import { NativeSelect } from "~/components/ui/select";
import { todayIn } from "~/lib/dates";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import { TRANSFER_STATUSES } from "~/server/inventory/constants";
import { api } from "~/trpc/server";

export const metadata = { title: "Transfers" };

const PAGE_SIZE = 50;
const BASE = "/inventory/transfers";

const ZParams = z.object({
  status: z.enum(TRANSFER_STATUSES).optional().catch(undefined),
  sku: z.string().trim().min(1).max(64).optional().catch(undefined),
  warehouse: z.string().trim().min(1).max(20).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

/** `/inventory/transfers`: stock moving between warehouses — ship, receive, cancel. Filters live in the URL. */
export default async function TransfersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const params = ZParams.parse({ status: firstParam(raw.status), sku: firstParam(raw.sku), warehouse: firstParam(raw.warehouse), cursor: firstParam(raw.cursor) });
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1] && e[0] !== "cursor")).toString();
  const actor = await requirePermission("inventory.view", query ? `${BASE}?${query}` : BASE);
  const canTransfer = can(actor.role, "stock.transfer");
  const caller = await api();
  const [warehouses, myWarehouse] = await Promise.all([caller.inventory.warehouses(), caller.preferences.get({ key: MY_WAREHOUSE_KEY }).catch(() => null)]);
  const active = warehouses.items.filter((w) => w.isActive).map((w) => ({ code: w.code, name: w.name }));
  const mine = readMyWarehouse(myWarehouse, active);
  let page: Awaited<ReturnType<typeof caller.transfers.list>> | null = null;
  let failure: string | null = null;
  try {
    page = await caller.transfers.list({ ...params, limit: PAGE_SIZE });
  } catch (error) {
    failure = apiErrorOf(error).message;
  }
  const filtered = !!params.status || !!params.sku || !!params.warehouse;

  return (
    <>
      <PageHeader
        title="Transfers"
        description="Stock moving between warehouses: it leaves the source when shipped and counts as inbound at the destination until received."
        actions={
          <>
            {can(actor.role, "replenishment.view") && (
              <Button asChild variant="ghost">
                <Link href="/inventory/replenishment">
                  <ClipboardList aria-hidden />
                  Replenishment
                </Link>
              </Button>
            )}
            {canTransfer && <NewTransferDialog warehouses={active} today={todayIn()} defaultFrom={mine} />}
          </>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter transfers">
        <div className="grid gap-1.5">
          <Label htmlFor="transfer-status-filter">Status</Label>
          <NativeSelect id="transfer-status-filter" name="status" defaultValue={params.status ?? ""} className="w-44">
            <option value="">Any status</option>
            {TRANSFER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {TRANSFER_STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="transfer-sku-filter">SKU</Label>
          <Input id="transfer-sku-filter" name="sku" defaultValue={params.sku ?? ""} className="w-44 font-mono" autoComplete="off" />
        </div>
        <WarehouseFilter id="transfer-warehouse-filter" label="Warehouse (either end)" value={params.warehouse} warehouses={warehouses.items} />
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filtered && (
          <Button asChild variant="ghost">
            <Link href={BASE}>Clear filters</Link>
          </Button>
        )}
      </form>
      {failure !== null ? (
        <EmptyState icon={TriangleAlert} title="The transfers could not be loaded" description={failure} role="alert" />
      ) : page && page.items.length === 0 ? (
        <EmptyState
          icon={ArrowLeftRight}
          title={filtered ? "No transfers match these filters" : "No transfers yet"}
          description={filtered ? "Try another status, SKU or warehouse." : "Move stock between warehouses with “New transfer”."}
        />
      ) : page ? (
        <TransfersTable items={page.items} canTransfer={canTransfer} />
      ) : null}
      {page && (page.items.length > 0 || params.cursor) && <Pager basePath={BASE} params={params} nextCursor={page.nextCursor} shown={page.items.length} />}
    </>
  );
}
