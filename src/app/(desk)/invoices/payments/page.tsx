import { Banknote } from "lucide-react";
import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { CustomerName } from "~/components/billing/customer-name";
import { FinanceTabs } from "~/components/billing/finance-tabs";
import { PaymentFilters } from "~/components/billing/payment-filters";
import { METHOD_LABELS, paymentDocument } from "~/components/billing/payment-format";
import { RecordPaymentButton } from "~/components/billing/payment-record-dialog";
import { isMissing } from "~/components/fulfillment/not-found";
import { firstParam, Pager } from "~/components/list/list-controls";
import { DateOnly, Money } from "~/components/shell/money";
import { EmptyState } from "~/components/ui/empty-state";
import { ExportCsvLink, exportCsvHref } from "~/components/list/export-csv-link";
import { PageHeader } from "~/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { can } from "~/server/auth/permissions";
import { api } from "~/trpc/server";

export const metadata = { title: "Payments" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/invoices/payments?customer=C-10001&unallocated=1`: money received, newest first, and where it went. */
export default async function PaymentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("payments.view", "/invoices/payments");
  const params = await searchParams;
  const customerCode = firstParam(params.customer)?.trim().slice(0, 40) || undefined;
  const unallocated = ["1", "true", "yes"].includes(firstParam(params.unallocated) ?? "");
  const cursor = firstParam(params.cursor);
  const caller = await api();
  const list = (withCursor: string | undefined) => caller.payments.list({ customer: customerCode, unallocated: unallocated || undefined, cursor: withCursor, limit: 50 });
  const [page, customer] = await Promise.all([
    // A cursor this list did not hand out (an edited URL) starts again from the first page.
    list(cursor).catch((error: unknown) => {
      if (cursor && isMissing(error)) return list(undefined);
      throw error;
    }),
    customerCode && can(actor.role, "customers.view") ? caller.customers.get({ code: customerCode }).catch(() => null) : null,
  ]);
  const canRecord = can(actor.role, "payments.record");
  const filtered = !!customerCode || unallocated;

  return (
    <>
      <PageHeader
        title="Payments"
        description="Money received from customers, the invoices it paid and what stays as their credit."
        actions={
          <>
            <ExportCsvLink href={exportCsvHref("payments", { customer: customerCode, unallocated: unallocated || undefined })} />
            {canRecord && <RecordPaymentButton customer={customer ? { code: customer.code, name: customer.name } : undefined} />}
          </>
        }
      />
      <FinanceTabs current="payments" role={actor.role} />
      <PaymentFilters customer={customer ? { code: customer.code, name: customer.name } : customerCode ? { code: customerCode, name: customerCode } : null} unallocated={unallocated} />
      {page.items.length === 0 ? (
        <EmptyState
          icon={Banknote}
          title={filtered ? "No payments match" : "No payments yet"}
          description={
            filtered
              ? unallocated
                ? "No payment with money left to allocate: every payment here is fully applied or refunded."
                : "This customer has no payments recorded."
              : canRecord
                ? "Record the first payment a customer sends: it pays their invoices oldest first, or the ones you choose."
                : "Payments appear here once finance records them."
          }
        />
      ) : (
        <div className="min-w-0 rounded-lg border bg-background">
          <Table aria-label="Payments" className="[&_td]:px-2 [&_th]:px-2 xl:[&_td]:px-3 xl:[&_th]:px-3">
            <TableHeader>
              <TableRow>
                <TableHead>Payment</TableHead>
                <TableHead>Customer</TableHead>
                <TableHead>Method</TableHead>
                <TableHead numeric>Amount</TableHead>
                <TableHead numeric>Allocated</TableHead>
                <TableHead numeric>Unallocated</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((p) => (
                <TableRow key={p.id}>
                  <TableCell className="whitespace-nowrap">
                    <Link href={`/invoices/payments/${p.id}`} className="font-mono text-xs font-medium text-primary hover:underline">
                      {paymentDocument(p.id)}
                    </Link>
                    <DateOnly value={p.receivedOn} className="block text-xs text-muted-foreground" />
                  </TableCell>
                  <TableCell className="max-w-44 xl:max-w-72">
                    <CustomerName customer={p.customer} className="font-medium" />
                  </TableCell>
                  <TableCell className="max-w-32 xl:max-w-56">
                    {METHOD_LABELS[p.method]}
                    {p.reference && (
                      <span className="block truncate font-mono text-xs text-muted-foreground" title={p.reference}>
                        {p.reference}
                      </span>
                    )}
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={p.amount} currency={p.currency} />
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={p.amountAllocated} currency={p.currency} />
                    {p.amountRefunded > 0 && (
                      <span className="block text-xs text-muted-foreground">
                        refunded <Money amount={p.amountRefunded} currency={p.currency} />
                      </span>
                    )}
                  </TableCell>
                  <TableCell numeric>
                    {p.unallocated > 0 ? (
                      <Money amount={p.unallocated} currency={p.currency} className="font-medium text-warning-soft-foreground" />
                    ) : (
                      <Money amount={0} currency={p.currency} className="text-muted-foreground" />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pager basePath="/invoices/payments" params={{ customer: customerCode, unallocated: unallocated ? "1" : undefined, cursor }} nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}
