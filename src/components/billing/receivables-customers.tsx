"use client";

import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { DateOnly, Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import { AGING_BUCKETS } from "~/server/billing/constants";
import type { TAging } from "~/server/billing/schemas";
import { BUCKET_LABELS, BUCKET_SHORT, statementHref } from "./receivables-format";

const PAGE = 25;

/** Who owes what by age, largest balance first; each customer opens their statement as of the same date. */
export function ReceivablesCustomers({ aging, statementAsOf }: { aging: TAging; statementAsOf?: string }) {
  const [search, setSearch] = useState("");
  const [shown, setShown] = useState(PAGE);
  const query = useDeferredValue(search.trim().toLowerCase());
  const rows = query ? aging.customers.filter((r) => r.customer.name.toLowerCase().includes(query) || r.customer.code.toLowerCase().includes(query)) : aging.customers;
  const visible = rows.slice(0, shown);
  const { currency } = aging;

  return (
    <div className="grid min-w-0 gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="aging-search">Find a customer</Label>
          <Input id="aging-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or code" className="w-72 max-w-full" />
        </div>
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {rows.length === aging.customers.length
            ? `${aging.customers.length} customer${aging.customers.length === 1 ? "" : "s"} with a balance or credit`
            : `${rows.length} of ${aging.customers.length} customers match`}
        </p>
      </div>
      <div className="min-w-0 rounded-lg border bg-background">
        <Table aria-label="Receivables by customer" className="text-xs xl:text-sm [&_td]:px-2 [&_th]:px-2">
          <TableHeader>
            <TableRow>
              <TableHead>Customer</TableHead>
              {AGING_BUCKETS.map((b) => (
                <TableHead key={b} numeric title={BUCKET_LABELS[b]}>
                  <span aria-hidden>{BUCKET_SHORT[b]}</span>
                  <span className="sr-only">{BUCKET_LABELS[b]}</span>
                </TableHead>
              ))}
              <TableHead numeric>Total</TableHead>
              <TableHead numeric>Credit</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.length === 0 ? (
              <TableRow>
                <TableCell colSpan={AGING_BUCKETS.length + 3} className="py-6 text-center text-muted-foreground">
                  {aging.customers.length === 0 ? "No customer owes anything or holds credit on this date." : "No customer matches."}
                </TableCell>
              </TableRow>
            ) : (
              visible.map((r) => (
                <TableRow key={r.customer.code}>
                  <TableCell className="max-w-40 min-w-32 xl:max-w-56">
                    <Link href={statementHref(r.customer.code, statementAsOf)} className="block truncate font-medium text-primary hover:underline" title={`${r.customer.name}: statement`}>
                      {r.customer.name}
                    </Link>
                    <span className="block truncate text-xs text-muted-foreground">
                      <span className="font-mono">{r.customer.code}</span>
                      {r.oldestDueDate && (
                        <>
                          {" "}
                          · oldest due <DateOnly value={r.oldestDueDate} />
                        </>
                      )}
                    </span>
                  </TableCell>
                  {AGING_BUCKETS.map((b) => (
                    <TableCell key={b} numeric className={cn(b === "90+" && r.buckets[b] > 0 && "font-medium text-danger-soft-foreground")}>
                      {r.buckets[b] === 0 ? <span className="text-muted-foreground">·</span> : <Money amount={r.buckets[b]} currency={currency} />}
                    </TableCell>
                  ))}
                  <TableCell numeric className="font-medium">
                    <Money amount={r.total} currency={currency} />
                  </TableCell>
                  <TableCell numeric>{r.credit === 0 ? <span className="text-muted-foreground">·</span> : <Money amount={r.credit} currency={currency} />}</TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
          {aging.customers.length > 0 && (
            <TableFooter>
              <TableRow>
                <TableCell>All customers</TableCell>
                {AGING_BUCKETS.map((b) => (
                  <TableCell key={b} numeric>
                    <Money amount={aging.totals[b]} currency={currency} />
                  </TableCell>
                ))}
                <TableCell numeric>
                  <Money amount={aging.total} currency={currency} />
                </TableCell>
                <TableCell numeric>
                  <Money amount={aging.credit} currency={currency} />
                </TableCell>
              </TableRow>
            </TableFooter>
          )}
        </Table>
      </div>
      {rows.length > shown && (
        <div className="flex items-center justify-between text-sm text-muted-foreground">
          <span>
            {visible.length} of {rows.length} shown
          </span>
          <div className="flex gap-2">
            <Button variant="outline" size="sm" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, rows.length - shown)} more
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setShown(rows.length)}>
              Show all
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
