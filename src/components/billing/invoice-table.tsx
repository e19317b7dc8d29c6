import Link from "next/link";
import { DateOnly, Money } from "~/components/shell/money";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, WIDE_ONLY } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { TInvoiceSummary } from "~/server/billing/schemas";
import { CustomerName } from "./customer-name";
import { invoiceHref } from "./invoice-labels";
import { InvoiceStatusBadge } from "./invoice-status-badge";

/**
 * The invoice list: number, order, customer, dates, status (overdue in days), and the money (total, paid,
 * balance). Below 1280 px the order, due date and paid amount fold into their neighbours so the money stays
 * on screen beside the sidebar.
 */
export function InvoiceTable({ items, label = "Invoices" }: { items: TInvoiceSummary[]; label?: string }) {
  return (
    <div className="min-w-0 rounded-lg border bg-background">
      <Table aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHead>Invoice</TableHead>
            <TableHead className={WIDE_ONLY}>Order</TableHead>
            <TableHead>Customer</TableHead>
            <TableHead>
              Issued
              <span className="xl:hidden">
                {" "}
                <span aria-hidden>·</span> due
              </span>
            </TableHead>
            <TableHead className={WIDE_ONLY}>Due</TableHead>
            <TableHead>Status</TableHead>
            <TableHead numeric>Total</TableHead>
            <TableHead numeric className={WIDE_ONLY}>
              Paid
            </TableHead>
            <TableHead numeric>Balance</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((invoice) => {
            const c = invoice.currency;
            const orderLink = (
              <Link href={`/orders/${encodeURIComponent(invoice.order)}`} className="font-mono hover:underline">
                {invoice.order}
              </Link>
            );
            return (
              <TableRow key={invoice.id}>
                <TableCell className="whitespace-nowrap">
                  <Link href={invoiceHref(invoice)} className="font-mono font-medium text-primary hover:underline">
                    {invoice.number ?? <span className="font-sans italic">Draft</span>}
                  </Link>
                  <span className="block text-xs text-muted-foreground xl:hidden">{orderLink}</span>
                  {invoice.shipment && <span className="hidden font-mono text-xs text-muted-foreground xl:block">{invoice.shipment}</span>}
                </TableCell>
                <TableCell className={cn(WIDE_ONLY, "whitespace-nowrap")}>
                  <span className="text-sm">{orderLink}</span>
                  {invoice.customerReference && (
                    <span className="block max-w-32 truncate text-xs text-muted-foreground" title={`Customer PO ${invoice.customerReference}`}>
                      PO {invoice.customerReference}
                    </span>
                  )}
                </TableCell>
                <TableCell className="max-w-36 xl:max-w-56">
                  <CustomerName customer={invoice.customer}>
                    {invoice.customerReference && <span className="xl:hidden"> · PO {invoice.customerReference}</span>}
                  </CustomerName>
                </TableCell>
                <TableCell>
                  <DateOnly value={invoice.issueDate} />
                  {invoice.dueDate && (
                    <span className={cn("block text-xs whitespace-nowrap text-muted-foreground xl:hidden", invoice.overdue && "font-medium text-danger-soft-foreground")}>
                      Due <DateOnly value={invoice.dueDate} />
                    </span>
                  )}
                </TableCell>
                <TableCell className={WIDE_ONLY}>
                  <DateOnly value={invoice.dueDate} className={cn(invoice.overdue && "font-medium text-danger-soft-foreground")} />
                </TableCell>
                <TableCell>
                  <InvoiceStatusBadge invoice={invoice} />
                </TableCell>
                <TableCell numeric>
                  <Money amount={invoice.total} currency={c} className={cn(invoice.status === "void" && "text-muted-foreground line-through")} />
                </TableCell>
                <TableCell numeric className={WIDE_ONLY}>
                  <Money amount={invoice.amountPaid} currency={c} className={cn(invoice.amountPaid === 0 && "text-muted-foreground")} />
                </TableCell>
                <TableCell numeric className="font-medium">
                  <Money amount={invoice.balance} currency={c} className={cn(invoice.balance === 0 && "font-normal text-muted-foreground")} />
                  {invoice.amountPaid > 0 && (
                    <span className="block text-xs font-normal text-muted-foreground xl:hidden">
                      paid <Money amount={invoice.amountPaid} currency={c} />
                    </span>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
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
