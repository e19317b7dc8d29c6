import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { PurchaseOrderActions } from "~/components/purchasing/purchase-order-actions";
import { PurchaseOrderHistory } from "~/components/purchasing/purchase-order-history";
import { OverdueBadge, PurchaseOrderStatusBadge } from "~/components/purchasing/purchase-order-status";
import { ReceiveForm } from "~/components/purchasing/receive-form";
import { DateOnly, DateTime, Money } from "~/components/shell/money";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import { can } from "~/server/auth/permissions";
import { AppError } from "~/server/errors";
import { RECEIVABLE_STATUSES } from "~/server/purchasing/purchase-order-states";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  const { number } = await params;
  return { title: decodeURIComponent(number).toUpperCase() };
}

/** A bad or unknown number is a 404, not an error page. */
function isMissing(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof AppError) return cause.kind === "not_found" || cause.kind === "invalid";
  return error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST");
}

/** `/purchasing/[number]`: header, lines, receiving (warehouse), actions by role and status, history. */
export default async function PurchaseOrderPage({ params }: Props) {
  const { number: rawNumber } = await params;
  const number = decodeURIComponent(rawNumber).trim().toUpperCase();
  const actor = await requirePermission("purchasing.view", `/purchasing/${rawNumber}`);
  const caller = await api();
  const [po, history] = await Promise.all([caller.purchasing.orders.get({ number }), caller.purchasing.orders.history({ number })]).catch(
    (error: unknown) => {
      if (isMissing(error)) notFound();
      throw error;
    },
  );
  const canReceive = can(actor.role, "purchasing.receive") && RECEIVABLE_STATUSES.includes(po.status);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/purchasing" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Purchasing
        </Link>
      </p>
      <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <h1 className="text-xl leading-tight font-semibold tracking-tight">
            <span className="sr-only">Purchase order </span>
            <span className="font-mono">{po.number}</span>
          </h1>
          <p className="text-sm text-muted-foreground">
            <Link href={`/purchasing/vendors/${encodeURIComponent(po.vendor.code)}`} className="font-medium text-foreground hover:underline">
              {po.vendor.name}
            </Link>{" "}
            <span className="font-mono text-xs">{po.vendor.code}</span> · deliver to {po.warehouse.name} ({po.warehouse.code}) · drafted by {po.createdBy} on{" "}
            <DateTime value={po.createdAt} />
          </p>
          <div role="group" aria-label="Status" className="flex flex-wrap items-center gap-1.5 pt-1">
            <PurchaseOrderStatusBadge status={po.status} />
            {po.isOverdue && <OverdueBadge />}
          </div>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          <PurchaseOrderActions po={po} role={actor.role} />
        </div>
      </div>

      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Fact label="Expected">
          <span className={cn(po.isOverdue && "font-medium text-destructive")}>
            <DateOnly value={po.expectedDate} />
          </span>
          <span className="block text-xs text-muted-foreground">Vendor lead time {po.vendor.leadTimeDays} days</span>
        </Fact>
        <Fact label="Received">
          <span className="tabular-nums" data-testid="po-received">
            {po.received} of {po.quantity}
          </span>
          <span className="block text-xs text-muted-foreground">units on {po.lineCount} line{po.lineCount === 1 ? "" : "s"}</span>
        </Fact>
        <Fact label="Total">
          <Money amount={po.total} currency={po.currency} />
        </Fact>
        <Fact label={po.status === "closed" ? "Closed" : po.status === "canceled" ? "Canceled" : "Sent"}>
          <DateTime value={po.status === "closed" || po.status === "canceled" ? po.closedAt : po.sentAt} />
          {po.closeReason && <span className="block text-xs text-muted-foreground">{po.closeReason}</span>}
        </Fact>
      </dl>
      {po.notes && (
        <p className="mt-3 rounded-lg border bg-background p-3 text-sm">
          <span className="font-medium">Notes: </span>
          {po.notes}
        </p>
      )}

      <section aria-labelledby="lines-heading" className="mt-6">
        <h2 id="lines-heading" className="mb-2 text-sm font-semibold">
          Lines <span className="font-normal text-muted-foreground">({po.lines.length})</span>
        </h2>
        <div className="rounded-lg border bg-background">
          <Table aria-label="Purchase order lines">
            <TableHeader>
              <TableRow>
                <TableHead numeric className="w-10">
                  #
                </TableHead>
                <TableHead>SKU</TableHead>
                <TableHead>Product</TableHead>
                <TableHead numeric>Ordered</TableHead>
                <TableHead numeric>Received</TableHead>
                <TableHead numeric>Remaining</TableHead>
                <TableHead numeric>Unit cost</TableHead>
                <TableHead numeric>Line total</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {po.lines.map((line) => (
                <TableRow key={line.lineNo}>
                  <TableCell numeric className="text-muted-foreground">
                    {line.lineNo}
                  </TableCell>
                  <TableCell className="font-mono text-xs">
                    <Link href={`/products/${encodeURIComponent(line.sku)}`} className="text-primary hover:underline">
                      {line.sku}
                    </Link>
                  </TableCell>
                  <TableCell>{line.productName}</TableCell>
                  <TableCell numeric>{line.quantity}</TableCell>
                  <TableCell numeric>{line.received}</TableCell>
                  <TableCell numeric className={cn(line.remaining === 0 && "text-muted-foreground")}>
                    {line.remaining}
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={line.unitCost} currency={po.currency} />
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={line.lineTotal} currency={po.currency} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell colSpan={3} className="font-medium">
                  Total
                </TableCell>
                <TableCell numeric>{po.quantity}</TableCell>
                <TableCell numeric>{po.received}</TableCell>
                <TableCell numeric>{po.lines.reduce((sum, l) => sum + l.remaining, 0)}</TableCell>
                <TableCell />
                <TableCell numeric className="font-medium">
                  <Money amount={po.total} currency={po.currency} />
                </TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </div>
      </section>

      {canReceive && (
        // #receive: the command palette's "Receive PO-…" lands here.
        <section id="receive" aria-labelledby="receive-heading" className="mt-6 scroll-mt-20">
          <h2 id="receive-heading" className="mb-2 text-sm font-semibold">
            Receive goods
          </h2>
          <ReceiveForm key={`${po.number}@${po.version}`} po={po} />
        </section>
      )}

      <section aria-labelledby="history-heading" className="mt-6">
        <h2 id="history-heading" className="mb-3 text-sm font-semibold">
          History
        </h2>
        <div className="rounded-lg border bg-background p-4">
          <PurchaseOrderHistory events={history} />
        </div>
      </section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border bg-background p-3">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-sm">{children}</dd>
    </div>
  );
}
