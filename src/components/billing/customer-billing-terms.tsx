"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { apiErrorOf } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";

type Terms = { code: string; name: string; paymentTermsDays: number; invoiceOnOrder: boolean; billFreight: boolean };

/** Finance changes how a customer is billed: payment terms, invoiced on order (prepaid), freight on the invoice. */
export function CustomerBillingTerms({ customer }: { customer: Terms }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState(String(customer.paymentTermsDays));
  const [invoiceOnOrder, setInvoiceOnOrder] = useState(customer.invoiceOnOrder);
  const [billFreight, setBillFreight] = useState(customer.billFreight);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const save = useMutation(
    trpc.customers.setBillingTerms.mutationOptions({
      onSuccess: (saved) => {
        toast.success(`Billing terms of ${saved.name} saved`, { description: "New invoices follow them; issued invoices keep theirs." });
        setOpen(false);
        router.refresh();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setFieldError(e.details?.fields?.paymentTermsDays?.[0] ?? null);
        if (!e.details?.fields?.paymentTermsDays) toast.error("Could not save the billing terms", { description: e.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const terms = Number(days);
    if (days.trim() === "" || !Number.isInteger(terms) || terms < 0 || terms > 365) {
      setFieldError("Whole days from 0 (due on receipt) to 365");
      return;
    }
    setFieldError(null);
    save.mutate({ code: customer.code, paymentTermsDays: terms, invoiceOnOrder, billFreight });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">Billing terms</Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Billing terms of {customer.name}</DialogTitle>
            <DialogDescription>New invoices follow these terms; invoices already issued keep theirs.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="terms-days">Payment terms (days)</Label>
            <Input
              id="terms-days"
              inputMode="numeric"
              value={days}
              onChange={(e) => setDays(e.target.value)}
              aria-invalid={!!fieldError}
              aria-describedby={fieldError ? "terms-days-error" : undefined}
              className="w-32"
            />
            <FieldError id="terms-days-error">{fieldError}</FieldError>
          </div>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={invoiceOnOrder} onChange={(e) => setInvoiceOnOrder(e.target.checked)} className="mt-0.5 size-4 rounded border-input accent-primary" />
            <span>
              Invoice on order (prepaid)
              <span className="block text-muted-foreground">Billed when the order is submitted, not when it ships.</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={billFreight} onChange={(e) => setBillFreight(e.target.checked)} className="mt-0.5 size-4 rounded border-input accent-primary" />
            <span>
              Bill freight (prepay and add)
              <span className="block text-muted-foreground">Each shipment&apos;s freight cost is added to its invoice.</span>
            </span>
          </label>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save terms"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
