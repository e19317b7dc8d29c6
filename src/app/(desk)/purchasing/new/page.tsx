import { requirePermission } from "~/app/(desk)/guard";
import { PurchaseOrderForm } from "~/components/purchasing/purchase-order-form";
import { PageHeader } from "~/components/ui/page-header";
import { todayIn } from "~/lib/dates";
import { api } from "~/trpc/server";

export const metadata = { title: "New purchase order" };

/** `/purchasing/new[?vendor=CODE]`: draft a purchase order (managers and admins). */
export default async function NewPurchaseOrderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("purchasing.manage", "/purchasing/new");
  const raw = await searchParams;
  const caller = await api();
  const [vendors, warehouses] = await Promise.all([caller.purchasing.vendors.options(), caller.inventory.warehouses()]);
  const requested = (Array.isArray(raw.vendor) ? raw.vendor[0] : raw.vendor)?.toUpperCase();
  const initialVendor = vendors.some((v) => v.code === requested) ? requested : undefined;
  return (
    <>
      <PageHeader title="New purchase order" description="Saved as a draft: check it, then send it to the vendor from its page." />
      <PurchaseOrderForm
        vendors={vendors}
        warehouses={warehouses.items.filter((w) => w.isActive).map((w) => ({ code: w.code, name: w.name }))}
        today={todayIn()}
        initialVendor={initialVendor}
      />
    </>
  );
}
