"use client";

import { useMutation } from "@tanstack/react-query";
import { Undo2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { DateOnly, DateTime, Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { formatMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { TAllocation } from "~/server/billing/schemas";
import { useTRPC } from "~/trpc/react";
import { ReasonDialog } from "./invoice-reason-dialog";
import { useBillingChanged } from "./invoice-use-changed";

/**
 * Money applied to an invoice (what paid it: payments and credit notes) or by a credit note (which invoices
 * it went to): amount, date, who; an un-allocated one struck through with who took it back and why.
 * With `payments.record`, each active one can be taken back with a reason.
 */
export function InvoiceAllocations({
  allocations,
  currency,
  show,
  canReverse,
  label,
}: {
  allocations: TAllocation[];
  currency: string;
  /** The invoice page names the source of the money; the credit note's page names the invoice it went to. */
  show: "source" | "invoice";
  canReverse: boolean;
  label: string;
}) {
  const [target, setTarget] = useState<TAllocation | null>(null);
  if (allocations.length === 0) return null;
  const active = allocations.filter((a) => !a.reversed).reduce((sum, a) => sum + a.amount, 0);

  return (
    <div className="min-w-0 rounded-lg border bg-background">
      <Table aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHead>{show === "source" ? "From" : "Invoice"}</TableHead>
            <TableHead>Applied</TableHead>
            <TableHead numeric>Amount</TableHead>
            {canReverse && (
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {allocations.map((a) => {
            const reversed = !!a.reversed;
            return (
              <TableRow key={a.id} data-reversed={reversed || undefined}>
                <TableCell className={cn("min-w-48", reversed && "text-muted-foreground")}>
                  <span className={cn(reversed && "line-through")}>
                    <AllocationTarget allocation={a} show={show} />
                  </span>
                  {a.reversed && (
                    <span className="block text-xs">
                      Un-allocated <DateTime value={a.reversed.at} /> by {a.reversed.by}: {a.reversed.reason}
                    </span>
                  )}
                </TableCell>
                <TableCell className={cn("whitespace-nowrap", reversed && "text-muted-foreground line-through")}>
                  <DateOnly value={a.appliedOn} />
                  <span className="block text-xs text-muted-foreground">by {a.createdBy}</span>
                </TableCell>
                <TableCell numeric>
                  <Money amount={a.amount} currency={currency} className={cn(reversed && "text-muted-foreground line-through")} />
                </TableCell>
                {canReverse && (
                  <TableCell className="w-px text-right">
                    {!reversed && (
                      <Button variant="ghost" size="sm" onClick={() => setTarget(a)} aria-label={`Un-allocate ${formatMoney(a.amount, currency, "en-US")} ${show === "source" ? `from ${a.source.label}` : `on ${a.invoice}`}`}>
                        <Undo2 aria-hidden />
                        Un-allocate
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
        {allocations.some((a) => a.reversed) && (
          <tfoot className="border-t bg-muted/50 font-medium">
            <TableRow>
              <TableCell colSpan={2}>Applied now</TableCell>
              <TableCell numeric>
                <Money amount={active} currency={currency} />
              </TableCell>
              {canReverse && <TableCell />}
            </TableRow>
          </tfoot>
        )}
      </Table>
      {canReverse && target && <UnallocateDialog key={target.id} allocation={target} currency={currency} onClose={() => setTarget(null)} />}
    </div>
  );
}

function AllocationTarget({ allocation: a, show }: { allocation: TAllocation; show: "source" | "invoice" }) {
  if (show === "invoice") {
    return (
      <Link href={`/invoices/${encodeURIComponent(a.invoice)}`} className="font-mono font-medium text-primary hover:underline">
        {a.invoice}
      </Link>
    );
  }
  return a.source.kind === "credit_note" ? (
    <>
      Credit note{" "}
      <Link href={`/invoices/credit-notes/${encodeURIComponent(a.source.label)}`} className="font-mono font-medium text-primary hover:underline">
        {a.source.label}
      </Link>
    </>
  ) : (
    <Link href={`/invoices/payments/${encodeURIComponent(a.source.id)}`} className="font-medium text-primary hover:underline">
      {a.source.label}
    </Link>
  );
}

/** Takes an allocation back (the invoice owes it again; the payment or credit note has it as credit), with a reason. */
function UnallocateDialog({ allocation, currency, onClose }: { allocation: TAllocation; currency: string; onClose: () => void }) {
  const trpc = useTRPC();
  const changed = useBillingChanged();
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const amount = formatMoney(allocation.amount, currency);
  const reverse = useMutation(
    trpc.payments.reverseAllocation.mutationOptions({
      onSuccess: (done) => {
        toast.success(`${formatMoney(done.amount, currency)} un-allocated from ${done.invoice}`, {
          description: `${done.invoice} owes it again; ${allocation.source.kind === "payment" ? "the payment" : "the credit note"} keeps it as customer credit.`,
        });
        onClose();
        changed();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setReasonError(e.details?.fields?.reason?.join(", ") ?? null);
        setFailure(e.message);
        toast.error(`Could not un-allocate ${amount}`, { description: e.message });
      },
    }),
  );
  return (
    <ReasonDialog
      id="unallocate"
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Un-allocate ${amount}?`}
      description={`${amount} from ${allocation.source.label} goes back to being customer credit, and ${allocation.invoice} owes it again. The allocation stays on record, struck through, with your reason.`}
      placeholder="e.g. Applied to the wrong invoice; the customer meant INV-200014"
      hint="Kept in the audit trail. Ctrl+Enter confirms."
      confirmLabel="Un-allocate"
      pendingLabel="Un-allocating…"
      cancelLabel="Keep it applied"
      isPending={reverse.isPending}
      reasonError={reasonError}
      failure={failure}
      onConfirm={(reason) => {
        setFailure(null);
        setReasonError(null);
        reverse.mutate({ id: allocation.id, reason });
      }}
    />
  );
}
