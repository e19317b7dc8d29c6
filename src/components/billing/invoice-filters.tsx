"use client";

import { LoaderCircle, Search, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { cn } from "~/lib/utils";
import { INVOICE_FILTER_OPTIONS } from "./invoice-labels";
import { hasInvoiceFilters, invoiceListHref, type InvoiceListParams } from "./invoice-list-params";

/**
 * The invoice list's filters, all in the URL: status as a row of links (one click, shareable), search and
 * customer code as a GET form (works before hydration; once hydrated it navigates with the router and leaves
 * empty fields out). Changing a filter goes back to the first page. Mount with `key={query}`.
 */
export function InvoiceFilters({ basePath, params }: { basePath: string; params: InvoiceListParams }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (key: string) => {
      const v = data.get(key);
      return typeof v === "string" && v.trim() ? v.trim() : undefined;
    };
    startTransition(() => router.push(invoiceListHref(basePath, { status: params.status, search: value("search"), customer: value("customer")?.toUpperCase() })));
  }

  return (
    <div className="mb-4 grid gap-3 rounded-lg border bg-background p-3">
      <nav aria-label="Invoice status">
        <ul className="flex flex-wrap gap-1.5">
          {INVOICE_FILTER_OPTIONS.map((option) => {
            const active = params.status === option.value;
            return (
              <li key={option.label}>
                <Link
                  href={invoiceListHref(basePath, { ...params, status: option.value, cursor: undefined })}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "inline-flex h-8 items-center rounded-md border px-3 text-sm font-medium transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70",
                    active ? "border-primary bg-primary text-primary-foreground" : "bg-background text-muted-foreground hover:bg-muted hover:text-foreground",
                  )}
                >
                  {option.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form method="get" action={basePath} role="search" aria-label="Filter invoices" onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        {params.status && <input type="hidden" name="status" value={params.status} />}
        <div className="grid gap-1.5">
          <Label htmlFor="invoices-search">Search invoices</Label>
          <div className="relative">
            <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
            <Input id="invoices-search" name="search" type="search" defaultValue={params.search} placeholder="Invoice, order or customer PO" className="w-72 pl-8" />
          </div>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="invoices-customer">Customer code</Label>
          <Input
            id="invoices-customer"
            name="customer"
            defaultValue={params.customer}
            placeholder="e.g. C-10007"
            className="w-36 font-mono uppercase placeholder:font-sans placeholder:normal-case"
            autoComplete="off"
          />
        </div>
        <div className="ml-auto flex items-center gap-2">
          {hasInvoiceFilters(params) && (
            <Button asChild variant="ghost">
              <Link href={basePath}>
                <X aria-hidden />
                Clear filters
              </Link>
            </Button>
          )}
          <Button type="submit" disabled={isPending}>
            {isPending && <LoaderCircle className="animate-spin" aria-hidden />}
            {isPending ? "Applying…" : "Apply filters"}
          </Button>
        </div>
      </form>
    </div>
  );
}
