import Link from "next/link";
import { Package, Plus } from "lucide-react";
import { ExportCsvLink, exportCsvHref } from "~/components/list/export-csv-link";
import { firstParam, ListFilters, Pager, RecordStatusFilter, recordStatusOf } from "~/components/list/list-controls";
import { Money } from "~/components/shell/money";
import { buttonVariants } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
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
  const status = recordStatusOf(firstParam(params.status));
  // In links only when it is not the default.
  const listed = status === "archived" ? status : undefined;
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
            <ExportCsvLink href={exportCsvHref("products", { search, category, status: listed })} />
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
        <RecordStatusFilter status={status} />
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
      <Pager basePath="/products" params={{ search, category, status: listed, cursor }} nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}
