"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { formatMoney, parseMoney, toDecimalString } from "~/lib/money";
import { apiErrorOf, fieldMessagesOf } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";

type Account = { code: string; name: string; currency: string; creditLimit: number };

/** Finance sets a customer's credit limit, saying why (kept in the audit trail). */
export function CustomerCreditLimit({ customer }: { customer: Account }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState(toDecimalString(customer.creditLimit, customer.currency));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation(
    trpc.customers.setCreditLimit.mutationOptions({
      onSuccess: (saved) => {
        toast.success(`Credit limit of ${saved.name}: ${formatMoney(saved.creditLimit, saved.currency)}`, { description: "Orders submitted from now on are checked against it; held orders stay held until released." });
        setOpen(false);
        setReason("");
        router.refresh();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setErrors(fieldMessagesOf(e));
        if (!e.details?.fields) toast.error("Could not set the credit limit", { description: e.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    let creditLimit = 0;
    try {
      creditLimit = parseMoney(amount.replace(/[,\s]/g, ""), customer.currency);
      if (creditLimit < 0) found.creditLimit = "Cannot be negative";
    } catch {
      found.creditLimit = `An amount in ${customer.currency}, e.g. 25000`;
    }
    if (!reason.trim()) found.reason = "Say why the limit changes";
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate({ code: customer.code, creditLimit, reason: reason.trim() });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setAmount(toDecimalString(customer.creditLimit, customer.currency));
        setErrors({});
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">Credit limit</Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Credit limit of {customer.name}</DialogTitle>
            <DialogDescription>
              Now {formatMoney(customer.creditLimit, customer.currency)}. What the customer may owe in open orders and unpaid invoices before new orders go on credit hold.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-limit`}>New limit ({customer.currency})</Label>
            <Input
              id={`${id}-limit`}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={!!errors.creditLimit || undefined}
              aria-describedby={errors.creditLimit ? `${id}-limit-error` : undefined}
              className="w-44 text-right"
            />
            <FieldError id={`${id}-limit-error`}>{errors.creditLimit}</FieldError>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-reason`}>Reason</Label>
            <Textarea
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              rows={2}
              placeholder="e.g. Credit review 2026: bank reference received"
              aria-invalid={!!errors.reason || undefined}
              aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
            />
            <FieldError id={`${id}-reason-error`}>{errors.reason}</FieldError>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Set limit"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
