import { Receipt } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { requirePermission } from "~/app/(desk)/guard";
import { FinanceTabs } from "~/components/billing/finance-tabs";
import { InvoiceFilters } from "~/components/billing/invoice-filters";
import { hasInvoiceFilters, invoiceListHref, parseInvoiceListParams, type InvoiceListParams, type RawSearchParams } from "~/components/billing/invoice-list-params";
import { InvoiceTable, InvoiceTableSkeleton } from "~/components/billing/invoice-table";
import { Pager } from "~/components/list/list-controls";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ExportCsvLink, exportCsvHref } from "~/components/list/export-csv-link";
import { PageHeader } from "~/components/ui/page-header";
import { apiErrorOf } from "~/lib/trpc-error";
import { api } from "~/trpc/server";

export const metadata = { title: "Invoices" };

const BASE = "/invoices";
const PAGE_SIZE = 50;

/** `/invoices`: every invoice, newest first, filtered by status, customer and a search, all in the URL. */
export default async function InvoicesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseInvoiceListParams(await searchParams);
  const actor = await requirePermission("invoices.view", invoiceListHref(BASE, params));
  const query = invoiceListHref(BASE, params);
  return (
    <>
      <PageHeader title="Invoices" description="What customers were billed for their shipments, what they paid and what they still owe. Filters live in the URL."
        actions={<ExportCsvLink href={exportCsvHref("invoices", { status: params.status, customer: params.customer, search: params.search })} />}
      />
      <FinanceTabs current="invoices" role={actor.role} />
      <InvoiceFilters key={`filters:${invoiceListHref(BASE, { ...params, cursor: undefined })}`} basePath={BASE} params={params} />
      <Suspense key={`results:${query}`} fallback={<InvoiceTableSkeleton />}>
        <InvoiceResults params={params} />
      </Suspense>
    </>
  );
}

async function InvoiceResults({ params }: { params: InvoiceListParams }) {
  let page;
  try {
    page = await (await api()).invoices.list({ ...params, limit: PAGE_SIZE });
  } catch (error) {
    return (
      <div role="alert" className="rounded-lg border border-destructive/30 bg-danger-soft p-4 text-sm text-danger-soft-foreground">
        <p className="font-medium">Could not load the invoices.</p>
        <p className="mt-1">{apiErrorOf(error).message}</p>
        <p className="mt-2">
          <Link href={invoiceListHref(BASE, { ...params, cursor: undefined })} className="underline">
            Back to the first page
          </Link>
        </p>
      </div>
    );
  }
  if (page.items.length === 0) {
    const filtered = hasInvoiceFilters(params);
    return (
      <EmptyState
        icon={Receipt}
        title={filtered ? "No invoices match these filters" : params.cursor ? "No more invoices" : "No invoices yet"}
        description={
          filtered
            ? "Try another status, a shorter search or another customer."
            : "Invoices are issued when a shipment leaves the warehouse (or at submission for customers billed on order); they appear here with their balances and due dates."
        }
        action={
          filtered ? (
            <Button asChild variant="outline">
              <Link href={BASE}>Clear filters</Link>
            </Button>
          ) : undefined
        }
      />
    );
  }
  return (
    <>
      <InvoiceTable items={page.items} />
      <Pager basePath={BASE} params={{ ...params }} nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}
