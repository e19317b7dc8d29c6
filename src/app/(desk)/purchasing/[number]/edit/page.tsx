import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { PurchaseOrderForm } from "~/components/purchasing/purchase-order-form";
import { PageHeader } from "~/components/ui/page-header";
import { todayIn } from "~/lib/dates";
import { AppError } from "~/server/errors";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  const { number } = await params;
  return { title: `Edit ${decodeURIComponent(number).toUpperCase()}` };
}

function isMissing(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof AppError) return cause.kind === "not_found" || cause.kind === "invalid";
  return error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST");
}

/** `/purchasing/[number]/edit`: a draft's vendor, warehouse, date, notes and lines (version-checked on save). */
export default async function EditPurchaseOrderPage({ params }: Props) {
  const { number: rawNumber } = await params;
  const number = decodeURIComponent(rawNumber).trim().toUpperCase();
  await requirePermission("purchasing.manage", `/purchasing/${rawNumber}/edit`);
  const caller = await api();
  const [po, vendors, warehouses] = await Promise.all([
    caller.purchasing.orders.get({ number }),
    caller.purchasing.vendors.options(),
    caller.inventory.warehouses(),
  ]).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  // Only drafts can change; anything else goes back to its page.
  if (po.status !== "draft") redirect(`/purchasing/${encodeURIComponent(po.number)}`);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/purchasing/${encodeURIComponent(po.number)}`} className="text-muted-foreground hover:text-foreground hover:underline">
          ← {po.number}
        </Link>
      </p>
      <PageHeader title={`Edit ${po.number}`} description="Only drafts can change. Saving checks nobody else changed it since you opened it." />
      <PurchaseOrderForm
        po={po}
        vendors={vendors.some((v) => v.code === po.vendor.code) ? vendors : [...vendors, po.vendor]}
        warehouses={warehouses.items.map((w) => ({ code: w.code, name: w.name }))}
        today={todayIn()}
      />
    </>
  );
}
