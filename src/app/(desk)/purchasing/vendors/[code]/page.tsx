import { TRPCError } from "@trpc/server";
import { Plus } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { PurchaseOrdersTable } from "~/components/purchasing/purchase-orders-table";
import { VendorArchiveButton } from "~/components/purchasing/vendor-archive-button";
import { VendorDialog } from "~/components/purchasing/vendor-dialog";
import { VendorProducts } from "~/components/purchasing/vendor-products";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { AppError } from "~/server/errors";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props) {
  const { code } = await params;
  return { title: `Vendor ${decodeURIComponent(code).toUpperCase()}` };
}

function isMissing(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof AppError) return cause.kind === "not_found" || cause.kind === "invalid";
  return error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST");
}

/** `/purchasing/vendors/[code]`: contact and lead time, the products it usually supplies, its purchase orders. */
export default async function VendorPage({ params }: Props) {
  const { code: rawCode } = await params;
  const code = decodeURIComponent(rawCode).trim().toUpperCase();
  const actor = await requirePermission("purchasing.view", `/purchasing/vendors/${rawCode}`);
  const vendor = await (await api()).purchasing.vendors.get({ code }).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  const canManage = can(actor.role, "purchasing.manage");
  const open = vendor.purchaseOrders.filter((p) => p.status === "draft" || p.status === "sent" || p.status === "partially_received");
  const past = vendor.purchaseOrders.filter((p) => !open.includes(p));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/purchasing/vendors" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Vendors
        </Link>
      </p>
      <PageHeader
        title={
          <>
            {vendor.name} <span className="font-mono text-base text-muted-foreground">{vendor.code}</span>
          </>
        }
        description={
          <>
            Lead time {vendor.leadTimeDays} days
            {vendor.contactName && <> · {vendor.contactName}</>}
            {vendor.email && (
              <>
                {" · "}
                <a href={`mailto:${vendor.email}`} className="hover:underline">
                  {vendor.email}
                </a>
              </>
            )}
            {vendor.phone && <> · {vendor.phone}</>}
          </>
        }
        actions={
          canManage ? (
            <>
              {!vendor.isArchived && (
                <Button asChild>
                  <Link href={`/purchasing/new?vendor=${encodeURIComponent(vendor.code)}`}>
                    <Plus aria-hidden />
                    New purchase order
                  </Link>
                </Button>
              )}
              <VendorDialog vendor={vendor} />
              <VendorArchiveButton vendor={vendor} />
            </>
          ) : null
        }
      >
        {vendor.isArchived && <Badge variant="neutral">Archived</Badge>}
      </PageHeader>

      <section aria-labelledby="vendor-open-heading">
        <h2 id="vendor-open-heading" className="mb-2 text-sm font-semibold">
          Open purchase orders <span className="font-normal text-muted-foreground">({open.length})</span>
        </h2>
        {open.length === 0 ? (
          <EmptyState title="Nothing open" description="Drafts and purchase orders awaiting delivery appear here." />
        ) : (
          <PurchaseOrdersTable items={open} label="Open purchase orders" showVendor={false} />
        )}
      </section>
      <section aria-labelledby="vendor-products-heading" className="mt-6">
        <h2 id="vendor-products-heading" className="mb-2 text-sm font-semibold">
          Products <span className="font-normal text-muted-foreground">({vendor.products.length})</span>
        </h2>
        <VendorProducts vendorCode={vendor.code} products={vendor.products} canManage={canManage} />
      </section>
      {past.length > 0 && (
        <section aria-labelledby="vendor-past-heading" className="mt-6">
          <h2 id="vendor-past-heading" className="mb-2 text-sm font-semibold">
            Recent received, closed and canceled
          </h2>
          <PurchaseOrdersTable items={past} label="Past purchase orders" showVendor={false} />
          <p className="mt-2 text-sm">
            <Link href={`/purchasing?vendor=${encodeURIComponent(vendor.code)}`} className="text-primary hover:underline">
              All purchase orders of {vendor.code}
            </Link>
          </p>
        </section>
      )}
    </>
  );
}
