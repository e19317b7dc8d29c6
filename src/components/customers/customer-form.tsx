"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { AddressFields, addressDraftOf, type AddressDraft } from "~/components/orders/address-fields";
import { Button, buttonVariants } from "~/components/ui/button";
import { FieldError } from "~/components/ui/field-error";
import { focusFirstInvalid, FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { toast } from "~/components/ui/toast";
import { apiErrorOf, fieldMessagesOf } from "~/lib/trpc-error";
import type { TCustomer } from "~/server/customers/schemas";
import { useTRPC } from "~/trpc/react";
import { shipsWhereBilled, toCreateCustomerInput, toUpdateCustomerInput, type CustomerFormValues } from "./customer-form-input";

type Segment = { code: string; name: string };

const DEMAND_CLASSES = [
  { value: "A", label: "A — served first" },
  { value: "B", label: "B — standard" },
  { value: "C", label: "C — served last" },
] as const;

function initialValues(customer: TCustomer | undefined, segments: Segment[]): CustomerFormValues {
  const billingAddress = addressDraftOf(customer?.billingAddress);
  return {
    code: customer?.code ?? "",
    name: customer?.name ?? "",
    segment: customer?.segment ?? segments[0]?.code ?? "",
    demandClass: customer?.demandClass ?? "B",
    currency: customer?.currency ?? "USD",
    creditLimit: "",
    paymentTermsDays: "30",
    email: customer?.email ?? "",
    billingEmail: customer?.billingEmail ?? "",
    phone: customer?.phone ?? "",
    billingAddress,
    shipsToBilling: customer ? shipsWhereBilled(billingAddress, customer.shippingAddress) : true,
    shippingAddress: addressDraftOf(customer?.shippingAddress ?? customer?.billingAddress),
  };
}

/**
 * A new customer's account, or an edit of one (`customer` given, carrying its version): name, segment, demand class,
 * e-mail addresses, phone and addresses; a new one also its code and currency, and its credit limit and payment
 * terms for the roles that set them. Saved, it opens the customer's page (or, from order entry, a new order for it).
 */
export function CustomerForm({
  customer,
  segments,
  may,
  then = "customer",
}: {
  customer?: TCustomer;
  segments: Segment[];
  may: { setCredit: boolean; setTerms: boolean };
  /** Where saving leads: the customer's page, or a new order for it (opened from order entry). */
  then?: "customer" | "order";
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState<CustomerFormValues>(() => initialValues(customer, segments));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const onError = (error: unknown) => {
    const e = apiErrorOf(error);
    setErrors(fieldMessagesOf(e));
    setFailure(e.message);
    toast.error(customer ? `Could not save ${customer.code}` : "Could not create the customer", { description: e.message });
  };
  const onSaved = (saved: TCustomer) => {
    toast.success(customer ? `${saved.name} saved` : `Customer ${saved.code} created`, {
      description: customer ? "New orders, invoices and e-mails use these details; existing orders keep their addresses." : undefined,
    });
    router.push(then === "order" ? `/orders/new?customer=${encodeURIComponent(saved.code)}` : `/customers/${encodeURIComponent(saved.code)}`);
    router.refresh();
  };
  const create = useMutation(trpc.customers.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.customers.update.mutationOptions({ onSuccess: onSaved, onError }));
  const isPending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;

  const set = <K extends keyof CustomerFormValues>(field: K, value: CustomerFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _cleared, ...rest } = current;
      return rest;
    });
  };
  const setAddress = (which: "billingAddress" | "shippingAddress") => (field: keyof AddressDraft, value: string) => {
    setValues((v) => ({ ...v, [which]: { ...v[which], [field]: value } }));
    setErrors(({ [`${which}.${field}`]: _cleared, ...rest }) => rest);
  };

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const form = event.currentTarget;
    const result = customer ? toUpdateCustomerInput(values, customer) : toCreateCustomerInput(values, may);
    if (!result.ok) {
      setErrors(result.errors);
      setFailure("Check the highlighted fields.");
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setFailure(null);
    if (customer) update.mutate(result.input as Parameters<typeof update.mutate>[0]);
    else create.mutate(result.input as Parameters<typeof create.mutate>[0]);
  }

  const field = (name: keyof CustomerFormValues & string, label: string, props: React.ComponentProps<typeof Input> = {}, hint?: string) => (
    <FormField id={`${id}-${name}`} name={name} label={label} hint={hint} error={errors[name]} value={values[name] as string} onChange={(e) => set(name, e.target.value as never)} {...props} />
  );
  // A customer on an archived segment keeps it (it is not offered to anyone else).
  const segmentOptions = customer && !segments.some((s) => s.code === customer.segment) ? [...segments, { code: customer.segment, name: `${customer.segment} (archived)` }] : segments;

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-4xl gap-6" aria-label={customer ? `Edit ${customer.name}` : "New customer"}>
      <section className="grid gap-4 rounded-lg border bg-background p-4" aria-labelledby={`${id}-account`}>
        <h2 id={`${id}-account`} className="text-sm font-semibold">
          Account
        </h2>
        <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
          {customer ? (
            <div className="grid content-start gap-1.5">
              <Label htmlFor={`${id}-code`}>Code</Label>
              <Input id={`${id}-code`} value={customer.code} readOnly className="font-mono" />
            </div>
          ) : (
            field("code", "Code", { required: true, maxLength: 40, autoComplete: "off", className: "font-mono", autoFocus: true }, "Letters, digits, '.', '_', '-'; cannot change later.")
          )}
          {field("name", "Name", { required: true, maxLength: 200, autoComplete: "organization", autoFocus: !!customer })}
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="grid content-start gap-1.5">
            <Label htmlFor={`${id}-segment`}>Segment</Label>
            <NativeSelect
              id={`${id}-segment`}
              value={values.segment}
              onChange={(e) => set("segment", e.target.value)}
              aria-invalid={!!errors.segment || undefined}
              aria-describedby={errors.segment ? `${id}-segment-error` : undefined}
            >
              {segmentOptions.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </NativeSelect>
            <FieldError id={`${id}-segment-error`}>{errors.segment}</FieldError>
          </div>
          <div className="grid content-start gap-1.5">
            <Label htmlFor={`${id}-demandClass`}>Demand class</Label>
            <NativeSelect id={`${id}-demandClass`} value={values.demandClass} onChange={(e) => set("demandClass", e.target.value as CustomerFormValues["demandClass"])} aria-describedby={`${id}-demandClass-hint`}>
              {DEMAND_CLASSES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </NativeSelect>
            <p id={`${id}-demandClass-hint`} className="text-xs text-muted-foreground">
              Who gets scarce stock first.
            </p>
          </div>
          {customer ? (
            <div className="grid content-start gap-1.5">
              <Label htmlFor={`${id}-currency`}>Currency</Label>
              <Input id={`${id}-currency`} value={customer.currency} readOnly className="w-24" />
            </div>
          ) : (
            field("currency", "Currency", { required: true, maxLength: 3, className: "w-24 uppercase", autoComplete: "off" }, "Orders and invoices are in it; cannot change later.")
          )}
        </div>
        {!customer && (may.setCredit || may.setTerms) && (
          <div className="grid gap-4 sm:grid-cols-3">
            {may.setCredit && field("creditLimit", `Credit limit (${values.currency.trim().toUpperCase() || "USD"})`, { inputMode: "decimal", placeholder: "0", className: "text-right" }, "Orders beyond it go on credit hold.")}
            {may.setTerms && field("paymentTermsDays", "Payment terms (days)", { inputMode: "numeric", className: "w-28 text-right" }, "0 is prepaid.")}
          </div>
        )}
        {!customer && !may.setCredit && (
          <p className="text-sm text-muted-foreground">The credit limit starts at 0: orders go on credit hold until finance sets one.</p>
        )}
      </section>

      <section className="grid gap-4 rounded-lg border bg-background p-4" aria-labelledby={`${id}-contact`}>
        <h2 id={`${id}-contact`} className="text-sm font-semibold">
          Contact
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          {field("email", "E-mail", { type: "email", maxLength: 200, autoComplete: "email" }, "Order confirmations and shipment notices.")}
          {field("billingEmail", "Billing e-mail", { type: "email", maxLength: 200, autoComplete: "off" }, "Invoices and payment reminders; empty: the e-mail.")}
          {field("phone", "Phone", { type: "tel", maxLength: 40, autoComplete: "tel" })}
        </div>
      </section>

      <section className="grid gap-4 rounded-lg border bg-background p-4" aria-label="Addresses">
        <AddressFields legend="Billing address" name="billingAddress" idPrefix={`${id}-billing`} section="billing" value={values.billingAddress} onChange={setAddress("billingAddress")} errors={errors} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.shipsToBilling} onChange={(e) => set("shipsToBilling", e.target.checked)} className="size-4 rounded border-input accent-primary" />
          Ships to the billing address
        </label>
        {!values.shipsToBilling && (
          <AddressFields legend="Shipping address" name="shippingAddress" idPrefix={`${id}-shipping`} value={values.shippingAddress} onChange={setAddress("shippingAddress")} errors={errors} hint="Where new orders ship unless the order says otherwise." />
        )}
      </section>

      {failure && (
        <p className="text-sm text-destructive" role="status">
          {failure}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : customer ? "Save customer" : "Create customer"}
        </Button>
        <Link href={customer ? `/customers/${encodeURIComponent(customer.code)}` : "/customers"} className={buttonVariants({ variant: "outline" })}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
