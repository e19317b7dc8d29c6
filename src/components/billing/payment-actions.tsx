"use client";

import { useMutation } from "@tanstack/react-query";
import { Undo2, Wallet, HandCoins } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Textarea } from "~/components/ui/textarea";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { todayIn } from "~/lib/dates";
import { formatMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import type { PaymentMethod } from "~/server/billing/constants";
import type { TAllocation, TPayment } from "~/server/billing/schemas";
import { useTRPC } from "~/trpc/react";
import { AllocationEditor, allocationFieldErrors, newAllocationDraft, planAllocations, useBillingChanged, useOpenInvoices, type AllocationDraft } from "./payment-allocation";
import { amountExample, amountText, isPaymentMethod, METHOD_OPTIONS, paymentDocument, readAmount } from "./payment-format";

type PaymentHead = Pick<TPayment, "id" | "customer" | "currency" | "unallocated" | "method">;

/** What finance can do with a payment's leftover money: apply it to open invoices, or pay it back. */
export function PaymentActions({ payment }: { payment: PaymentHead }) {
  const [open, setOpen] = useState<"apply" | "refund" | null>(null);
  const [session, setSession] = useState(0);
  const show = (which: "apply" | "refund") => {
    setSession((n) => n + 1);
    setOpen(which);
  };
  const left = payment.unallocated > 0;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button onClick={() => show("apply")} disabled={!left} title={left ? undefined : "Nothing left to apply"}>
        <HandCoins aria-hidden />
        Apply credit to open invoices
      </Button>
      <Button variant="outline" onClick={() => show("refund")} disabled={!left} title={left ? undefined : "Nothing left to refund"}>
        <Wallet aria-hidden />
        Refund
      </Button>
      <Dialog open={open === "apply"} onOpenChange={(o) => !o && setOpen(null)}>
        <DialogContent className="sm:max-w-3xl">{open === "apply" && <ApplyCreditForm key={session} payment={payment} onDone={() => setOpen(null)} />}</DialogContent>
      </Dialog>
      <Dialog open={open === "refund"} onOpenChange={(o) => !o && setOpen(null)}>
        <DialogContent>{open === "refund" && <RefundForm key={session} payment={payment} onDone={() => setOpen(null)} />}</DialogContent>
      </Dialog>
    </div>
  );
}

function ApplyCreditForm({ payment, onDone }: { payment: PaymentHead; onDone: () => void }) {
  const trpc = useTRPC();
  const changed = useBillingChanged();
  const [draft, setDraft] = useState<AllocationDraft>(newAllocationDraft);
  const { fields, setFields } = useFieldErrors("apply");
  const [formError, setFormError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const invoicesQuery = useOpenInvoices(payment.customer.code);
  const currency = payment.currency;

  const allocate = useMutation(
    trpc.payments.allocate.mutationOptions({
      onSuccess: (after) => {
        const applied = after.unallocated < payment.unallocated ? payment.unallocated - after.unallocated : 0;
        if (applied === 0) toast.info("Nothing was applied", { description: "The customer has no open invoice this money could pay." });
        else
          toast.success(`${formatMoney(applied, currency)} applied`, {
            description: after.unallocated > 0 ? `${formatMoney(after.unallocated, currency)} stays as customer credit.` : "Nothing of this payment is left as credit.",
          });
        onDone();
        changed();
      },
      onError: (e, sent) => {
        const apiError = apiErrorOf(e);
        const mapped = allocationFieldErrors(apiError.details?.fields ?? {}, sent.allocations, invoicesQuery.invoices);
        setFields(mapped);
        setFormError(Object.keys(mapped).length === 0 ? apiError.message : null);
        void invoicesQuery.refetch();
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current || allocate.isPending) return;
    const plan = planAllocations(draft, invoicesQuery.invoices, payment.unallocated, currency);
    const errors = { ...plan.errors };
    if (draft.mode === "manual" && plan.allocations?.length === 0 && !errors.allocations) errors.allocations = ["Enter an amount for at least one invoice"];
    setFields(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0) return;
    inFlight.current = true;
    allocate.mutate({ id: payment.id, ...(plan.allocations ? { allocations: plan.allocations } : {}) }, { onSettled: () => (inFlight.current = false) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid min-w-0 gap-4">
      <DialogHeader>
        <DialogTitle>Apply credit to open invoices</DialogTitle>
        <DialogDescription>
          {formatMoney(payment.unallocated, currency)} of {paymentDocument(payment.id)} from {payment.customer.name} is not applied yet.
        </DialogDescription>
      </DialogHeader>
      <AllocationEditor
        idPrefix="apply"
        draft={draft}
        onDraftChange={(next) => {
          setDraft(next);
          setFields({});
        }}
        invoicesQuery={invoicesQuery}
        available={payment.unallocated}
        currency={currency}
        errors={fields}
      />
      {formError && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {formError}
        </p>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={allocate.isPending || (invoicesQuery.isSuccess && invoicesQuery.invoices.length === 0)}>
          {allocate.isPending ? "Applying…" : "Apply"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function RefundForm({ payment, onDone }: { payment: PaymentHead; onDone: () => void }) {
  const trpc = useTRPC();
  const changed = useBillingChanged();
  const currency = payment.currency;
  const [amount, setAmount] = useState(() => amountText(payment.unallocated, currency));
  const [method, setMethod] = useState<PaymentMethod>(payment.method);
  const [reference, setReference] = useState("");
  const [refundedOn, setRefundedOn] = useState(() => todayIn());
  const { fields, setFields, error, described, clearOnChange } = useFieldErrors("refund");
  const [formError, setFormError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const refund = useMutation(
    trpc.payments.refund.mutationOptions({
      onSuccess: (after, vars) => {
        toast.success(`${formatMoney(vars.amount, currency)} refunded to ${payment.customer.name}`, {
          description: after.unallocated > 0 ? `${formatMoney(after.unallocated, currency)} of the payment is still credit.` : "Nothing of this payment is left as credit.",
        });
        onDone();
        changed();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        setFields(apiError.details?.fields ?? {});
        setFormError(apiError.details?.fields ? null : apiError.message);
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current || refund.isPending) return;
    const errors: Record<string, string[]> = {};
    const read = readAmount(amount, currency);
    if ("error" in read) errors.amount = [read.error];
    else if (!read.amount) errors.amount = ["Enter the amount refunded"];
    else if (read.amount > payment.unallocated) errors.amount = [`At most ${formatMoney(payment.unallocated, currency)} is left to refund`];
    if (!refundedOn) errors.refundedOn = ["Enter the day the money left"];
    else if (refundedOn > todayIn()) errors.refundedOn = ["The refund date cannot be in the future"];
    setFields(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0 || !("amount" in read) || !read.amount) return;
    inFlight.current = true;
    refund.mutate({ id: payment.id, amount: read.amount, method, reference: reference.trim() || null, refundedOn }, { onSettled: () => (inFlight.current = false) });
  }

  return (
    <form onSubmit={onSubmit} onChange={clearOnChange} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Refund credit</DialogTitle>
        <DialogDescription>
          Record money paid back to {payment.customer.name} from {paymentDocument(payment.id)}: at most {formatMoney(payment.unallocated, currency)}, what is not applied to
          invoices.
        </DialogDescription>
      </DialogHeader>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor="refund-amount">Amount ({currency})</Label>
          <Input
            id="refund-amount"
            name="amount"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            inputMode="decimal"
            autoComplete="off"
            placeholder={amountExample(currency)}
            className="text-right tabular-nums"
            aria-invalid={!!fields.amount}
            aria-describedby={described("amount")}
          />
          {error("amount")}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="refund-method">Method</Label>
          <NativeSelect id="refund-method" name="method" value={method} onChange={(e) => isPaymentMethod(e.target.value) && setMethod(e.target.value)}>
            {METHOD_OPTIONS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </NativeSelect>
          {error("method")}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="refund-reference">
            Reference <span className="font-normal text-muted-foreground">(optional)</span>
          </Label>
          <Input
            id="refund-reference"
            name="reference"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            maxLength={100}
            autoComplete="off"
            aria-invalid={!!fields.reference}
            aria-describedby={described("reference")}
          />
          {error("reference")}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="refund-date">Refunded on</Label>
          <Input
            id="refund-date"
            name="refundedOn"
            type="date"
            value={refundedOn}
            max={todayIn()}
            onChange={(e) => setRefundedOn(e.target.value)}
            aria-invalid={!!fields.refundedOn}
            aria-describedby={described("refundedOn")}
          />
          {error("refundedOn")}
        </div>
      </div>
      {formError && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {formError}
        </p>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={refund.isPending}>
          {refund.isPending ? "Recording…" : "Record refund"}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** "Un-allocate": the money goes back to the payment, the invoice owes it again. A reason is required (audited). */
export function UnallocateButton({ allocation, currency }: { allocation: Pick<TAllocation, "id" | "invoice" | "amount">; currency: string }) {
  const trpc = useTRPC();
  const changed = useBillingChanged();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const reverse = useMutation(
    trpc.payments.reverseAllocation.mutationOptions({
      onSuccess: (done) => {
        toast.success(`${formatMoney(done.amount, currency)} taken back from ${done.invoice}`, { description: "The invoice owes it again; the payment has it as credit." });
        setOpen(false);
        changed();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        setFieldError(apiError.details?.fields?.reason?.join(", ") ?? apiError.message);
      },
    }),
  );
  const errorId = `unallocate-${allocation.id}-reason-error`;
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        onClick={() => {
          setReason("");
          setFieldError(null);
          setOpen(true);
        }}
      >
        <Undo2 aria-hidden />
        Un-allocate<span className="sr-only"> from {allocation.invoice}</span>
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <form
            noValidate
            className="grid gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              if (inFlight.current || reverse.isPending) return;
              if (!reason.trim()) return setFieldError("Say why the money is taken back (e.g. the cheque bounced, applied to the wrong invoice)");
              inFlight.current = true;
              reverse.mutate({ id: allocation.id, reason: reason.trim() }, { onSettled: () => (inFlight.current = false) });
            }}
          >
            <DialogHeader>
              <DialogTitle>Un-allocate from {allocation.invoice}</DialogTitle>
              <DialogDescription>
                {formatMoney(allocation.amount, currency)} goes back to the payment as credit and {allocation.invoice} owes it again. The allocation stays on record with your reason.
              </DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor={`unallocate-${allocation.id}-reason`}>Reason</Label>
              <Textarea
                id={`unallocate-${allocation.id}-reason`}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  setFieldError(null);
                }}
                maxLength={500}
                rows={3}
                aria-invalid={!!fieldError}
                aria-describedby={fieldError ? errorId : undefined}
              />
              {fieldError && (
                <p id={errorId} className="text-sm font-medium text-destructive">
                  {fieldError}
                </p>
              )}
            </div>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Cancel</Button>
              </DialogClose>
              <Button type="submit" variant="destructive" disabled={reverse.isPending}>
                {reverse.isPending ? "Taking back…" : "Un-allocate"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
