import { CircleAlert, Info, Receipt } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { InvoiceActions } from "~/components/billing/invoice-actions";
import { InvoiceAllocations } from "~/components/billing/invoice-allocations";
import { AddressText, Fact, FactRows, TaxByRateTable, TotalsList, type TotalRow } from "~/components/billing/invoice-document-parts";
import { daysLabel, formatTaxRate, invoiceName, termsLabel } from "~/components/billing/invoice-labels";
import { InvoiceStatusBadge } from "~/components/billing/invoice-status-badge";
import { isMissing } from "~/components/fulfillment/not-found";
import { DateOnly, DateTime, Money } from "~/components/shell/money";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { can } from "~/server/auth/permissions";
import type { TInvoice } from "~/server/billing/schemas";
import { api } from "~/trpc/server";
import { isUuid } from "~/lib/uuid";

type Props = { params: Promise<{ number: string }> };

const keyOf = (raw: string) => {
  const key = decodeURIComponent(raw).trim();
  return isUuid(key) ? key.toLowerCase() : key.toUpperCase();
};

export async function generateMetadata({ params }: Props) {
  const key = keyOf((await params).number);
  return { title: isUuid(key) ? "Draft invoice" : key };
}

/** `/invoices/[number]` (a draft by its id): the invoice, its lines and taxes, the money applied, credit notes, and finance's actions. */
export default async function InvoicePage({ params }: Props) {
  const { number: raw } = await params;
  const key = keyOf(raw);
  const actor = await requirePermission("invoices.view", `/invoices/${raw}`);
  const invoice = await (await api()).invoices.get({ number: key }).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  const c = invoice.currency;
  const canReverse = can(actor.role, "payments.record");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/invoices" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Invoices
        </Link>
      </p>
      <PageHeader
        title={
          invoice.number ? (
            <>
              Invoice <span className="font-mono whitespace-nowrap">{invoice.number}</span>
            </>
          ) : (
            "Draft invoice"
          )
        }
        description={
          <span>
            <Link href={`/customers/${encodeURIComponent(invoice.customer.code)}`} className="font-medium text-foreground hover:underline">
              {invoice.customer.name}
            </Link>{" "}
            <span className="font-mono text-xs whitespace-nowrap">{invoice.customer.code}</span> · order{" "}
            <Link href={`/orders/${encodeURIComponent(invoice.order)}`} className="font-mono font-medium text-foreground hover:underline">
              {invoice.order}
            </Link>{" "}
            · made by {invoice.createdBy} on <DateTime value={invoice.createdAt} />
          </span>
        }
        actions={<InvoiceActions invoice={invoice} role={actor.role} />}
      >
        <div role="group" aria-label="Status" className="flex flex-wrap items-center gap-1.5 pt-1">
          <InvoiceStatusBadge invoice={invoice} />
          {invoice.remindersSent > 0 && (
            <span className="text-xs text-muted-foreground">
              {invoice.remindersSent} reminder{invoice.remindersSent === 1 ? "" : "s"} sent
            </span>
          )}
        </div>
      </PageHeader>

      <InvoiceBanner invoice={invoice} />

      <dl className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Fact label="Bill to">
          <span className="font-medium">{invoice.customer.name}</span>
          <AddressText address={invoice.billTo} />
        </Fact>
        <Fact label="Ship to">
          <AddressText address={invoice.shipTo} />
        </Fact>
        <Fact label="References">
          <FactRows
            rows={[
              [
                "Order",
                <Link key="o" href={`/orders/${encodeURIComponent(invoice.order)}`} className="font-mono text-primary hover:underline">
                  {invoice.order}
                </Link>,
              ],
              ["Customer PO", invoice.customerReference ?? <span className="text-muted-foreground">—</span>],
              [
                "Shipment",
                invoice.shipment ? (
                  can(actor.role, "fulfillment.view") ? (
                    <Link href={`/fulfillment/shipments/${encodeURIComponent(invoice.shipment)}`} className="font-mono text-primary hover:underline">
                      {invoice.shipment}
                    </Link>
                  ) : (
                    <span className="font-mono">{invoice.shipment}</span>
                  )
                ) : (
                  <span className="text-muted-foreground">Billed on order</span>
                ),
              ],
            ]}
          />
        </Fact>
        <Fact label="Dates and terms">
          <FactRows
            rows={[
              ["Issued", invoice.issueDate ? <DateOnly value={invoice.issueDate} /> : <span className="text-muted-foreground">Not yet</span>],
              [
                "Due",
                invoice.dueDate ? (
                  <span className={invoice.overdue ? "font-medium text-danger-soft-foreground" : undefined}>
                    <DateOnly value={invoice.dueDate} />
                    {invoice.overdue && ` · ${daysLabel(invoice.daysOverdue)} overdue`}
                  </span>
                ) : (
                  <span className="text-muted-foreground">At issue</span>
                ),
              ],
              ["Terms", termsLabel(invoice.paymentTermsDays)],
            ]}
          />
        </Fact>
      </dl>

      <section aria-labelledby="lines-heading" className="mt-6">
        <h2 id="lines-heading" className="mb-2 text-sm font-semibold">
          Lines <span className="font-normal text-muted-foreground">({invoice.lines.length})</span>
        </h2>
        <InvoiceLines invoice={invoice} />
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="taxes-heading" className="min-w-0">
          <h2 id="taxes-heading" className="mb-2 text-sm font-semibold">
            Tax per rate
          </h2>
          <TaxByRateTable taxes={invoice.taxes} currency={c} />
        </section>
        <section aria-labelledby="totals-heading" className="min-w-0">
          <h2 id="totals-heading" className="mb-2 text-sm font-semibold">
            Totals
          </h2>
          <TotalsList currency={c} rows={totalRows(invoice)} />
        </section>
      </div>

      <div className="mt-6 grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="applied-heading" className="min-w-0">
          <h2 id="applied-heading" className="mb-2 text-sm font-semibold">
            Money applied <span className="font-normal text-muted-foreground">({invoice.allocations.length})</span>
          </h2>
          {invoice.allocations.length === 0 ? (
            <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
              {invoice.status === "void" || invoice.status === "draft" ? "No money is applied to it." : "Nothing paid yet: payments and credit notes applied to this invoice appear here."}
            </p>
          ) : (
            <InvoiceAllocations allocations={invoice.allocations} currency={c} show="source" canReverse={canReverse} label="Money applied" />
          )}
        </section>
        <section aria-labelledby="credit-notes-heading" className="min-w-0">
          <h2 id="credit-notes-heading" className="mb-2 text-sm font-semibold">
            Credit notes <span className="font-normal text-muted-foreground">({invoice.creditNotes.length})</span>
          </h2>
          {invoice.creditNotes.length === 0 ? (
            <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">No credit notes against this invoice.</p>
          ) : (
            <ul aria-label="Credit notes" className="grid grid-cols-1 gap-2">
              {invoice.creditNotes.map((n) => (
                <li key={n.number} className="flex items-baseline justify-between gap-3 rounded-lg border bg-background p-3 text-sm">
                  <span className="min-w-0">
                    <Link href={`/invoices/credit-notes/${encodeURIComponent(n.number)}`} className="font-mono font-medium text-primary hover:underline">
                      {n.number}
                    </Link>
                    <span className="block truncate text-xs text-muted-foreground" title={n.reason}>
                      {n.reason}
                    </span>
                  </span>
                  <Money amount={n.total} currency={c} className="font-medium" />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

function totalRows(invoice: TInvoice): TotalRow[] {
  const rows: TotalRow[] = [{ label: "Subtotal", amount: invoice.subtotal }];
  rows.push({ label: "Discounts", amount: invoice.discountTotal ? -invoice.discountTotal : 0, tone: invoice.discountTotal ? undefined : "muted" });
  rows.push({ label: "Tax", amount: invoice.taxTotal });
  rows.push({ label: "Freight", amount: invoice.shippingTotal, tone: invoice.shippingTotal ? undefined : "muted" });
  rows.push({ label: "Total", amount: invoice.total, tone: "total", testId: "invoice-total" });
  rows.push({ label: "Paid", amount: invoice.amountPaid ? -invoice.amountPaid : 0, tone: invoice.amountPaid ? undefined : "muted", testId: "invoice-paid" });
  rows.push({ label: invoice.status === "void" ? "Balance (void)" : "Balance", amount: invoice.balance, tone: "due", testId: "invoice-balance" });
  return rows;
}

function InvoiceBanner({ invoice }: { invoice: TInvoice }) {
  if (invoice.status === "void") {
    return (
      <div role="status" className="mb-4 flex items-start gap-2 rounded-lg border bg-muted/60 p-3 text-sm">
        <CircleAlert className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
        <p>
          <span className="font-semibold">Void</span>
          {invoice.voidedAt && (
            <>
              {" "}
              since <DateTime value={invoice.voidedAt} />
            </>
          )}
          {invoice.voidedBy && ` by ${invoice.voidedBy}`}: {invoice.voidReason ?? <span className="text-muted-foreground italic">no reason recorded</span>}. Nothing is owed on it; its
          number stays used.
        </p>
      </div>
    );
  }
  if (invoice.status === "draft") {
    return (
      <div role="status" className="mb-4 flex items-start gap-2 rounded-lg border border-info/25 bg-info-soft p-3 text-sm text-info-soft-foreground">
        <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>
          A draft: it has no number and the customer has not seen it. Issuing it gives it the next invoice number, its issue and due dates, and sends it to the customer.
        </p>
      </div>
    );
  }
  if (invoice.overdue) {
    return (
      <div role="status" className="mb-4 flex items-start gap-2 rounded-lg border border-danger/25 bg-danger-soft p-3 text-sm text-danger-soft-foreground">
        <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>
          <span className="font-semibold">Overdue by {daysLabel(invoice.daysOverdue)}:</span> <Money amount={invoice.balance} currency={invoice.currency} /> was due on{" "}
          <DateOnly value={invoice.dueDate} />.
        </p>
      </div>
    );
  }
  return null;
}

function InvoiceLines({ invoice }: { invoice: TInvoice }) {
  const c = invoice.currency;
  if (invoice.lines.length === 0) {
    return <EmptyState icon={Receipt} title="No lines" description="This invoice bills nothing but freight." />;
  }
  const net = invoice.lines.reduce((s, l) => s + l.lineTotal, 0);
  return (
    <div className="min-w-0 rounded-lg border bg-background">
      <Table aria-label="Invoice lines">
        <TableHeader>
          <TableRow>
            <TableHead numeric className="w-10">
              #
            </TableHead>
            <TableHead>SKU</TableHead>
            <TableHead>Description</TableHead>
            <TableHead numeric>Qty</TableHead>
            <TableHead numeric>Unit price</TableHead>
            <TableHead numeric>Discount</TableHead>
            <TableHead numeric>Net</TableHead>
            <TableHead numeric>Tax rate</TableHead>
            <TableHead numeric>Tax</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invoice.lines.map((line) => (
            <TableRow key={line.lineNo}>
              <TableCell numeric className="text-muted-foreground">
                {line.lineNo}
              </TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                <Link href={`/products/${encodeURIComponent(line.sku)}`} className="text-primary hover:underline">
                  {line.sku}
                </Link>
              </TableCell>
              <TableCell className="min-w-32">{line.description}</TableCell>
              <TableCell numeric>{line.quantity}</TableCell>
              <TableCell numeric>
                <Money amount={line.unitPrice} currency={c} />
              </TableCell>
              <TableCell numeric>{line.discount ? <Money amount={-line.discount} currency={c} /> : <span className="text-muted-foreground">—</span>}</TableCell>
              <TableCell numeric className="font-medium">
                <Money amount={line.lineTotal} currency={c} />
              </TableCell>
              <TableCell numeric className="text-muted-foreground">
                {formatTaxRate(line.taxRatePpm)}
              </TableCell>
              <TableCell numeric>
                <Money amount={line.tax} currency={c} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell colSpan={6}>{invoiceName(invoice)}</TableCell>
            <TableCell numeric>
              <Money amount={net} currency={c} />
            </TableCell>
            <TableCell />
            <TableCell numeric>
              <Money amount={invoice.taxTotal} currency={c} />
            </TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </div>
  );
}
