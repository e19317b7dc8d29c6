import { Pencil } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductArchiveButton } from "~/components/catalog/product-archive-button";
import { Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { buttonVariants } from "~/components/ui/button";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { requirePermission } from "~/app/(desk)/guard";
import { can } from "~/server/auth/permissions";
import { AppError } from "~/server/errors";
import { referenceNameOf } from "~/server/settings/reference-codes";
import { api } from "~/trpc/server";

export default async function ProductPage({ params }: { params: Promise<{ sku: string }> }) {
  const { sku: rawSku } = await params;
  const sku = decodeURIComponent(rawSku);
  const actor = await requirePermission("products.view", `/products/${rawSku}`);
  const caller = await api();
  const product = await caller.products.get({ sku }).catch((error: unknown) => {
    if ((error as { cause?: unknown }).cause instanceof AppError) notFound();
    throw error;
  });
  const [stock, units, taxCategories] = await Promise.all([
    caller.inventory.stock({ sku, limit: 100 }),
    caller.settings.list({ kind: "units" }),
    caller.settings.list({ kind: "tax-categories" }),
  ]);

  return (
    <>
      <PageHeader
        title={
          <>
            {product.name}
            {product.isArchived && (
              <Badge variant="neutral" className="ml-2 align-middle">
                Archived
              </Badge>
            )}
          </>
        }
        description={<span className="font-mono">{product.sku}</span>}
        actions={
          can(actor.role, "products.edit") && (
            <>
              <Link href={`/products/${encodeURIComponent(product.sku)}/edit`} className={buttonVariants({ variant: "outline" })}>
                <Pencil aria-hidden />
                Edit
              </Link>
              <ProductArchiveButton product={product} />
            </>
          )
        }
      />
      {product.isArchived && (
        <p className="mb-4 rounded-md border border-dashed p-3 text-sm text-muted-foreground">Archived: new orders can no longer take this product. Documents that name it keep it.</p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Product</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-y-2 text-sm">
              <dt className="text-muted-foreground">Category</dt>
              <dd className="text-right">{product.category}</dd>
              <dt className="text-muted-foreground">Unit</dt>
              <dd className="text-right">
                {referenceNameOf(units.items, product.unit)} <span className="font-mono text-xs text-muted-foreground">{product.unit}</span>
              </dd>
              <dt className="text-muted-foreground">List price</dt>
              <dd className="text-right">
                <Money amount={product.listPrice} currency={product.currency} />
              </dd>
              <dt className="text-muted-foreground">Cost</dt>
              <dd className="text-right">
                <Money amount={product.cost} currency={product.currency} />
              </dd>
              <dt className="text-muted-foreground">Weight</dt>
              <dd className="text-right tabular-nums">{(product.weightGrams / 1000).toFixed(3)} kg</dd>
              <dt className="text-muted-foreground">Tax category</dt>
              <dd className="text-right">{referenceNameOf(taxCategories.items, product.taxCategory)}</dd>
              <dt className="text-muted-foreground">Vendor lead time</dt>
              <dd className="text-right">{product.leadTimeDays} days</dd>
              <dt className="text-muted-foreground">Pack size</dt>
              <dd className="text-right">{product.packSize === 1 ? "Single units" : `Multiples of ${product.packSize}`}</dd>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Stock by warehouse</CardTitle>
            <CardAction>
              <Link href={`/inventory/${encodeURIComponent(sku)}`} className="text-sm text-primary hover:underline">
                Availability, ledger and reservations
              </Link>
            </CardAction>
          </CardHeader>
          <CardContent className="px-0">
            <Table aria-label="Stock by warehouse">
              <TableHeader>
                <TableRow>
                  <TableHead>Warehouse</TableHead>
                  <TableHead numeric>On hand</TableHead>
                  <TableHead numeric>Reserved</TableHead>
                  <TableHead numeric>Available</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {stock.items.map((s) => (
                  <TableRow key={s.warehouse}>
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
          </CardContent>
        </Card>
      </div>
      <p className="mt-6 text-sm">
        <Link href="/products" className="text-primary hover:underline">
          ← All products
        </Link>
      </p>
    </>
  );
}
