import { FileMinus } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { z } from "zod";
import { requirePermission } from "~/app/(desk)/guard";
import { CreditNoteTable } from "~/components/billing/credit-note-table";
import { FinanceTabs } from "~/components/billing/finance-tabs";
import { InvoiceTableSkeleton } from "~/components/billing/invoice-table";
import { Pager } from "~/components/list/list-controls";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { ExportCsvLink, exportCsvHref } from "~/components/list/export-csv-link";
import { PageHeader } from "~/components/ui/page-header";
import { apiErrorOf } from "~/lib/trpc-error";
import { api } from "~/trpc/server";

export const metadata = { title: "Credit notes" };

const BASE = "/invoices/credit-notes";
const PAGE_SIZE = 50;

type RawSearchParams = Record<string, string | string[] | undefined>;
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);
const ZParams = z.object({ customer: text(40), order: text(40), cursor: text(500) });
type Params = z.infer<typeof ZParams>;

function parseParams(raw: RawSearchParams): Params {
  const get = (key: string) => {
    const value = (Array.isArray(raw[key]) ? raw[key][0] : raw[key])?.trim();
    return value ? value : undefined;
  };
  const params = ZParams.parse({ customer: get("customer"), order: get("order"), cursor: get("cursor") });
  return { customer: params.customer?.toUpperCase(), order: params.order?.toUpperCase(), cursor: params.cursor };
}

function hrefOf(params: Params) {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  return search.size ? `${BASE}?${search}` : BASE;
}

/** `/invoices/credit-notes`: credit notes for returns and price corrections, newest first, by customer or order. */
export default async function CreditNotesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseParams(await searchParams);
  const actor = await requirePermission("invoices.view", hrefOf(params));
  return (
    <>
      <PageHeader
        title="Credit notes"
        description="Money owed back to customers for returned goods and price corrections: applied to their open invoices or refunded."
        actions={<ExportCsvLink href={exportCsvHref("credit_notes", { customer: params.customer, order: params.order })} />}
      />
      <FinanceTabs current="credit-notes" role={actor.role} />
      <CreditNoteFilters key={`filters:${hrefOf({ ...params, cursor: undefined })}`} params={params} />
      <Suspense key={`results:${hrefOf(params)}`} fallback={<InvoiceTableSkeleton label="credit notes" />}>
        <CreditNoteResults params={params} />
      </Suspense>
    </>
  );
}

function CreditNoteFilters({ params }: { params: Params }) {
  const filtered = !!(params.customer || params.order);
  return (
    <form method="get" action={BASE} role="search" aria-label="Filter credit notes" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border bg-background p-3">
      <div className="grid gap-1.5">
        <Label htmlFor="cn-customer">Customer code</Label>
        <Input id="cn-customer" name="customer" defaultValue={params.customer} placeholder="e.g. C-10007" className="w-36 font-mono uppercase placeholder:font-sans placeholder:normal-case" autoComplete="off" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="cn-order">Order number</Label>
        <Input id="cn-order" name="order" defaultValue={params.order} placeholder="e.g. SO-100123" className="w-40 font-mono uppercase placeholder:font-sans placeholder:normal-case" autoComplete="off" />
      </div>
      <div className="ml-auto flex items-center gap-2">
        {filtered && (
          <Button asChild variant="ghost">
            <Link href={BASE}>Clear filters</Link>
          </Button>
        )}
        <Button type="submit">Apply filters</Button>
      </div>
    </form>
  );
}

async function CreditNoteResults({ params }: { params: Params }) {
  let page;
  try {
    page = await (await api()).creditNotes.list({ ...params, limit: PAGE_SIZE });
  } catch (error) {
    return (
      <div role="alert" className="rounded-lg border border-destructive/30 bg-danger-soft p-4 text-sm text-danger-soft-foreground">
        <p className="font-medium">Could not load the credit notes.</p>
        <p className="mt-1">{apiErrorOf(error).message}</p>
        <p className="mt-2">
          <Link href={BASE} className="underline">
            Clear filters
          </Link>
        </p>
      </div>
    );
  }
  if (page.items.length === 0) {
    const filtered = !!(params.customer || params.order);
    return (
      <EmptyState
        icon={FileMinus}
        title={filtered ? "No credit notes match these filters" : params.cursor ? "No more credit notes" : "No credit notes yet"}
        description={
          filtered ? "Try another customer or order." : "A credit note is issued when a return is received, or by finance for a price correction on an invoice."
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
      <CreditNoteTable items={page.items} />
      <Pager basePath={BASE} params={{ ...params }} nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}
