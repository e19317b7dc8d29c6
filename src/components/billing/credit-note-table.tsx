import Link from "next/link";
import { DateOnly, Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { TCreditNote } from "~/server/billing/schemas";
import { CustomerName } from "./customer-name";
import { CREDIT_NOTE_KIND_LABELS } from "./invoice-labels";

/** The credit-note list: number, kind, customer, what it refers to, date, reason (from 1280 px; the number's tooltip below), total and what is left of it. */
export function CreditNoteTable({ items }: { items: TCreditNote[] }) {
  return (
    <div className="min-w-0 rounded-lg border bg-background">
      <Table aria-label="Credit notes">
        <TableHeader>
          <TableRow>
            <TableHead>Credit note</TableHead>
            <TableHead>Customer</TableHead>
            <TableHead>For</TableHead>
            <TableHead>Issued</TableHead>
            <TableHead className="hidden xl:table-cell">Reason</TableHead>
            <TableHead numeric>Total</TableHead>
            <TableHead numeric>Remaining</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((note) => (
            <TableRow key={note.id}>
              <TableCell className="whitespace-nowrap">
                <Link href={`/invoices/credit-notes/${encodeURIComponent(note.number)}`} title={note.reason} className="font-mono font-medium text-primary hover:underline">
                  {note.number}
                </Link>
                <span className="block">
                  <CreditNoteKindBadge kind={note.kind} />
                </span>
              </TableCell>
              <TableCell className="max-w-52">
                <CustomerName customer={note.customer} />
              </TableCell>
              <TableCell className="text-sm whitespace-nowrap">
                {note.invoice && (
                  <Link href={`/invoices/${encodeURIComponent(note.invoice)}`} className="block font-mono hover:underline">
                    {note.invoice}
                  </Link>
                )}
                {note.order && (
                  <Link href={`/orders/${encodeURIComponent(note.order)}`} className="block font-mono text-xs text-muted-foreground hover:underline">
                    {note.order}
                  </Link>
                )}
                {note.return && <span className="block font-mono text-xs text-muted-foreground">{note.return}</span>}
              </TableCell>
              <TableCell>
                <DateOnly value={note.issueDate} />
              </TableCell>
              <TableCell className="hidden max-w-64 xl:table-cell">
                <span className="line-clamp-2 text-sm" title={note.reason}>
                  {note.reason}
                </span>
              </TableCell>
              <TableCell numeric>
                <Money amount={note.total} currency={note.currency} />
              </TableCell>
              <TableCell numeric className="font-medium">
                <Money amount={note.remaining} currency={note.currency} className={cn(note.remaining === 0 && "font-normal text-muted-foreground")} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function CreditNoteKindBadge({ kind }: { kind: TCreditNote["kind"] }) {
  return <Badge variant={kind === "return" ? "info" : "secondary"}>{CREDIT_NOTE_KIND_LABELS[kind]}</Badge>;
}
