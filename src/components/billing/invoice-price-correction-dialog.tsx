"use client";

import { useMutation } from "@tanstack/react-query";
import { AlertTriangle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { Textarea } from "~/components/ui/textarea";
import { formatMoney, minorUnits, parseMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TInvoice } from "~/server/billing/schemas";
import { useTRPC } from "~/trpc/react";
import { useBillingChanged } from "./invoice-use-changed";

/** Parses what was typed in a credit field: nothing (0), an amount in minor units, or an error to show. */
export function parseCredit(text: string, currency: string, lineTotal: number): { amount: number } | { error: string } {
  const cleaned = text.trim().replace(/^[$€£]/, "").replaceAll(",", "");
  if (!cleaned) return { amount: 0 };
  let amount: number;
  try {
    amount = parseMoney(cleaned, currency);
  } catch {
    return { error: minorUnits(currency) === 0 ? "Enter a whole amount" : `Enter an amount like 12.50` };
  }
  if (amount < 0) return { error: "Enter the credit as a positive amount" };
  if (amount > lineTotal) return { error: `At most the line's net, ${formatMoney(lineTotal, currency)}` };
  return { amount };
}

/**
 * A price agreed lower after the invoice went out: per line, the net amount to credit (tax follows at the
 * line's rate) and a reason. The server issues a credit note, applies it to this invoice first, and the
 * desk goes to the credit note.
 */
export function InvoicePriceCorrectionDialog({ invoice, onClose }: { invoice: TInvoice; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const changed = useBillingChanged();
  const currency = invoice.currency;
  const [amounts, setAmounts] = useState<Record<number, string>>({});
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const parsed = invoice.lines.map((line) => ({ line, result: parseCredit(amounts[line.lineNo] ?? "", currency, line.lineTotal) }));
  const credited = parsed.reduce((sum, p) => sum + ("amount" in p.result ? p.result.amount : 0), 0);

  const correct = useMutation(
    trpc.creditNotes.correctPrice.mutationOptions({
      onSuccess: (note) => {
        toast.success(`Credit note ${note.number} issued`, {
          description: `${formatMoney(note.total, note.currency)} credited on ${invoice.number}${note.remaining > 0 ? `; ${formatMoney(note.remaining, note.currency)} stays as customer credit` : ""}.`,
        });
        changed();
        onClose();
        router.push(`/invoices/credit-notes/${encodeURIComponent(note.number)}`);
      },
      onError: (error, sent) => {
        const e = apiErrorOf(error);
        const next: Record<string, string> = {};
        for (const [field, messages] of Object.entries(e.details?.fields ?? {})) {
          const line = /^lines\.(\d+)\./.exec(field);
          const lineNo = line ? sent.lines[Number(line[1])]?.lineNo : undefined;
          next[lineNo !== undefined ? `line-${lineNo}` : field === "reason" ? "reason" : "form"] = messages.join(", ");
        }
        setErrors(next);
        setFailure(next.form ?? (Object.keys(next).length === 0 ? e.message : null));
        toast.error(`Could not credit ${invoice.number}`, { description: e.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Record<string, string> = {};
    const lines: { lineNo: number; amount: number }[] = [];
    for (const { line, result } of parsed) {
      if ("error" in result) next[`line-${line.lineNo}`] = result.error;
      else if (result.amount > 0) lines.push({ lineNo: line.lineNo, amount: result.amount });
    }
    if (Object.keys(next).length === 0 && lines.length === 0) next.form = "Enter the amount to credit on at least one line";
    if (!reason.trim()) next.reason = "Say why the price is corrected";
    setErrors(next);
    setFailure(next.form ?? null);
    if (Object.keys(next).length > 0) return;
    correct.mutate({ invoice: invoice.number ?? invoice.id, reason: reason.trim(), lines });
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-3xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Price correction on {invoice.number}</DialogTitle>
            <DialogDescription>
              The issued invoice is never edited: a credit note credits the net amount per line, with tax at each line&apos;s rate. It goes against {invoice.number} first; anything
              left is customer credit.
            </DialogDescription>
          </DialogHeader>
          <div className="max-h-[45vh] overflow-y-auto rounded-md border">
            <Table aria-label="Credit per line">
              <TableHeader>
                <TableRow>
                  <TableHead numeric className="w-8">
                    #
                  </TableHead>
                  <TableHead>Line</TableHead>
                  <TableHead numeric>Qty</TableHead>
                  <TableHead numeric>Net billed</TableHead>
                  <TableHead numeric className="w-40">
                    Credit (net)
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {invoice.lines.map((line) => {
                  const id = `credit-line-${line.lineNo}`;
                  const error = errors[`line-${line.lineNo}`];
                  return (
                    <TableRow key={line.lineNo}>
                      <TableCell numeric className="text-muted-foreground">
                        {line.lineNo}
                      </TableCell>
                      <TableCell className="max-w-72">
                        <span className="font-mono text-xs">{line.sku}</span>
                        <span className="block truncate text-xs text-muted-foreground" title={line.description}>
                          {line.description}
                        </span>
                      </TableCell>
                      <TableCell numeric>{line.quantity}</TableCell>
                      <TableCell numeric>
                        <Money amount={line.lineTotal} currency={currency} />
                      </TableCell>
                      <TableCell numeric className="align-top">
                        <Label htmlFor={id} className="sr-only">
                          Credit on line {line.lineNo} ({line.sku})
                        </Label>
                        <Input
                          id={id}
                          inputMode="decimal"
                          autoComplete="off"
                          placeholder="0.00"
                          value={amounts[line.lineNo] ?? ""}
                          onChange={(e) => {
                            const value = e.target.value;
                            setAmounts((a) => ({ ...a, [line.lineNo]: value }));
                            setErrors(({ [`line-${line.lineNo}`]: _dropped, form: _form, ...rest }) => rest);
                          }}
                          className="ml-auto w-32 text-right tabular-nums"
                          aria-invalid={!!error}
                          aria-describedby={error ? `${id}-error` : undefined}
                        />
                        <FieldError id={`${id}-error`} className="mt-1 text-xs whitespace-normal">
                          {error}
                        </FieldError>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <p className="text-right text-sm" aria-live="polite">
            Net credited: <Money amount={credited} currency={currency} className="font-semibold" /> <span className="text-muted-foreground">plus tax</span>
          </p>
          <div className="grid gap-1.5">
            <Label htmlFor="correction-reason">Reason</Label>
            <Textarea
              id="correction-reason"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setErrors(({ reason: _dropped, ...rest }) => rest);
              }}
              maxLength={500}
              rows={2}
              placeholder="e.g. Contract price for bolts agreed on the phone with the buyer"
              aria-invalid={!!errors.reason}
              aria-describedby={errors.reason ? "correction-reason-error" : undefined}
            />
            <FieldError id="correction-reason-error">{errors.reason}</FieldError>
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
            <Button type="submit" disabled={correct.isPending}>
              {correct.isPending ? "Issuing credit note…" : "Issue credit note"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
