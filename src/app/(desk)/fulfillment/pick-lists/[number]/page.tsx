import { FileDown } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { isMissing } from "~/components/fulfillment/not-found";
import { PickListView } from "~/components/fulfillment/pick-list-view";
import { PrintButton } from "~/components/fulfillment/print-button";
import { DateTime } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { Button } from "~/components/ui/button";
import { can } from "~/server/auth/permissions";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  const { number } = await params;
  return { title: decodeURIComponent(number).toUpperCase() };
}

/** `/fulfillment/pick-lists/[number]`: what to take from which bin, for which shipment; confirm per shipment; print or PDF. */
export default async function PickListPage({ params }: Props) {
  const { number: rawNumber } = await params;
  const number = decodeURIComponent(rawNumber).trim().toUpperCase();
  const actor = await requirePermission("fulfillment.view", `/fulfillment/pick-lists/${rawNumber}`);
  const caller = await api();
  const list = await caller.fulfillment.pickList({ id: number }).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  const picked = list.shipments.filter((s) => s.status !== "picking").length;

  return (
    <>
      <p className="mb-2 text-sm print:hidden">
        <Link href={`/fulfillment?warehouse=${encodeURIComponent(list.warehouse)}&tab=picking`} className="text-muted-foreground hover:text-foreground hover:underline">
          ← Fulfillment
        </Link>
      </p>
      <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between print:mb-4">
        <div className="min-w-0 space-y-1">
          <h1 className="text-xl leading-tight font-semibold tracking-tight print:text-2xl">
            Pick list <span className="font-mono">{list.number}</span>
          </h1>
          <p className="text-sm text-muted-foreground">
            {list.warehouseName} ({list.warehouse}) · created by {list.createdBy} on <DateTime value={list.createdAt} />
            {list.completedAt && (
              <>
                {" "}
                · completed <DateTime value={list.completedAt} />
              </>
            )}
          </p>
          <div role="group" aria-label="Status" className="flex flex-wrap items-center gap-1.5 pt-1">
            <StatusBadge status={list.status} />
            <span className="text-xs text-muted-foreground">
              {picked} of {list.shipments.length} shipment{list.shipments.length === 1 ? "" : "s"} confirmed
            </span>
          </div>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2 print:hidden">
          <PrintButton />
          <Button asChild variant="outline">
            <a href={`/fulfillment/pick-lists/${encodeURIComponent(list.number)}/pdf`} target="_blank" rel="noopener">
              <FileDown aria-hidden />
              PDF
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          </Button>
        </div>
      </div>
      <PickListView key={list.number} initial={list} canPick={can(actor.role, "fulfillment.pick")} />
    </>
  );
}
