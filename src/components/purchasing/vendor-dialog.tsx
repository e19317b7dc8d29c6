"use client";

import { useMutation } from "@tanstack/react-query";
import { Pencil, Plus } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TVendor } from "~/server/purchasing/schemas";
import { useTRPC } from "~/trpc/react";
import { usePurchasingChanged } from "./use-purchasing-changed";

/** Create a vendor, or edit one (`vendor` given): code, name, contact, e-mail, phone, lead time. */
export function VendorDialog({ vendor, compact = false }: { vendor?: Pick<TVendor, "code" | "name" | "contactName" | "email" | "phone" | "leadTimeDays">; compact?: boolean }) {
  const trpc = useTRPC();
  const changed = usePurchasingChanged();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const onError = (error: unknown) => {
    const e = apiErrorOf(error);
    setErrors(e.details?.fields ?? {});
    toast.error(vendor ? `Could not save ${vendor.code}` : "Could not create the vendor", { description: e.message });
  };
  const onSuccess = (saved: TVendor) => {
    toast.success(vendor ? `${saved.code} saved` : `Vendor ${saved.code} created`, { description: `${saved.name}, lead time ${saved.leadTimeDays} days` });
    setErrors({});
    setOpen(false);
    changed();
  };
  const create = useMutation(trpc.purchasing.vendors.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.purchasing.vendors.update.mutationOptions({ onSuccess, onError }));
  const isPending = create.isPending || update.isPending;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    const lead = text("leadTimeDays");
    const leadTimeDays = lead === "" ? Number.NaN : Number(lead);
    if (!Number.isInteger(leadTimeDays) || leadTimeDays < 0) {
      setErrors({ leadTimeDays: ["Enter whole days, 0 or more"] });
      return;
    }
    const fields = { name: text("name"), contactName: text("contactName") || null, email: text("email") || null, phone: text("phone") || null, leadTimeDays };
    if (vendor) update.mutate({ code: vendor.code, ...fields });
    else create.mutate({ code: text("code").toUpperCase(), ...fields });
  }

  const field = (name: string, label: string, props: React.ComponentProps<typeof Input> = {}) => {
    const error = errors[name]?.join(", ");
    return (
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-${name}`}>{label}</Label>
        <Input id={`${id}-${name}`} name={name} aria-invalid={!!error} aria-describedby={error ? `${id}-${name}-error` : undefined} {...props} />
        <FieldError id={`${id}-${name}-error`}>{error}</FieldError>
      </div>
    );
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setErrors({});
      }}
    >
      <DialogTrigger asChild>
        {vendor ? (
          <Button variant="outline" size={compact ? "sm" : "default"} aria-label={compact ? `Edit ${vendor.code}` : undefined}>
            <Pencil aria-hidden />
            {compact ? "Edit" : "Edit vendor"}
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden />
            New vendor
          </Button>
        )}
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{vendor ? `Edit ${vendor.name}` : "New vendor"}</DialogTitle>
            <DialogDescription>The lead time sets the default expected date of new purchase orders and the promise date when nothing is inbound.</DialogDescription>
          </DialogHeader>
          <div className="grid grid-cols-[8rem_1fr] gap-3">
            {vendor ? (
              <div className="grid gap-1.5">
                <Label htmlFor={`${id}-code`}>Code</Label>
                <Input id={`${id}-code`} value={vendor.code} readOnly className="font-mono" />
              </div>
            ) : (
              field("code", "Code", { required: true, maxLength: 20, autoComplete: "off", className: "font-mono uppercase" })
            )}
            {field("name", "Name", { required: true, maxLength: 200, defaultValue: vendor?.name })}
          </div>
          <div className="grid grid-cols-2 gap-3">
            {field("contactName", "Contact", { maxLength: 200, defaultValue: vendor?.contactName ?? "" })}
            {field("leadTimeDays", "Lead time (days)", { type: "number", min: 0, max: 365, step: 1, required: true, defaultValue: vendor?.leadTimeDays ?? 14, className: "text-right" })}
          </div>
          <div className="grid grid-cols-2 gap-3">
            {field("email", "E-mail", { type: "email", maxLength: 200, defaultValue: vendor?.email ?? "" })}
            {field("phone", "Phone", { type: "tel", maxLength: 50, defaultValue: vendor?.phone ?? "" })}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isPending}>
              {isPending ? "Saving…" : vendor ? "Save vendor" : "Create vendor"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
