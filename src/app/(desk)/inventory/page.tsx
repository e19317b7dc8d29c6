import { Boxes } from "lucide-react";
import { firstParam, ListFilters, Pager } from "~/components/list/list-controls";
import { AdjustStockDialog } from "~/components/inventory/adjust-stock-dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { Label } from "~/components/ui/label";
import { PageHeader } from "~/components/ui/page-header";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { requirePermission } from "~/app/(desk)/guard";
import { can } from "~/server/auth/permissions";
import { api } from "~/trpc/server";
import Link from "next/link";

export const metadata = { title: "Inventory" };

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("inventory.view", "/inventory");
  const params = await searchParams;
  const search = firstParam(params.search);
  const warehouse = firstParam(params.warehouse);
  const cursor = firstParam(params.cursor);
  const caller = await api();
  const [page, warehouses] = await Promise.all([
    caller.inventory.stock({ search, warehouse, cursor, limit: 100 }),
    caller.inventory.warehouses(),
  ]);
  const canAdjust = can(actor.role, "stock.adjust");

  return (
    <>
      <PageHeader
        title="Inventory"
        description="On hand, reserved and available stock per SKU and warehouse."
        actions={canAdjust ? <AdjustStockDialog warehouses={warehouses.items.map((w) => ({ code: w.code, name: w.name }))} /> : null}
      />
      <ListFilters searchLabel="Search stock" searchValue={search} placeholder="SKU or product name">
        <div className="grid gap-1.5">
          <Label htmlFor="warehouse-filter">Warehouse</Label>
          <NativeSelect id="warehouse-filter" name="warehouse" defaultValue={warehouse ?? ""} className="w-52">
            <option value="">All warehouses</option>
            {warehouses.items.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} — {w.name}
              </option>
            ))}
          </NativeSelect>
        </div>
      </ListFilters>
      {page.items.length === 0 ? (
        <EmptyState icon={Boxes} title="No stock matches" description="Try another SKU, name or warehouse." />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Stock levels">
            <TableHeader>
              <TableRow>
                <TableHead>SKU</TableHead>
                <TableHead>Product</TableHead>
                <TableHead>Warehouse</TableHead>
                <TableHead numeric>On hand</TableHead>
                <TableHead numeric>Reserved</TableHead>
                <TableHead numeric>Available</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((s) => (
                <TableRow key={`${s.sku}:${s.warehouse}`}>
                  <TableCell className="font-mono text-xs">
                    <Link href={`/products/${encodeURIComponent(s.sku)}`} className="text-primary hover:underline">
                      {s.sku}
                    </Link>
                  </TableCell>
                  <TableCell>{s.productName}</TableCell>
                  <TableCell>{s.warehouse}</TableCell>
                  <TableCell numeric>{s.onHand}</TableCell>
                  <TableCell numeric>{s.reserved}</TableCell>
                  <TableCell numeric className={s.available <= 0 ? "font-medium text-destructive" : undefined}>
                    {s.available}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pager basePath="/inventory" params={{ search, warehouse, cursor }} nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}
