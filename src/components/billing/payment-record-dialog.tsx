"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Banknote } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "~/components/ui/toast";
import { CustomerCombobox } from "~/components/order-entry/customer-combobox";
import type { EntryCustomer } from "~/components/order-entry/entry-state";
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
import { useTRPC } from "~/trpc/react";
import { AllocationEditor, allocationFieldErrors, newAllocationDraft, planAllocations, useBillingChanged, useOpenInvoices, type AllocationDraft } from "./payment-allocation";
import { amountPlaceholder, isPaymentMethod, METHOD_OPTIONS, readAmount } from "./payment-format";

/** The "Record payment" button and its dialog (finance and admins). `customer` preselects an account. */
export function RecordPaymentButton({ customer }: { customer?: EntryCustomer }) {
  const [open, setOpen] = useState(false);
  // A new form each time it opens: nothing half-typed from the last payment.
  const [session, setSession] = useState(0);
  return (
    <>
      <Button
        onClick={() => {
          setSession((n) => n + 1);
          setOpen(true);
        }}
      >
        <Banknote aria-hidden />
        Record payment
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="sm:max-w-3xl">{open && <RecordPaymentForm key={session} initialCustomer={customer ?? null} onDone={() => setOpen(false)} />}</DialogContent>
      </Dialog>
    </>
  );
}

function RecordPaymentForm({ initialCustomer, onDone }: { initialCustomer: EntryCustomer | null; onDone: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const changed = useBillingChanged();
  const [customer, setCustomer] = useState<EntryCustomer | null>(initialCustomer);
  const [amount, setAmount] = useState("");
  const [method, setMethod] = useState<PaymentMethod>("bank_transfer");
  const [reference, setReference] = useState("");
  const [receivedOn, setReceivedOn] = useState(() => todayIn());
  const [notes, setNotes] = useState("");
  const [draft, setDraft] = useState<AllocationDraft>(newAllocationDraft);
  const { fields, setFields, error, described, clearOnChange } = useFieldErrors("pay");
  const [formError, setFormError] = useState<string | null>(null);
  /** Set on submit, cleared when the answer is in: a second click or Enter in between does nothing. */
  const inFlight = useRef(false);

  const account = useQuery({ ...trpc.customers.get.queryOptions({ code: customer?.code ?? "" }), enabled: !!customer, staleTime: 60_000 });
  const currency = account.data?.currency ?? "USD";
  const invoicesQuery = useOpenInvoices(customer?.code ?? null);
  const read = readAmount(amount, currency);
  const available = "amount" in read ? read.amount : null;

  const record = useMutation(
    trpc.payments.record.mutationOptions({
      onSuccess: (payment) => {
        const paid = payment.allocations.filter((a) => !a.reversed);
        toast.success(`${formatMoney(payment.amount, payment.currency)} from ${payment.customer.name} recorded`, {
          description:
            (paid.length > 0 ? `Applied to ${paid.map((a) => a.invoice).join(", ")}. ` : "Not applied to any invoice. ") +
            (payment.unallocated > 0 ? `${formatMoney(payment.unallocated, payment.currency)} stays as customer credit.` : "Nothing left as credit."),
          action: { label: "Open payment", onClick: () => router.push(`/invoices/payments/${payment.id}`) },
        });
        onDone();
        changed();
      },
      onError: (e, sent) => {
        const apiError = apiErrorOf(e);
        const mapped = allocationFieldErrors(apiError.details?.fields ?? {}, sent.allocations, invoicesQuery.invoices);
        setFields(mapped);
        setFormError(Object.keys(mapped).length === 0 ? apiError.message : null);
        // Someone else may have paid an invoice meanwhile: show the balances as they are now.
        if (draft.mode === "manual") void invoicesQuery.refetch();
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current || record.isPending) return;
    const errors: Record<string, string[]> = {};
    if (!customer) errors.customer = ["Choose the customer who paid"];
    if ("error" in read) errors.amount = [read.error];
    else if (read.amount === null) errors.amount = ["Enter the amount received"];
    else if (read.amount === 0) errors.amount = ["The amount must be more than 0"];
    if (!receivedOn) errors.receivedOn = ["Enter the day the money arrived"];
    else if (receivedOn > todayIn()) errors.receivedOn = ["The received date cannot be in the future"];
    const plan = planAllocations(draft, invoicesQuery.invoices, available, currency);
    if (draft.mode === "manual" && customer && invoicesQuery.isPending) errors.allocations = ["Wait for the open invoices to load"];
    Object.assign(errors, plan.errors);
    setFields(errors);
    if (Object.keys(errors).length > 0) {
      setFormError(null);
      return;
    }
    setFormError(null);
    inFlight.current = true;
    record.mutate(
      {
        customer: customer!.code,
        amount: available!,
        method,
        reference: reference.trim() || null,
        receivedOn,
        notes: notes.trim() || null,
        ...(plan.allocations ? { allocations: plan.allocations } : {}),
      },
      { onSettled: () => (inFlight.current = false) },
    );
  }

  return (
    <form onSubmit={onSubmit} onChange={clearOnChange} noValidate className="grid min-w-0 gap-4">
      <DialogHeader>
        <DialogTitle>Record payment</DialogTitle>
        <DialogDescription>Money a customer sent: it pays their open invoices, oldest first or the ones you choose; the rest stays as their credit.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor="pay-customer">Customer</Label>
          <CustomerCombobox
            id="pay-customer"
            customer={customer}
            onChange={(next) => {
              setCustomer(next);
              setDraft((d) => ({ ...d, byHand: false, typed: {} }));
              setFields(({ customer: _gone, ...rest }) => rest);
            }}
            invalid={!!fields.customer}
            describedBy={described("customer")}
          />
          {error("customer")}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="pay-amount">Amount ({currency})</Label>
          <Input
            id="pay-amount"
            name="amount"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            inputMode="decimal"
            autoComplete="off"
            placeholder={amountPlaceholder(currency)}
            className="text-right tabular-nums"
            aria-invalid={!!fields.amount}
            aria-describedby={described("amount")}
          />
          {error("amount")}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="pay-method">Method</Label>
          <NativeSelect
            id="pay-method"
            name="method"
            value={method}
            onChange={(e) => isPaymentMethod(e.target.value) && setMethod(e.target.value)}
            aria-invalid={!!fields.method}
            aria-describedby={described("method")}
          >
            {METHOD_OPTIONS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </NativeSelect>
          {error("method")}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="pay-reference">
            Reference <span className="font-normal text-muted-foreground">(optional)</span>
          </Label>
          <Input
            id="pay-reference"
            name="reference"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            maxLength={100}
            autoComplete="off"
            placeholder="Bank reference, cheque number…"
            aria-invalid={!!fields.reference}
            aria-describedby={described("reference")}
          />
          {error("reference")}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="pay-received">Received on</Label>
          <Input
            id="pay-received"
            name="receivedOn"
            type="date"
            value={receivedOn}
            max={todayIn()}
            onChange={(e) => setReceivedOn(e.target.value)}
            aria-invalid={!!fields.receivedOn}
            aria-describedby={described("receivedOn")}
          />
          {error("receivedOn")}
        </div>
      </div>
      <AllocationEditor
        idPrefix="pay"
        draft={draft}
        onDraftChange={(next) => {
          setDraft(next);
          setFields(({ allocations: _gone, ...rest }) => rest);
        }}
        invoicesQuery={invoicesQuery}
        available={available}
        currency={currency}
        errors={fields}
      />
      <div className="grid gap-1.5">
        <Label htmlFor="pay-notes">
          Notes <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <Textarea id="pay-notes" name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={1000} rows={2} className="min-h-10" />
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
        <Button type="submit" disabled={record.isPending} aria-disabled={record.isPending}>
          {record.isPending ? "Recording…" : "Record payment"}
        </Button>
      </DialogFooter>
    </form>
  );
}
