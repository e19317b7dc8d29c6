import { FileMinus2, ReceiptText } from "lucide-react";
import Link from "next/link";
import { DateOnly, Money } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { Badge, type BadgeVariant } from "~/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { InvoiceStatus } from "~/server/billing/constants";
import type { TCreditNote, TInvoiceSummary } from "~/server/billing/schemas";
import type { TOrder } from "~/server/orders/schemas";

const INVOICE_STATUS: Record<InvoiceStatus, { label: string; variant: BadgeVariant }> = {
  draft: { label: "Draft", variant: "neutral" },
  issued: { label: "Issued", variant: "info" },
  partially_paid: { label: "Partly paid", variant: "warning" },
  paid: { label: "Paid", variant: "success" },
  void: { label: "Void", variant: "neutral" },
};

/** An invoice's status, and "Overdue · 12 days" beside it when money is owed past the due date. */
export function InvoiceStatusBadges({ invoice }: { invoice: Pick<TInvoiceSummary, "status" | "overdue" | "daysOverdue"> }) {
  const shown = INVOICE_STATUS[invoice.status];
  return (
    <span className="flex flex-wrap items-center gap-1">
      <Badge variant={shown.variant} data-status={invoice.status} className={cn(invoice.status === "void" && "line-through decoration-1")}>
        {shown.label}
      </Badge>
      {invoice.overdue && (
        <Badge variant="danger" data-status="overdue">
          Overdue · {invoice.daysOverdue} day{invoice.daysOverdue === 1 ? "" : "s"}
        </Badge>
      )}
    </span>
  );
}

export const invoiceHref = (number: string) => `/invoices/${encodeURIComponent(number)}`;
export const creditNoteHref = (number: string) => `/invoices/credit-notes/${encodeURIComponent(number)}`;

const CREDIT_NOTE_KIND: Record<TCreditNote["kind"], string> = { return: "Return", price_correction: "Price correction" };

/** The order page's Invoices: each with status (overdue too), dates, total, what was applied and what is still owed. */
export function OrderInvoices({ order, invoices }: { order: TOrder; invoices: TInvoiceSummary[] }) {
  const ordered = order.lines.reduce((n, l) => n + l.quantity, 0);
  const invoiced = order.lines.reduce((n, l) => n + l.invoiced, 0);
  const owed = invoices.filter((i) => i.status === "issued" || i.status === "partially_paid").reduce((s, i) => s + i.balance, 0);
  return (
    <section aria-labelledby="invoices-heading" className="mt-6">
      <h2 id="invoices-heading" className="mb-2 text-sm font-semibold">
        Invoices <span className="font-normal text-muted-foreground">({invoices.length})</span>
        <span className="ml-2 font-normal text-muted-foreground" data-testid="units-invoiced">
          {invoiced} of {ordered} unit{ordered === 1 ? "" : "s"} invoiced
          {owed > 0 && (
            <>
              {" "}
              · <Money amount={owed} currency={order.currency} /> owed
            </>
          )}
        </span>
      </h2>
      {invoices.length === 0 ? (
        <EmptyBox icon={ReceiptText}>
          No invoices yet.{" "}
          {order.status === "canceled" ? "The order was canceled." : "Each shipment is invoiced when it ships (prepaid customers are invoiced when the order is submitted)."}
        </EmptyBox>
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label={`Invoices of ${order.number}`}>
            <TableHeader>
              <TableRow>
                <TableHead>Invoice</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Issued</TableHead>
                <TableHead>Due</TableHead>
                <TableHead numeric>Total</TableHead>
                <TableHead numeric className="hidden xl:table-cell">
                  Paid
                </TableHead>
                <TableHead numeric>Balance</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invoices.map((invoice) => (
                <TableRow key={invoice.id} data-overdue={invoice.overdue || undefined} className={cn(invoice.overdue && "bg-danger-soft/40", invoice.status === "void" && "text-muted-foreground")}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    {invoice.number ? (
                      <Link href={invoiceHref(invoice.number)} className="font-medium text-primary hover:underline">
                        {invoice.number}
                      </Link>
                    ) : (
                      <span className="font-sans text-muted-foreground">Draft, not numbered</span>
                    )}
                    <span className="block font-sans text-muted-foreground">{invoice.shipment ? `for ${invoice.shipment}` : "on order"}</span>
                  </TableCell>
                  <TableCell>
                    <InvoiceStatusBadges invoice={invoice} />
                    {invoice.status === "void" && invoice.voidReason && <span className="mt-0.5 block text-xs">{invoice.voidReason}</span>}
                  </TableCell>
                  <TableCell>
                    <DateOnly value={invoice.issueDate} />
                  </TableCell>
                  <TableCell className={cn(invoice.overdue && "font-medium text-destructive")}>
                    <DateOnly value={invoice.dueDate} />
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={invoice.total} currency={invoice.currency} />
                  </TableCell>
                  <TableCell numeric className="hidden xl:table-cell">
                    <Money amount={invoice.amountPaid} currency={invoice.currency} />
                  </TableCell>
                  <TableCell numeric className={cn("font-medium", invoice.overdue && "text-destructive")}>
                    {invoice.status === "void" ? <span className="text-muted-foreground">—</span> : <Money amount={invoice.balance} currency={invoice.currency} />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

/** The order's credit notes (returns received, price corrections): total, and what is left as customer credit. */
export function OrderCreditNotes({ order, creditNotes }: { order: TOrder; creditNotes: TCreditNote[] }) {
  return (
    <section aria-labelledby="credit-notes-heading" className="mt-6">
      <h2 id="credit-notes-heading" className="mb-2 text-sm font-semibold">
        Credit notes <span className="font-normal text-muted-foreground">({creditNotes.length})</span>
      </h2>
      {creditNotes.length === 0 ? (
        <EmptyBox icon={FileMinus2}>No credit notes. Receiving a return or correcting a price issues one.</EmptyBox>
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label={`Credit notes of ${order.number}`}>
            <TableHeader>
              <TableRow>
                <TableHead>Credit note</TableHead>
                <TableHead>For</TableHead>
                <TableHead>Issued</TableHead>
                <TableHead numeric>Total</TableHead>
                <TableHead numeric>Applied</TableHead>
                <TableHead numeric>Remaining</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {creditNotes.map((note) => (
                <TableRow key={note.id}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    <Link href={creditNoteHref(note.number)} className="font-medium text-primary hover:underline">
                      {note.number}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <span className="text-muted-foreground">{CREDIT_NOTE_KIND[note.kind]}: </span>
                    {note.return ? (
                      <Link href={`/returns/${encodeURIComponent(note.return)}`} className="font-mono text-xs text-primary hover:underline">
                        {note.return}
                      </Link>
                    ) : (
                      note.reason
                    )}
                    {note.invoice && <span className="text-xs text-muted-foreground"> · on {note.invoice}</span>}
                  </TableCell>
                  <TableCell>
                    <DateOnly value={note.issueDate} />
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={note.total} currency={note.currency} />
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={note.amountApplied + note.amountRefunded} currency={note.currency} />
                  </TableCell>
                  <TableCell numeric className="font-medium">
                    <Money amount={note.remaining} currency={note.currency} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

/**
 * Beside the timeline: the order's money at a glance — billing status, invoiced, credited, applied and
 * still owed. Roles that do not see invoices get the units alone.
 */
export function OrderBillingSummary({ order, invoices, creditNotes }: { order: TOrder; invoices: TInvoiceSummary[] | null; creditNotes: TCreditNote[] | null }) {
  const ordered = order.lines.reduce((n, l) => n + l.quantity, 0);
  const shipped = order.lines.reduce((n, l) => n + l.shipped, 0);
  const invoicedUnits = order.lines.reduce((n, l) => n + l.invoiced, 0);
  const returnedUnits = order.lines.reduce((n, l) => n + l.returned, 0);
  const live = (invoices ?? []).filter((i) => i.status !== "void" && i.status !== "draft");
  const invoiced = live.reduce((s, i) => s + i.total, 0);
  const applied = live.reduce((s, i) => s + i.amountPaid, 0);
  const owed = live.reduce((s, i) => s + i.balance, 0);
  const overdue = live.filter((i) => i.overdue).reduce((s, i) => s + i.balance, 0);
  const credited = (creditNotes ?? []).reduce((s, c) => s + c.total, 0);
  const credit = (creditNotes ?? []).reduce((s, c) => s + c.remaining, 0);
  const c = order.currency;
  return (
    <div className="grid gap-3 rounded-lg border bg-background p-4 text-sm" data-testid="billing-summary">
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-muted-foreground">Billing</span>
        <StatusBadge status={order.billingStatus} />
      </p>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5">
        <dt className="text-muted-foreground">Units shipped</dt>
        <dd className="text-right tabular-nums">
          {shipped} / {ordered}
        </dd>
        <dt className="text-muted-foreground">Units invoiced</dt>
        <dd className="text-right tabular-nums">
          {invoicedUnits} / {ordered}
        </dd>
        <dt className="text-muted-foreground">Units returned</dt>
        <dd className="text-right tabular-nums">{returnedUnits}</dd>
        {invoices && (
          <>
            <dt className="mt-1.5 border-t pt-1.5 text-muted-foreground">Invoiced</dt>
            <dd className="mt-1.5 border-t pt-1.5 text-right">
              <Money amount={invoiced} currency={c} />
            </dd>
            <dt className="text-muted-foreground">Paid or credited</dt>
            <dd className="text-right">
              <Money amount={applied === 0 ? 0 : -applied} currency={c} />
            </dd>
            <dt className="border-t pt-1.5 font-semibold">Balance due</dt>
            <dd className={cn("border-t pt-1.5 text-right font-semibold", overdue > 0 && "text-destructive")} data-testid="order-balance">
              <Money amount={owed} currency={c} />
            </dd>
            {overdue > 0 && (
              <>
                <dt className="text-destructive">of which overdue</dt>
                <dd className="text-right font-medium text-destructive">
                  <Money amount={overdue} currency={c} />
                </dd>
              </>
            )}
            {creditNotes && creditNotes.length > 0 && (
              <>
                <dt className="mt-1.5 border-t pt-1.5 text-muted-foreground">Credit notes</dt>
                <dd className="mt-1.5 border-t pt-1.5 text-right">
                  <Money amount={credited} currency={c} />
                </dd>
                <dt className="text-muted-foreground">Unused credit</dt>
                <dd className="text-right">
                  <Money amount={credit} currency={c} />
                </dd>
              </>
            )}
          </>
        )}
      </dl>
    </div>
  );
}

function EmptyBox({ icon: Icon, children }: { icon: typeof ReceiptText; children: React.ReactNode }) {
  return (
    <div className="flex items-center gap-3 rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
      <Icon aria-hidden className="size-5 shrink-0" />
      <p>{children}</p>
    </div>
  );
}
