import { Undo2 } from "lucide-react";
import Link from "next/link";
import { DateTime, Money } from "~/components/shell/money";
import { ReturnStatusBadge } from "~/components/returns/return-status";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import { LIVE_RETURN_STATUSES } from "~/server/billing/constants";
import type { TReturn } from "~/server/billing/schemas";
import type { TOrder } from "~/server/orders/schemas";
import { creditNoteHref } from "./order-billing";
import { OpenReturnButton, type ReturnableLine } from "./open-return-dialog";

/**
 * What may still come back, per SKU (the server takes returns by SKU, first order line first): shipped
 * minus the units on live returns — requested, approved or already received — as the server counts them.
 */
export function returnableLines(order: Pick<TOrder, "lines">, returns: Pick<TReturn, "status" | "lines">[]): ReturnableLine[] {
  const held = new Map<number, number>();
  for (const r of returns) {
    if (!(LIVE_RETURN_STATUSES as readonly string[]).includes(r.status)) continue;
    for (const l of r.lines) held.set(l.lineNo, (held.get(l.lineNo) ?? 0) + l.quantity);
  }
  const bySku = new Map<string, ReturnableLine>();
  for (const line of order.lines) {
    if (line.shipped === 0) continue;
    const row = bySku.get(line.sku) ?? { sku: line.sku, productName: line.productName, lineNos: [], shipped: 0, onReturns: 0, returnable: 0, unitValue: 0, warehouse: line.warehouse };
    const onReturns = held.get(line.lineNo) ?? 0;
    row.lineNos.push(line.lineNo);
    row.shipped += line.shipped;
    row.onReturns += onReturns;
    row.returnable += Math.max(0, line.shipped - onReturns);
    // What one unit is worth with tax (the server credits each unit's exact share; this is for the preview).
    if (!row.unitValue && line.quantity > 0) row.unitValue = (line.lineTotal + line.tax) / line.quantity;
    bySku.set(line.sku, row);
  }
  return [...bySku.values()];
}

/** The order page's Returns: each RMA with status, what it holds, its value and its credit note; "Open return" by role. */
export function OrderReturns({ order, returns, role, linkCreditNotes }: { order: TOrder; returns: TReturn[]; role: Role; linkCreditNotes: boolean }) {
  const shipped = order.lines.reduce((n, l) => n + l.shipped, 0);
  const returned = order.lines.reduce((n, l) => n + l.returned, 0);
  const returnable = returnableLines(order, returns);
  const canOpen = can(role, "returns.create") && returnable.some((l) => l.returnable > 0);

  return (
    <section aria-labelledby="returns-heading" className="mt-6">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h2 id="returns-heading" className="text-sm font-semibold">
          Returns <span className="font-normal text-muted-foreground">({returns.length})</span>
          {shipped > 0 && (
            <span className="ml-2 font-normal text-muted-foreground" data-testid="units-returned">
              {returned} of {shipped} shipped unit{shipped === 1 ? "" : "s"} returned
            </span>
          )}
        </h2>
        {canOpen && <OpenReturnButton order={order.number} currency={order.currency} lines={returnable} />}
      </div>
      {returns.length === 0 ? (
        <div className="flex items-center gap-3 rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
          <Undo2 aria-hidden className="size-5 shrink-0" />
          <p>
            No returns.{" "}
            {shipped === 0
              ? "Only shipped units can come back: returns open once something has shipped."
              : "When the customer sends shipped goods back, open a return (RMA) here; the warehouse receives it and a credit note is issued."}
          </p>
        </div>
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label={`Returns of ${order.number}`}>
            <TableHeader>
              <TableRow>
                <TableHead>RMA</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Units</TableHead>
                <TableHead numeric>Value</TableHead>
                <TableHead>Credit note</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {returns.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    <Link href={`/returns/${encodeURIComponent(r.number)}`} className="font-medium text-primary hover:underline">
                      {r.number}
                    </Link>
                    <span className="block font-sans text-muted-foreground">
                      <DateTime value={r.createdAt} timeStyle={null} />
                    </span>
                  </TableCell>
                  <TableCell>
                    <ReturnStatusBadge status={r.status} />
                  </TableCell>
                  <TableCell className="min-w-0">
                    {r.lines.map((l) => (
                      <span key={`${l.lineNo}-${l.sku}`} className="block whitespace-nowrap">
                        {l.quantity} × <span className="font-mono text-xs">{l.sku}</span>
                        <span className="text-xs text-muted-foreground"> ({l.disposition})</span>
                      </span>
                    ))}
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={r.value} currency={r.currency} />
                  </TableCell>
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    {r.creditNote ? (
                      linkCreditNotes ? (
                        <Link href={creditNoteHref(r.creditNote.number)} className="font-medium text-primary hover:underline">
                          {r.creditNote.number}
                        </Link>
                      ) : (
                        r.creditNote.number
                      )
                    ) : (
                      <span className="font-sans text-muted-foreground">{r.status === "approved" || r.status === "requested" ? "when received" : "—"}</span>
                    )}
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
