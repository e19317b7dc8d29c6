import Link from "next/link";
import { Package, Plus } from "lucide-react";
import { ExportCsvLink, exportCsvHref } from "~/components/list/export-csv-link";
import { firstParam, ListFilters, Pager } from "~/components/list/list-controls";
import { Money } from "~/components/shell/money";
import { buttonVariants } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { PageHeader } from "~/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { requirePermission } from "~/app/(desk)/guard";
import { can } from "~/server/auth/permissions";
import { referenceNameOf } from "~/server/settings/reference-codes";
import { api } from "~/trpc/server";

export const metadata = { title: "Products" };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("products.view", "/products");
  const params = await searchParams;
  const search = firstParam(params.search);
  const category = firstParam(params.category);
  const status = firstParam(params.status) === "archived" ? "archived" : "active";
  const cursor = firstParam(params.cursor);
  const caller = await api();
  const [page, units] = await Promise.all([caller.products.list({ search, category, status, cursor, limit: 50 }), caller.settings.list({ kind: "units" })]);

  return (
    <>
      <PageHeader
        title="Products"
        description="The catalog: SKUs, prices, costs and weights."
        actions={
          <>
            <ExportCsvLink href={exportCsvHref("products", { search, category, status: status === "archived" ? status : undefined })} />
            {can(actor.role, "products.create") && (
              <Link href="/products/new" className={buttonVariants()}>
                <Plus aria-hidden />
                New product
              </Link>
            )}
          </>
        }
      />
      <ListFilters searchLabel="Search products" searchValue={search} placeholder="SKU or name">
        {category && <input type="hidden" name="category" value={category} />}
        <div className="grid gap-1.5">
          <Label htmlFor="status-filter">Status</Label>
          <NativeSelect id="status-filter" name="status" defaultValue={status} className="w-36">
            <option value="active">Active</option>
            <option value="archived">Archived</option>
          </NativeSelect>
        </div>
      </ListFilters>
      {page.items.length === 0 ? (
        <EmptyState icon={Package} title="No products match" description="Try another SKU or name." />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Products">
            <TableHeader>
              <TableRow>
                <TableHead>SKU</TableHead>
                <TableHead>Name</TableHead>
                <TableHead>Category</TableHead>
                <TableHead>Unit</TableHead>
                <TableHead numeric>List price</TableHead>
                <TableHead numeric>Cost</TableHead>
                <TableHead numeric>Margin</TableHead>
                <TableHead numeric>Weight</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((p) => (
                <TableRow key={p.sku}>
                  <TableCell className="font-mono text-xs">
                    <Link href={`/products/${encodeURIComponent(p.sku)}`} className="text-primary hover:underline">
                      {p.sku}
                    </Link>
                  </TableCell>
                  <TableCell>{p.name}</TableCell>
                  <TableCell className="text-muted-foreground">
                    <Link href={`/products?category=${encodeURIComponent(p.category)}`} className="hover:underline">
                      {p.category}
                    </Link>
                  </TableCell>
                  <TableCell title={p.unit}>{referenceNameOf(units.items, p.unit)}</TableCell>
                  <TableCell numeric>
                    <Money amount={p.listPrice} currency={p.currency} />
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={p.cost} currency={p.currency} />
                  </TableCell>
                  <TableCell numeric>{p.listPrice > 0 ? `${Math.round(((p.listPrice - p.cost) / p.listPrice) * 100)}%` : "—"}</TableCell>
                  <TableCell numeric>{(p.weightGrams / 1000).toFixed(2)} kg</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pager basePath="/products" params={{ search, category, status: status === "archived" ? status : undefined, cursor }} nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}
