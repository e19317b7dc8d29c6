"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { AlertTriangle, Banknote, Download, ReceiptText } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { DateOnly, Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { formatMoney, parseMoney, toDecimalString } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import { PAYMENT_METHODS, type PaymentMethod } from "~/server/billing/constants";
import type { TCreditNote } from "~/server/billing/schemas";
import { useTRPC } from "~/trpc/react";
import { PAYMENT_METHOD_LABELS } from "./invoice-labels";
import { useBillingChanged } from "./invoice-use-changed";

/** A credit note's actions: download; with `payments.record` and credit left, apply it to open invoices or refund it. */
export function CreditNoteActions({ note, role, today }: { note: TCreditNote; role: Role; today: string }) {
  const [dialog, setDialog] = useState<"apply" | "refund" | null>(null);
  const mayMove = can(role, "payments.record") && note.remaining > 0;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {mayMove && (
        <>
          <Button onClick={() => setDialog("apply")}>
            <ReceiptText aria-hidden />
            Apply to open invoices
          </Button>
          <Button variant="outline" onClick={() => setDialog("refund")}>
            <Banknote aria-hidden />
            Refund
          </Button>
        </>
      )}
      <Button asChild variant="outline">
        <a href={`/invoices/credit-notes/${encodeURIComponent(note.number)}/pdf?download=1`} download>
          <Download aria-hidden />
          Download PDF
        </a>
      </Button>
      {mayMove && dialog === "apply" && <ApplyDialog note={note} onClose={() => setDialog(null)} />}
      {mayMove && dialog === "refund" && <RefundDialog note={note} today={today} onClose={() => setDialog(null)} />}
    </div>
  );
}

/** Oldest due first, as the server applies it: what each open invoice of the customer would get. */
function planOldestFirst(available: number, invoices: { number: string | null; dueDate: string | null; issueDate: string | null; balance: number }[]) {
  const sorted = [...invoices].sort((a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? "") || (a.issueDate ?? "").localeCompare(b.issueDate ?? "") || (a.number ?? "").localeCompare(b.number ?? ""));
  let left = available;
  return sorted.map((invoice) => {
    const amount = Math.min(left, invoice.balance);
    left -= amount;
    return { invoice, amount };
  });
}

function ApplyDialog({ note, onClose }: { note: TCreditNote; onClose: () => void }) {
  const trpc = useTRPC();
  const changed = useBillingChanged();
  const [failure, setFailure] = useState<string | null>(null);
  const open = useQuery(trpc.invoices.list.queryOptions({ customer: note.customer.code, status: "open", limit: 200 }));
  const candidates = (open.data?.items ?? []).filter((i) => i.currency === note.currency && i.balance > 0);
  const plan = planOldestFirst(note.remaining, candidates);
  const applying = plan.reduce((s, p) => s + p.amount, 0);

  const apply = useMutation(
    trpc.creditNotes.applyCredit.mutationOptions({
      onSuccess: (after) => {
        const applied = note.remaining - after.remaining;
        if (applied > 0) {
          const invoices = after.allocations.filter((a) => !a.reversed && !note.allocations.some((b) => b.id === a.id)).map((a) => a.invoice);
          toast.success(`${formatMoney(applied, note.currency)} of ${note.number} applied`, { description: `To ${invoices.join(", ")}. ${formatMoney(after.remaining, note.currency)} left as credit.` });
        } else {
          toast.info(`Nothing applied from ${note.number}`, { description: `${note.customer.name} has no open invoices in ${note.currency}.` });
        }
        onClose();
        changed();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setFailure(e.message);
        toast.error(`Could not apply ${note.number}`, { description: e.message });
      },
    }),
  );

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Apply {note.number} to open invoices</DialogTitle>
          <DialogDescription>
            <Money amount={note.remaining} currency={note.currency} /> of credit goes to {note.customer.name}&apos;s open invoices, the oldest due first. What is not needed stays
            as customer credit.
          </DialogDescription>
        </DialogHeader>
        {open.isPending ? (
          <p className="text-sm text-muted-foreground">Loading the customer&apos;s open invoices…</p>
        ) : open.isError ? (
          <p role="alert" className="text-sm text-destructive">
            Could not load the open invoices: {apiErrorOf(open.error).message}
          </p>
        ) : candidates.length === 0 ? (
          <p className="rounded-md border border-dashed p-3 text-sm text-muted-foreground">{note.customer.name} has no open invoices: the credit stays on the account (or refund it).</p>
        ) : (
          <div className="max-h-72 overflow-y-auto rounded-md border">
            <Table aria-label="Open invoices, oldest due first">
              <TableHeader>
                <TableRow>
                  <TableHead>Invoice</TableHead>
                  <TableHead>Due</TableHead>
                  <TableHead numeric>Balance</TableHead>
                  <TableHead numeric>Gets</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {plan.map(({ invoice, amount }) => (
                  <TableRow key={invoice.number} className={amount === 0 ? "text-muted-foreground" : undefined}>
                    <TableCell className="font-mono">{invoice.number}</TableCell>
                    <TableCell>
                      <DateOnly value={invoice.dueDate} />
                    </TableCell>
                    <TableCell numeric>
                      <Money amount={invoice.balance} currency={note.currency} />
                    </TableCell>
                    <TableCell numeric className="font-medium">
                      <Money amount={amount} currency={note.currency} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {failure && (
          <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive/30 bg-danger-soft p-3 text-sm text-danger-soft-foreground">
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
            {failure}
          </p>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button onClick={() => apply.mutate({ number: note.number })} disabled={apply.isPending || open.isPending || candidates.length === 0}>
            {apply.isPending ? "Applying…" : applying > 0 ? `Apply ${formatMoney(applying, note.currency)}` : "Apply"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function RefundDialog({ note, today, onClose }: { note: TCreditNote; today: string; onClose: () => void }) {
  const trpc = useTRPC();
  const changed = useBillingChanged();
  const { setFields, error, described, clearOnChange, fields } = useFieldErrors("refund");
  const [failure, setFailure] = useState<string | null>(null);

  const refund = useMutation(
    trpc.creditNotes.refund.mutationOptions({
      onSuccess: (after, sent) => {
        toast.success(`${formatMoney(sent.amount, note.currency)} refunded to ${note.customer.name}`, {
          description: `From ${note.number} by ${PAYMENT_METHOD_LABELS[sent.method].toLowerCase()}${sent.reference ? ` (${sent.reference})` : ""}. ${formatMoney(after.remaining, note.currency)} left.`,
        });
        onClose();
        changed();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        setFields(apiError.details?.fields ?? {});
        setFailure(apiError.details?.fields ? null : apiError.message);
        toast.error(`Could not refund ${note.number}`, { description: apiError.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const errors: Record<string, string[]> = {};
    let amount = 0;
    try {
      amount = parseMoney(text("amount").replace(/^[$€£]/, "").replaceAll(",", ""), note.currency);
      if (amount <= 0) errors.amount = ["Enter an amount more than 0"];
      else if (amount > note.remaining) errors.amount = [`At most what is left, ${formatMoney(note.remaining, note.currency)}`];
    } catch {
      errors.amount = ["Enter an amount like 12.50"];
    }
    const refundedOn = text("refundedOn");
    if (refundedOn && refundedOn > today) errors.refundedOn = ["Cannot be in the future"];
    setFields(errors);
    setFailure(null);
    if (Object.keys(errors).length > 0) return;
    refund.mutate({ number: note.number, amount, method: text("method") as PaymentMethod, reference: text("reference") || null, refundedOn: refundedOn || undefined });
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <form onSubmit={onSubmit} onChange={clearOnChange} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Refund {note.number}</DialogTitle>
            <DialogDescription>
              Record money paid back to {note.customer.name}: at most the <Money amount={note.remaining} currency={note.currency} /> left on the credit note.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="grid gap-1.5">
              <Label htmlFor="refund-amount">Amount ({note.currency})</Label>
              <Input
                id="refund-amount"
                name="amount"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={toDecimalString(note.remaining, note.currency)}
                className="text-right tabular-nums"
                aria-invalid={!!fields.amount}
                aria-describedby={described("amount")}
              />
              {error("amount")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="refund-method">Method</Label>
              <NativeSelect id="refund-method" name="method" defaultValue="bank_transfer" aria-invalid={!!fields.method} aria-describedby={described("method")}>
                {PAYMENT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {PAYMENT_METHOD_LABELS[m]}
                  </option>
                ))}
              </NativeSelect>
              {error("method")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="refund-reference">Reference</Label>
              <Input id="refund-reference" name="reference" maxLength={100} placeholder="e.g. bank transfer id" aria-invalid={!!fields.reference} aria-describedby={described("reference")} />
              {error("reference")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="refund-date">Refunded on</Label>
              <Input id="refund-date" name="refundedOn" type="date" defaultValue={today} max={today} aria-invalid={!!fields.refundedOn} aria-describedby={described("refundedOn")} />
              {error("refundedOn")}
            </div>
          </div>
          {failure && (
            <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive/30 bg-danger-soft p-3 text-sm text-danger-soft-foreground">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
              {failure}
            </p>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={refund.isPending}>
              {refund.isPending ? "Recording refund…" : "Record refund"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
