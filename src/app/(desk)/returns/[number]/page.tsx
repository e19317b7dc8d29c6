import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { isMissing } from "~/components/fulfillment/not-found";
import { ReturnActions } from "~/components/returns/return-actions";
import { RETURN_STATUS_DISPLAY, ReturnStatusBadge } from "~/components/returns/return-status";
import { DateTime, Money } from "~/components/shell/money";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import { can } from "~/server/auth/permissions";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  const { number } = await params;
  return { title: decodeURIComponent(number).toUpperCase() };
}

const BANNER_TONE = {
  requested: "border-warning/40 bg-warning-soft text-warning-soft-foreground",
  approved: "border-info/30 bg-info-soft text-info-soft-foreground",
  received: "border-success/30 bg-success-soft text-success-soft-foreground",
  rejected: "border-danger/25 bg-danger-soft text-danger-soft-foreground",
  canceled: "bg-muted/60",
} as const;

/** `/returns/[number]`: an RMA — its lines, who asked, decided and received, its credit note; approve, reject or receive by role. */
export default async function ReturnPage({ params }: Props) {
  const { number: rawNumber } = await params;
  const number = decodeURIComponent(rawNumber).trim().toUpperCase();
  const actor = await requirePermission("returns.view", `/returns/${rawNumber}`);
  const caller = await api();
  const rma = await caller.returns.get({ id: number }).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  const units = rma.lines.reduce((n, l) => n + l.quantity, 0);
  const linkCreditNote = can(actor.role, "invoices.view");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/returns" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Returns
        </Link>
      </p>
      <div className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0 space-y-1">
          <h1 className="text-xl leading-tight font-semibold tracking-tight">
            Return <span className="font-mono">{rma.number}</span>
          </h1>
          <p className="text-sm text-muted-foreground">
            Order{" "}
            <Link href={`/orders/${encodeURIComponent(rma.order)}`} className="font-mono font-medium text-foreground hover:underline">
              {rma.order}
            </Link>{" "}
            for{" "}
            <Link href={`/customers/${encodeURIComponent(rma.customer.code)}`} className="font-medium text-foreground hover:underline">
              {rma.customer.name}
            </Link>{" "}
            <span className="font-mono text-xs">{rma.customer.code}</span>
          </p>
          <div role="group" aria-label="Status" className="flex flex-wrap items-center gap-1.5 pt-1">
            <ReturnStatusBadge status={rma.status} />
          </div>
        </div>
        <ReturnActions rma={rma} role={actor.role} />
      </div>

      <section aria-label="Where it stands" className={cn("mb-6 rounded-lg border p-4 text-sm", BANNER_TONE[rma.status])} data-testid="return-banner">
        {rma.status === "received" && rma.creditNote ? (
          <p>
            <span className="font-semibold">Received.</span> Credit note{" "}
            {linkCreditNote ? (
              <Link href={`/invoices/credit-notes/${encodeURIComponent(rma.creditNote.number)}`} className="font-mono font-semibold underline">
                {rma.creditNote.number}
              </Link>
            ) : (
              <span className="font-mono font-semibold">{rma.creditNote.number}</span>
            )}{" "}
            for <Money amount={rma.creditNote.total} currency={rma.currency} className="font-semibold" /> was issued to {rma.customer.name} and applied to the order&apos;s
            open invoices first.
          </p>
        ) : rma.status === "rejected" ? (
          <p>
            <span className="font-semibold">Rejected</span>
            {rma.decidedBy && ` by ${rma.decidedBy}`}
            {rma.decisionNote ? `: ${rma.decisionNote}` : "."}
          </p>
        ) : (
          <p>
            <span className="font-semibold">{RETURN_STATUS_DISPLAY[rma.status].label}.</span> {RETURN_STATUS_DISPLAY[rma.status].hint}
          </p>
        )}
      </section>

      <dl className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Fact label="Value with tax">
          <Money amount={rma.value} currency={rma.currency} className="font-semibold" />
          <span className="block text-xs text-muted-foreground">
            {units} unit{units === 1 ? "" : "s"} on {rma.lines.length} line{rma.lines.length === 1 ? "" : "s"}
          </span>
        </Fact>
        <Fact label="Requested">
          {rma.requestedBy}
          <DateTime value={rma.createdAt} className="block text-xs text-muted-foreground" />
        </Fact>
        <Fact label={rma.status === "rejected" ? "Rejected" : "Approved"}>
          {rma.decidedBy ? (
            <>
              {rma.decidedBy === "system" ? "At once (within the approval value)" : rma.decidedBy}
              <DateTime value={rma.decidedAt} className="block text-xs text-muted-foreground" />
              {rma.decisionNote && rma.decidedBy !== "system" && <span className="mt-0.5 block text-xs">{rma.decisionNote}</span>}
            </>
          ) : (
            <span className="text-muted-foreground">Waiting for a manager</span>
          )}
        </Fact>
        <Fact label="Received">
          {rma.receivedBy ? (
            <>
              {rma.receivedBy}
              <DateTime value={rma.receivedAt} className="block text-xs text-muted-foreground" />
              {rma.creditNote && (
                <span className="mt-0.5 block text-xs">
                  Credit note{" "}
                  {linkCreditNote ? (
                    <Link href={`/invoices/credit-notes/${encodeURIComponent(rma.creditNote.number)}`} className="font-mono text-primary hover:underline">
                      {rma.creditNote.number}
                    </Link>
                  ) : (
                    <span className="font-mono">{rma.creditNote.number}</span>
                  )}{" "}
                  · <Money amount={rma.creditNote.total} currency={rma.currency} />
                </span>
              )}
            </>
          ) : (
            <span className="text-muted-foreground">{rma.status === "approved" ? "Not yet" : "—"}</span>
          )}
        </Fact>
      </dl>

      {rma.notes && (
        <section aria-labelledby="notes-heading" className="mt-6">
          <h2 id="notes-heading" className="mb-2 text-sm font-semibold">
            Notes
          </h2>
          <p className="rounded-lg border bg-background p-3 text-sm whitespace-pre-line">{rma.notes}</p>
        </section>
      )}

      <section aria-labelledby="lines-heading" className="mt-6">
        <h2 id="lines-heading" className="mb-2 text-sm font-semibold">
          Lines <span className="font-normal text-muted-foreground">({rma.lines.length})</span>
        </h2>
        <div className="min-w-0 rounded-lg border bg-background">
          <Table aria-label={`Lines of ${rma.number}`}>
            <TableHeader>
              <TableRow>
                <TableHead numeric className="w-16">
                  Line
                </TableHead>
                <TableHead>SKU</TableHead>
                <TableHead>Description</TableHead>
                <TableHead numeric>Quantity</TableHead>
                <TableHead>Reason</TableHead>
                <TableHead>Then</TableHead>
                <TableHead>Warehouse</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rma.lines.map((line) => (
                <TableRow key={`${line.lineNo}-${line.sku}`}>
                  <TableCell numeric className="text-muted-foreground">
                    {line.lineNo}
                  </TableCell>
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    <Link href={`/products/${encodeURIComponent(line.sku)}`} className="text-primary hover:underline">
                      {line.sku}
                    </Link>
                  </TableCell>
                  <TableCell>{line.description}</TableCell>
                  <TableCell numeric>{line.quantity}</TableCell>
                  <TableCell>{line.reasonLabel}</TableCell>
                  <TableCell>{line.disposition === "restock" ? "Restock" : <span className="text-warning-soft-foreground">Scrap</span>}</TableCell>
                  <TableCell className="font-mono text-xs">{line.warehouse}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell colSpan={3}>Total</TableCell>
                <TableCell numeric>{units}</TableCell>
                <TableCell colSpan={3} />
              </TableRow>
            </TableFooter>
          </Table>
        </div>
      </section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border bg-background p-3 text-sm">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-1 min-w-0">{children}</dd>
    </div>
  );
}
