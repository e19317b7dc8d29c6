import { requirePermission } from "~/app/(desk)/guard";
import { ProductForm } from "~/components/catalog/product-form";
import { PageHeader } from "~/components/ui/page-header";
import { api } from "~/trpc/server";
import { productFormOptions } from "../product-form-options";

export const metadata = { title: "New product" };

/** `/products/new`: add a product to the catalog (managers, admins). */
export default async function NewProductPage() {
  await requirePermission("products.create", "/products/new");
  const options = await productFormOptions(await api());
  return (
    <>
      <PageHeader title="New product" description="Orders can take it once it exists; stock it with a receipt or an adjustment." />
      <ProductForm {...options} />
    </>
  );
}
