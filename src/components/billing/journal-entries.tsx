"use client";

import Link from "next/link";
import { useState } from "react";
import { DateOnly, Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import { ACCOUNT_LABELS } from "~/server/billing/constants";
import type { TJournal } from "~/server/billing/schemas";

const PAGE = 100;

/** Where a journal line's document lives on the desk (payments and refunds print a short id, no page by it). */
function documentHref(document: string) {
  if (document.startsWith("INV-")) return `/invoices/${encodeURIComponent(document)}`;
  if (document.startsWith("CN-")) return `/invoices/credit-notes/${encodeURIComponent(document)}`;
  return null;
}

/** The period's entries in date and document order, a page at a time; each document's lines sit together. */
export function JournalEntries({ journal }: { journal: TJournal }) {
  const [shown, setShown] = useState(PAGE);
  const { entries, currency } = journal;
  const visible = entries.slice(0, shown);
  return (
    <div className="grid min-w-0 gap-3">
      <div className="min-w-0 rounded-lg border bg-background">
        <Table aria-label="Journal entries">
          <TableHeader>
            <TableRow>
              <TableHead>Date</TableHead>
              <TableHead>Document</TableHead>
              <TableHead>Description</TableHead>
              <TableHead>Account</TableHead>
              <TableHead numeric>Debit</TableHead>
              <TableHead numeric>Credit</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.length === 0 ? (
              <TableRow>
                <TableCell colSpan={6} className="py-6 text-center text-muted-foreground">
                  Nothing was invoiced, paid, credited or refunded in this period.
                </TableCell>
              </TableRow>
            ) : (
              visible.map((e, i) => {
                const first = i === 0 || visible[i - 1]!.document !== e.document || visible[i - 1]!.date !== e.date;
                const href = documentHref(e.document);
                return (
                  <TableRow key={`${e.date}-${e.document}-${e.account}-${i}`} className={cn(first && i > 0 && "border-t-2 border-t-border")}>
                    <TableCell className="whitespace-nowrap">{first ? <DateOnly value={e.date} /> : <span className="sr-only">{e.date}</span>}</TableCell>
                    <TableCell className="font-mono text-xs whitespace-nowrap">
                      {first ? (
                        href ? (
                          <Link href={href} className="text-primary hover:underline">
                            {e.document}
                          </Link>
                        ) : (
                          e.document
                        )
                      ) : (
                        <span className="sr-only">{e.document}</span>
                      )}
                    </TableCell>
                    <TableCell className="max-w-64 text-muted-foreground">{e.description}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      <span className="font-mono text-xs">{e.accountCode}</span> {ACCOUNT_LABELS[e.account]}
                    </TableCell>
                    <TableCell numeric>{e.debit ? <Money amount={e.debit} currency={currency} /> : ""}</TableCell>
                    <TableCell numeric>{e.credit ? <Money amount={e.credit} currency={currency} /> : ""}</TableCell>
                  </TableRow>
                );
              })
            )}
          </TableBody>
        </Table>
      </div>
      {entries.length > shown && (
        <div className="flex items-center justify-between text-sm text-muted-foreground">
          <span>
            {visible.length} of {entries.length} entries shown
          </span>
          <div className="flex gap-2">
            <Button variant="outline" size="sm" onClick={() => setShown((n) => n + PAGE * 5)}>
              Show {Math.min(PAGE * 5, entries.length - shown)} more
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setShown(entries.length)}>
              Show all
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
