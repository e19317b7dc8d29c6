import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { CreditNoteActions } from "~/components/billing/credit-note-actions";
import { CreditNoteKindBadge } from "~/components/billing/credit-note-table";
import { InvoiceAllocations } from "~/components/billing/invoice-allocations";
import { Fact, FactRows, TaxByRateTable, TotalsList, type TotalRow } from "~/components/billing/invoice-document-parts";
import { formatTaxRate, PAYMENT_METHOD_LABELS } from "~/components/billing/invoice-labels";
import { isMissing } from "~/components/fulfillment/not-found";
import { DateOnly, DateTime, Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page-header";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { todayIn } from "~/lib/dates";
import { can } from "~/server/auth/permissions";
import type { TCreditNote } from "~/server/billing/schemas";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: decodeURIComponent((await params).number).toUpperCase() };
}

/** `/invoices/credit-notes/[number]`: what was credited and why, its references, lines and taxes, and where the credit went. */
export default async function CreditNotePage({ params }: Props) {
  const { number: raw } = await params;
  const number = decodeURIComponent(raw).trim().toUpperCase();
  const actor = await requirePermission("invoices.view", `/invoices/credit-notes/${raw}`);
  const note = await (await api()).creditNotes.get({ number }).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  const c = note.currency;
  const none = <span className="text-muted-foreground">—</span>;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/invoices/credit-notes" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Credit notes
        </Link>
      </p>
      <PageHeader
        title={
          <>
            Credit note <span className="font-mono whitespace-nowrap">{note.number}</span>
          </>
        }
        description={
          <span>
            <Link href={`/customers/${encodeURIComponent(note.customer.code)}`} className="font-medium text-foreground hover:underline">
              {note.customer.name}
            </Link>{" "}
            <span className="font-mono text-xs whitespace-nowrap">{note.customer.code}</span> · issued by {note.createdBy} on <DateTime value={note.createdAt} />
          </span>
        }
        actions={<CreditNoteActions note={note} role={actor.role} today={todayIn()} />}
      >
        <div role="group" aria-label="Status" className="flex flex-wrap items-center gap-1.5 pt-1">
          <CreditNoteKindBadge kind={note.kind} />
          {note.remaining === 0 ? <Badge variant="success">Used up</Badge> : <Badge variant="warning">Credit left</Badge>}
        </div>
      </PageHeader>

      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label="Reason">{note.reason}</Fact>
        <Fact label="References">
          <FactRows
            rows={[
              [
                "Order",
                note.order ? (
                  <Link key="o" href={`/orders/${encodeURIComponent(note.order)}`} className="font-mono text-primary hover:underline">
                    {note.order}
                  </Link>
                ) : (
                  none
                ),
              ],
              [
                "Invoice",
                note.invoice ? (
                  <Link key="i" href={`/invoices/${encodeURIComponent(note.invoice)}`} className="font-mono text-primary hover:underline">
                    {note.invoice}
                  </Link>
                ) : (
                  none
                ),
              ],
              [
                "Return",
                note.return ? (
                  can(actor.role, "returns.view") ? (
                    <Link key="r" href={`/returns/${encodeURIComponent(note.return)}`} className="font-mono text-primary hover:underline">
                      {note.return}
                    </Link>
                  ) : (
                    <span className="font-mono">{note.return}</span>
                  )
                ) : (
                  none
                ),
              ],
            ]}
          />
        </Fact>
        <Fact label="Issued">
          <DateOnly value={note.issueDate} />
        </Fact>
      </dl>

      <section aria-labelledby="lines-heading" className="mt-6">
        <h2 id="lines-heading" className="mb-2 text-sm font-semibold">
          Lines <span className="font-normal text-muted-foreground">({note.lines.length})</span>
        </h2>
        <CreditNoteLines note={note} />
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="taxes-heading" className="min-w-0">
          <h2 id="taxes-heading" className="mb-2 text-sm font-semibold">
            Tax per rate
          </h2>
          <TaxByRateTable taxes={note.taxes} currency={c} />
        </section>
        <section aria-labelledby="totals-heading" className="min-w-0">
          <h2 id="totals-heading" className="mb-2 text-sm font-semibold">
            Totals
          </h2>
          <TotalsList currency={c} rows={totalRows(note)} />
        </section>
      </div>

      <div className="mt-6 grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="applied-heading" className="min-w-0">
          <h2 id="applied-heading" className="mb-2 text-sm font-semibold">
            Applied to invoices <span className="font-normal text-muted-foreground">({note.allocations.length})</span>
          </h2>
          {note.allocations.length === 0 ? (
            <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">Not applied to any invoice yet.</p>
          ) : (
            <InvoiceAllocations allocations={note.allocations} currency={c} show="invoice" canReverse={can(actor.role, "payments.record")} label="Applied to invoices" />
          )}
        </section>
        <section aria-labelledby="refunds-heading" className="min-w-0">
          <h2 id="refunds-heading" className="mb-2 text-sm font-semibold">
            Refunds <span className="font-normal text-muted-foreground">({note.refunds.length})</span>
          </h2>
          {note.refunds.length === 0 ? (
            <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">Nothing refunded.</p>
          ) : (
            <ul aria-label="Refunds" className="grid grid-cols-1 gap-2">
              {note.refunds.map((r) => (
                <li key={r.id} className="flex items-baseline justify-between gap-3 rounded-lg border bg-background p-3 text-sm">
                  <span className="min-w-0">
                    {PAYMENT_METHOD_LABELS[r.method]}
                    {r.reference && <span className="font-mono text-xs"> {r.reference}</span>}
                    <span className="block text-xs text-muted-foreground">
                      <DateOnly value={r.refundedOn} /> by {r.createdBy}
                    </span>
                  </span>
                  <Money amount={r.amount} currency={c} className="font-medium" />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

function totalRows(note: TCreditNote): TotalRow[] {
  return [
    { label: "Net credited", amount: note.subtotal },
    { label: "Tax", amount: note.taxTotal },
    { label: "Total credit", amount: note.total, tone: "total" },
    { label: "Applied to invoices", amount: note.amountApplied ? -note.amountApplied : 0, tone: note.amountApplied ? undefined : "muted" },
    { label: "Refunded", amount: note.amountRefunded ? -note.amountRefunded : 0, tone: note.amountRefunded ? undefined : "muted" },
    { label: "Remaining credit", amount: note.remaining, tone: "due", testId: "credit-remaining" },
  ];
}

function CreditNoteLines({ note }: { note: TCreditNote }) {
  const c = note.currency;
  return (
    <div className="min-w-0 rounded-lg border bg-background">
      <Table aria-label="Credit note lines">
        <TableHeader>
          <TableRow>
            <TableHead>SKU</TableHead>
            <TableHead>Description</TableHead>
            <TableHead numeric>Qty</TableHead>
            <TableHead numeric>Net</TableHead>
            <TableHead numeric>Tax rate</TableHead>
            <TableHead numeric>Tax</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {note.lines.map((line, i) => (
            <TableRow key={i}>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                {line.sku ? (
                  <Link href={`/products/${encodeURIComponent(line.sku)}`} className="text-primary hover:underline">
                    {line.sku}
                  </Link>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </TableCell>
              <TableCell className="min-w-32">{line.description}</TableCell>
              <TableCell numeric>{line.quantity ?? <span className="text-muted-foreground">—</span>}</TableCell>
              <TableCell numeric className="font-medium">
                <Money amount={line.amount} currency={c} />
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
            <TableCell colSpan={3}>{note.number}</TableCell>
            <TableCell numeric>
              <Money amount={note.subtotal} currency={c} />
            </TableCell>
            <TableCell />
            <TableCell numeric>
              <Money amount={note.taxTotal} currency={c} />
            </TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </div>
  );
}
