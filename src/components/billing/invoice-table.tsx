import Link from "next/link";
import { DateOnly, Money } from "~/components/shell/money";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { TInvoiceSummary } from "~/server/billing/schemas";
import { invoiceHref } from "./invoice-labels";
import { InvoiceStatusBadge } from "./invoice-status-badge";

/** The invoice list: number, order, customer, dates, status (overdue in days), and the money (total, paid, balance). */
export function InvoiceTable({ items, label = "Invoices" }: { items: TInvoiceSummary[]; label?: string }) {
  return (
    <div className="min-w-0 rounded-lg border bg-background">
      <Table aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHead>Invoice</TableHead>
            <TableHead>Order</TableHead>
            <TableHead>Customer</TableHead>
            <TableHead>Issued</TableHead>
            <TableHead>Due</TableHead>
            <TableHead>Status</TableHead>
            <TableHead numeric>Total</TableHead>
            <TableHead numeric>Paid</TableHead>
            <TableHead numeric>Balance</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((invoice) => (
            <TableRow key={invoice.id}>
              <TableCell className="whitespace-nowrap">
                <Link href={invoiceHref(invoice)} className="font-mono font-medium text-primary hover:underline">
                  {invoice.number ?? <span className="font-sans italic">Draft</span>}
                </Link>
                {invoice.shipment && <span className="block font-mono text-xs text-muted-foreground">{invoice.shipment}</span>}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <Link href={`/orders/${encodeURIComponent(invoice.order)}`} className="font-mono text-sm hover:underline">
                  {invoice.order}
                </Link>
                {invoice.customerReference && (
                  <span className="block max-w-32 truncate text-xs text-muted-foreground" title={`Customer PO ${invoice.customerReference}`}>
                    PO {invoice.customerReference}
                  </span>
                )}
              </TableCell>
              <TableCell className="max-w-52">
                <span className="block truncate" title={invoice.customer.name}>
                  {invoice.customer.name}
                </span>
                <span className="font-mono text-xs text-muted-foreground">{invoice.customer.code}</span>
              </TableCell>
              <TableCell>
                <DateOnly value={invoice.issueDate} />
              </TableCell>
              <TableCell>
                <DateOnly value={invoice.dueDate} className={cn(invoice.overdue && "font-medium text-danger-soft-foreground")} />
              </TableCell>
              <TableCell>
                <InvoiceStatusBadge invoice={invoice} />
              </TableCell>
              <TableCell numeric>
                <Money amount={invoice.total} currency={invoice.currency} className={cn(invoice.status === "void" && "text-muted-foreground line-through")} />
              </TableCell>
              <TableCell numeric>
                <Money amount={invoice.amountPaid} currency={invoice.currency} className={cn(invoice.amountPaid === 0 && "text-muted-foreground")} />
              </TableCell>
              <TableCell numeric className="font-medium">
                <Money amount={invoice.balance} currency={invoice.currency} className={cn(invoice.balance === 0 && "font-normal text-muted-foreground")} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function InvoiceTableSkeleton({ label = "invoices" }: { label?: string }) {
  return (
    <div aria-busy="true" className="grid gap-2 rounded-lg border bg-background p-3">
      <span className="sr-only">Loading {label}…</span>
      <Skeleton className="h-7" />
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-10" />
      ))}
    </div>
  );
}
