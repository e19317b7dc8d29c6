"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, CopyPlus, UserRound } from "lucide-react";
import Link from "next/link";
import { DateOnly, DateTime, Money } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { exemptionFor, exemptionWarning } from "~/lib/tax-exemptions";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { useReferenceValues } from "~/components/settings/reference-values";
import { EXCEPTION_LABELS } from "~/server/exceptions/constants";
import { useTRPC, type RouterOutputs } from "~/trpc/react";

export type CustomerPanelData = RouterOutputs["orders"]["customerPanel"];
export type PanelOrder = CustomerPanelData["lastOrders"][number];

export const paymentTerms = (days: number) => (days === 0 ? "Prepaid" : `Net ${days} days`);

/**
 * Beside order entry: the account's credit (limit, exposure, what is left — and whether this order would
 * put it on credit hold), terms, open holds and the last five orders, each with Reorder.
 */
export function CustomerPanel({
  customerCode,
  orderTotal,
  shipTo,
  onReorder,
  disabled,
}: {
  customerCode: string | null;
  orderTotal: number;
  /** The order's ship-to: the exemption certificate for its state is checked against it. */
  shipTo?: { country: string; region: string } | null;
  onReorder: (order: PanelOrder) => void;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const segments = useReferenceValues("segments");
  const panel = useQuery({
    ...trpc.orders.customerPanel.queryOptions({ code: customerCode ?? "" }),
    enabled: !!customerCode,
    staleTime: 30_000,
  });

  if (!customerCode) {
    return (
      <PanelShell>
        <div className="flex flex-col items-center gap-2 px-5 py-10 text-center">
          <div className="flex size-9 items-center justify-center rounded-full bg-muted text-muted-foreground">
            <UserRound aria-hidden="true" className="size-4" />
          </div>
          <p className="text-sm font-medium">No customer chosen</p>
          <p className="text-sm text-muted-foreground">Choose a customer to see credit, terms, holds and recent orders.</p>
          <Link href="/customers/new?then=order" className="text-sm text-primary hover:underline">
            New to us? Open an account
          </Link>
        </div>
      </PanelShell>
    );
  }
  if (panel.isPending) {
    return (
      <PanelShell busy>
        <div className="grid gap-3 p-4">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-4 w-1/3" />
          <Skeleton className="h-24" />
          <Skeleton className="h-32" />
        </div>
        <span className="sr-only">Loading the customer…</span>
      </PanelShell>
    );
  }
  if (panel.isError) {
    return (
      <PanelShell>
        <p role="alert" className="p-4 text-sm text-destructive">
          Could not load the customer: {apiErrorOf(panel.error).message}
        </p>
      </PanelShell>
    );
  }

  const { customer, credit, holds, lastOrders, today } = panel.data;
  const exemptionNote = shipTo?.country && shipTo.region ? exemptionWarning(customer.taxExemptions, shipTo, today) : null;
  const isExempted = !!shipTo && exemptionFor(customer.taxExemptions, shipTo, today).valid !== null;
  const currency = customer.currency;
  const isOverLimit = credit.available < 0;
  const wouldExceed = !isOverLimit && orderTotal > 0 && orderTotal > credit.available;

  return (
    <PanelShell>
      <div className="border-b px-4 py-3">
        <h2 className="text-sm font-semibold">
          <Link href={`/customers/${encodeURIComponent(customer.code)}`} className="hover:underline">
            {customer.name}
          </Link>
        </h2>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
          <span className="font-mono">{customer.code}</span>
          {customer.phone && (
            <>
              <span aria-hidden="true">·</span>
              <span className="tabular-nums">{customer.phone}</span>
            </>
          )}
          {customer.isArchived && <Badge variant="danger">Archived</Badge>}
        </p>
        <dl className="mt-2.5 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted-foreground">Payment terms</dt>
          <dd className="text-right">{paymentTerms(customer.paymentTermsDays)}</dd>
          <dt className="text-muted-foreground">Segment</dt>
          <dd className="text-right">
            {segments.nameOf(customer.segment)} · class {customer.demandClass}
          </dd>
          <dt className="text-muted-foreground">Tax</dt>
          <dd className="text-right" data-testid="panel-tax">
            {isExempted ? `Exempt in ${shipTo!.region}` : customer.taxExempt ? "Exempt elsewhere" : "Taxable"}
          </dd>
        </dl>
        {exemptionNote && (
          <p role="status" data-testid="exemption-warning" className="mt-2 flex gap-2 rounded-md border border-warning/30 bg-warning-soft px-2.5 py-2 text-xs font-medium text-warning-soft-foreground">
            <AlertTriangle aria-hidden="true" className="mt-px size-3.5 shrink-0" />
            {exemptionNote}
          </p>
        )}
      </div>

      <section aria-labelledby="panel-credit" className="border-b px-4 py-3">
        <h3 id="panel-credit" className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">
          Credit
        </h3>
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted-foreground">Credit limit</dt>
          <dd className="text-right">
            <Money amount={credit.limit} currency={currency} />
          </dd>
          <dt className="text-muted-foreground">Open orders</dt>
          <dd className="text-right">
            <Money amount={credit.openOrders} currency={currency} />
          </dd>
          {credit.unpaidInvoices !== null && (
            <>
              <dt className="text-muted-foreground">Unpaid invoices</dt>
              <dd className="text-right">
                <Money amount={credit.unpaidInvoices} currency={currency} />
              </dd>
            </>
          )}
          <dt className="text-muted-foreground">Open exposure</dt>
          <dd className="text-right">
            <Money amount={credit.exposure} currency={currency} />
          </dd>
          <dt className="font-medium">Available credit</dt>
          <dd className={cn("text-right font-semibold", isOverLimit && "text-destructive")} data-testid="available-credit">
            <Money amount={credit.available} currency={currency} />
          </dd>
        </dl>
        {isOverLimit && (
          <p role="status" className="mt-2 flex gap-2 rounded-md border border-danger/25 bg-danger-soft px-2.5 py-2 text-xs font-medium text-danger-soft-foreground">
            <AlertTriangle aria-hidden="true" className="mt-px size-3.5 shrink-0" />
            Over limit — the order will be held for credit review
          </p>
        )}
        {wouldExceed && (
          <p role="status" className="mt-2 flex gap-2 rounded-md border border-warning/30 bg-warning-soft px-2.5 py-2 text-xs font-medium text-warning-soft-foreground">
            <AlertTriangle aria-hidden="true" className="mt-px size-3.5 shrink-0" />
            <span>
              This order takes the account <Money amount={orderTotal - credit.available} currency={currency} /> over its limit — it will be held for
              credit review
            </span>
          </p>
        )}
      </section>

      <CustomerBalance customerCode={customer.code} />

      <section aria-labelledby="panel-holds" className="border-b px-4 py-3">
        <h3 id="panel-holds" className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">
          Open holds {holds.length > 0 && <span className="text-foreground">({holds.length})</span>}
        </h3>
        {holds.length === 0 ? (
          <p className="text-sm text-muted-foreground">None</p>
        ) : (
          <ul className="grid gap-2">
            {holds.map((hold) => (
              <li key={hold.id} className="text-sm">
                <span className="flex items-center gap-2">
                  <Badge variant={hold.severity === "high" || hold.severity === "critical" ? "danger" : "warning"}>
                    {EXCEPTION_LABELS[hold.type] ?? hold.type}
                  </Badge>
                  <span className="text-xs text-muted-foreground">
                    due <DateTime value={hold.dueAt} />
                  </span>
                </span>
                <span className="mt-0.5 block text-xs text-muted-foreground">{hold.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="panel-orders" className="px-4 py-3">
        <h3 id="panel-orders" className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">
          Last orders
        </h3>
        {lastOrders.length === 0 ? (
          <p className="text-sm text-muted-foreground">No orders yet.</p>
        ) : (
          <ul className="-mx-4 divide-y">
            {lastOrders.map((order) => (
              <li key={order.number} className="flex items-start gap-3 px-4 py-2">
                <div className="min-w-0 flex-1">
                  <p className="flex items-center gap-2 text-sm">
                    <Link href={`/orders/${encodeURIComponent(order.number)}`} className="font-medium hover:underline">
                      {order.number}
                    </Link>
                    <StatusBadge status={order.status} />
                  </p>
                  <p className="mt-0.5 text-xs text-muted-foreground">
                    <DateOnly value={order.createdAt.slice(0, 10)} /> · {order.lines.length} line{order.lines.length === 1 ? "" : "s"} ·{" "}
                    <Money amount={order.total} currency={order.currency} />
                  </p>
                  <p className="mt-0.5 truncate text-xs text-muted-foreground" title={order.lines.map((l) => `${l.quantity} × ${l.sku} ${l.name}`).join("\n")}>
                    {order.lines.map((l) => `${l.quantity}× ${l.sku}`).join(", ")}
                  </p>
                </div>
                <Button
                  variant="outline"
                  size="sm"
                  className="h-7 px-2 text-xs"
                  aria-label={`Reorder ${order.number}`}
                  disabled={disabled || order.lines.length === 0}
                  onClick={() => onReorder(order)}
                >
                  <CopyPlus aria-hidden="true" /> Reorder
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </PanelShell>
  );
}

/** What the customer owes today (receivables): open and overdue invoices, unapplied credit, linking to the invoices. */
function CustomerBalance({ customerCode }: { customerCode: string }) {
  const trpc = useTRPC();
  const balance = useQuery({ ...trpc.receivables.balance.queryOptions({ customer: customerCode }), staleTime: 30_000 });
  const invoicesHref = `/invoices?customer=${encodeURIComponent(customerCode)}`;
  return (
    <section aria-labelledby="panel-balance" aria-busy={balance.isPending || undefined} className="border-b px-4 py-3" data-testid="customer-balance">
      <h3 id="panel-balance" className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">
        Balance
      </h3>
      {balance.isPending ? (
        <div className="grid gap-1.5">
          <Skeleton className="h-4" />
          <Skeleton className="h-4 w-2/3" />
        </div>
      ) : balance.isError ? (
        <p role="alert" className="text-sm text-destructive">
          Could not load the balance: {apiErrorOf(balance.error).message}
        </p>
      ) : (
        <>
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted-foreground">Open balance</dt>
            <dd className="text-right font-medium" data-testid="open-balance">
              <Money amount={balance.data.openBalance} currency={balance.data.currency} />
            </dd>
            <dt className={cn(balance.data.overdueBalance > 0 ? "font-medium text-destructive" : "text-muted-foreground")}>
              Overdue
              {balance.data.overdueBalance > 0 && (
                <span className="font-normal">
                  {" "}
                  · oldest {balance.data.oldestOverdueDays} day{balance.data.oldestOverdueDays === 1 ? "" : "s"}
                </span>
              )}
            </dt>
            <dd className={cn("text-right", balance.data.overdueBalance > 0 && "font-semibold text-destructive")} data-testid="overdue-balance">
              <Money amount={balance.data.overdueBalance} currency={balance.data.currency} />
            </dd>
            <dt className="text-muted-foreground">Unapplied credit</dt>
            <dd className="text-right" data-testid="unapplied-credit">
              <Money amount={balance.data.credit} currency={balance.data.currency} />
            </dd>
          </dl>
          {balance.data.openInvoices === 0 ? (
            <p className="mt-1.5 text-xs text-muted-foreground">No open invoices.</p>
          ) : (
            <p className="mt-1.5 text-xs">
              <Link href={invoicesHref} className="text-primary hover:underline" data-testid="open-invoices">
                {balance.data.openInvoices} open invoice{balance.data.openInvoices === 1 ? "" : "s"} →
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function PanelShell({ children, busy }: { children: React.ReactNode; busy?: boolean }) {
  return (
    <aside aria-label="Account summary" aria-busy={busy || undefined} className="rounded-lg border bg-background shadow-xs">
      {children}
    </aside>
  );
}
