import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { ProductForm } from "~/components/catalog/product-form";
import { PageHeader } from "~/components/ui/page-header";
import { AppError } from "~/server/errors";
import { api } from "~/trpc/server";
import { productFormOptions } from "../../product-form-options";

export const metadata = { title: "Edit product" };

/** `/products/{sku}/edit`: a product's name, category, unit, prices, weight, tax category, lead time, pack size. */
export default async function EditProductPage({ params }: { params: Promise<{ sku: string }> }) {
  const { sku: rawSku } = await params;
  await requirePermission("products.edit", `/products/${rawSku}/edit`);
  const caller = await api();
  const [product, options] = await Promise.all([
    caller.products.get({ sku: decodeURIComponent(rawSku) }).catch((error: unknown) => {
      if ((error as { cause?: unknown }).cause instanceof AppError) notFound();
      throw error;
    }),
    productFormOptions(caller),
  ]);
  return (
    <>
      <PageHeader title={`Edit ${product.sku}`} description="New orders and quotes are priced from the new list price; orders already entered keep theirs." />
      <ProductForm product={product} {...options} />
    </>
  );
}
