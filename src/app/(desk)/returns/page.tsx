import { Undo2 } from "lucide-react";
import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { Pager } from "~/components/list/list-controls";
import { parseReturnListParams, returnListHref, type RawSearchParams } from "~/components/returns/list-params";
import { RETURN_STATUS_DISPLAY } from "~/components/returns/return-status";
import { ReturnsTable } from "~/components/returns/returns-table";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { ExportCsvLink, exportCsvHref } from "~/components/list/export-csv-link";
import { PageHeader } from "~/components/ui/page-header";
import { SectionTabs } from "~/components/ui/section-tabs";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import { RETURN_STATUSES } from "~/server/billing/constants";
import { api } from "~/trpc/server";

export const metadata = { title: "Returns" };

const PAGE_SIZE = 50;

/** `/returns?status=approved&customer=C-1001`: returns (RMAs), newest first, by status, order or customer. */
export default async function ReturnsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseReturnListParams(await searchParams);
  const actor = await requirePermission("returns.view", returnListHref(params));
  const caller = await api();
  let page: Awaited<ReturnType<typeof caller.returns.list>> | null = null;
  let failure: string | null = null;
  try {
    page = await caller.returns.list({ ...params, limit: PAGE_SIZE });
  } catch (error) {
    failure = apiErrorOf(error).message;
  }
  const { status, ...others } = params;
  const narrowed = !!(params.order || params.customer);
  const tabs = [
    { id: "all", label: "All", href: returnListHref({ ...others, cursor: undefined }) },
    ...RETURN_STATUSES.map((s) => ({ id: s, label: RETURN_STATUS_DISPLAY[s].label, href: returnListHref({ ...others, status: s, cursor: undefined }) })),
  ];
  const hint =
    can(actor.role, "returns.approve") && status === "requested"
      ? "Returns above the approval value wait here for a manager."
      : can(actor.role, "returns.receive") && status === "approved"
        ? "Approved returns: receive them when the goods arrive."
        : null;

  return (
    <>
      <PageHeader
        title="Returns"
        description="Goods customers send back (RMAs), opened from a shipped order. Above the approval value a manager approves them; the warehouse receives them, restocks or scraps the units, and the credit note is issued."
        actions={<ExportCsvLink href={exportCsvHref("returns", params)} />}
      />
      <SectionTabs label="Return status" tabs={tabs} current={status ?? "all"} />
      <form method="get" role="search" aria-label="Filter returns" className="mb-4 flex flex-wrap items-end gap-3">
        {status && <input type="hidden" name="status" value={status} />}
        <div className="grid gap-1.5">
          <Label htmlFor="returns-order">Order</Label>
          <Input id="returns-order" name="order" defaultValue={params.order} placeholder="SO-…" className="w-44 font-mono uppercase placeholder:font-sans" autoComplete="off" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="returns-customer">Customer code</Label>
          <Input id="returns-customer" name="customer" defaultValue={params.customer} placeholder="C-…" className="w-44 font-mono uppercase placeholder:font-sans" autoComplete="off" />
        </div>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {narrowed && (
          <Button asChild variant="ghost">
            <Link href={returnListHref({ status })}>Clear</Link>
          </Button>
        )}
      </form>
      {hint && <p className="mb-3 text-sm text-muted-foreground">{hint}</p>}
      {failure ? (
        <div role="alert" className="rounded-lg border border-destructive/30 bg-danger-soft p-4 text-sm text-danger-soft-foreground">
          <p className="font-medium">Could not load the returns.</p>
          <p className="mt-1">{failure}</p>
          <p className="mt-2">
            <Link href="/returns" className="underline">
              Clear filters
            </Link>
          </p>
        </div>
      ) : page && page.items.length > 0 ? (
        <>
          <ReturnsTable items={page.items} linkCreditNotes={can(actor.role, "invoices.view")} />
          <Pager basePath="/returns" params={{ ...params }} nextCursor={page.nextCursor} shown={page.items.length} />
        </>
      ) : (
        <EmptyState
          icon={Undo2}
          title={params.cursor ? "No more returns" : status || narrowed ? "No returns match these filters" : "No returns yet"}
          description={
            status || narrowed
              ? `No ${status ? `${RETURN_STATUS_DISPLAY[status].label.toLowerCase()} ` : ""}returns${params.order ? ` on ${params.order}` : ""}${params.customer ? ` for ${params.customer}` : ""}.`
              : "Returns are opened from a shipped order's page (Open return)."
          }
          action={
            status || narrowed ? (
              <Button asChild variant="outline">
                <Link href="/returns">Show all returns</Link>
              </Button>
            ) : undefined
          }
        />
      )}
    </>
  );
}
