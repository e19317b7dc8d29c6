import { requirePermission } from "~/app/(desk)/guard";
import { isDeskTab } from "~/components/fulfillment/desk-tabs";
import { FulfillmentDesk } from "~/components/fulfillment/fulfillment-desk";
import { WarehousePicker } from "~/components/fulfillment/warehouse-picker";
import { EmptyState } from "~/components/ui/empty-state";
import { ExportCsvLink, exportCsvHref } from "~/components/list/export-csv-link";
import { PageHeader } from "~/components/ui/page-header";
import { api } from "~/trpc/server";

export const metadata = { title: "Fulfillment" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/fulfillment?warehouse=EAST&tab=planned`: a warehouse's queues, from planning to what shipped today. */
export default async function FulfillmentPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("fulfillment.view", "/fulfillment");
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const caller = await api();
  const { items } = await caller.inventory.warehouses({});
  const warehouses = items.filter((w) => w.isActive).map((w) => ({ code: w.code, name: w.name }));
  const asked = first(params.warehouse)?.trim().toUpperCase();
  const warehouse = warehouses.find((w) => w.code === asked) ?? warehouses[0];
  const tab = first(params.tab);
  const initialTab = isDeskTab(tab) ? tab : "ready";

  return (
    <>
      <PageHeader
        title="Fulfillment"
        description={
          warehouse
            ? `Plan, pick, pack and ship from ${warehouse.name}.${asked && asked !== warehouse.code ? ` There is no warehouse ${asked}; showing ${warehouse.code}.` : ""}`
            : "Plan, pick, pack and ship."
        }
        actions={
          warehouse && (
            <>
              <ExportCsvLink href={exportCsvHref("shipments", { warehouse: warehouse.code })} />
              <WarehousePicker key={warehouse.code} value={warehouse.code} warehouses={warehouses} tab={initialTab} />
            </>
          )
        }
      />
      {warehouse ? (
        <FulfillmentDesk key={warehouse.code} warehouse={warehouse} initialTab={initialTab} role={actor.role} />
      ) : (
        <EmptyState title="No active warehouse" description="Shipments leave from a warehouse: an admin adds one first." />
      )}
    </>
  );
}
