import Link from "next/link";
import { DateTime, Money } from "~/components/shell/money";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import type { TReturn } from "~/server/billing/schemas";
import { ReturnStatusBadge } from "./return-status";

/** Returns as rows: RMA, status, customer and order, units, value, credit note; the day it was opened under the number. */
export function ReturnsTable({ items, linkCreditNotes }: { items: TReturn[]; linkCreditNotes: boolean }) {
  return (
    <div className="rounded-lg border bg-background">
      <Table aria-label="Returns">
        <TableHeader>
          <TableRow>
            <TableHead>RMA</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Customer and order</TableHead>
            <TableHead numeric>Units</TableHead>
            <TableHead numeric>Value</TableHead>
            <TableHead>Credit note</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((r) => {
            const units = r.lines.reduce((n, l) => n + l.quantity, 0);
            return (
              <TableRow key={r.id}>
                <TableCell className="font-mono text-xs whitespace-nowrap">
                  <Link href={`/returns/${encodeURIComponent(r.number)}`} className="font-medium text-primary hover:underline">
                    {r.number}
                  </Link>
                  <span className="block font-sans text-muted-foreground" title={`Opened by ${r.requestedBy}`}>
                    <DateTime value={r.createdAt} timeStyle={null} />
                  </span>
                </TableCell>
                <TableCell>
                  <ReturnStatusBadge status={r.status} />
                </TableCell>
                <TableCell className="max-w-[13rem]">
                  <Link href={`/returns?customer=${encodeURIComponent(r.customer.code)}`} className="block truncate hover:underline" title={`Returns of ${r.customer.name}`}>
                    {r.customer.name}
                  </Link>
                  <span className="font-mono text-xs text-muted-foreground">
                    <Link href={`/orders/${encodeURIComponent(r.order)}`} className="text-primary hover:underline">
                      {r.order}
                    </Link>{" "}
                    · {r.customer.code}
                  </span>
                </TableCell>
                <TableCell numeric title={r.lines.map((l) => `${l.quantity} × ${l.sku} (${l.disposition})`).join("\n")}>
                  {units}
                </TableCell>
                <TableCell numeric>
                  <Money amount={r.value} currency={r.currency} />
                </TableCell>
                <TableCell className="font-mono text-xs whitespace-nowrap">
                  {r.creditNote ? (
                    linkCreditNotes ? (
                      <Link href={`/invoices/credit-notes/${encodeURIComponent(r.creditNote.number)}`} className="text-primary hover:underline">
                        {r.creditNote.number}
                      </Link>
                    ) : (
                      r.creditNote.number
                    )
                  ) : (
                    <span className="text-muted-foreground">—</span>
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
