"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DateOnly } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { toast } from "~/components/ui/toast";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { ALL_REGIONS, regionLabel, US_REGIONS } from "~/lib/tax-exemptions";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TTaxExemption } from "~/server/customers";
import { useTRPC } from "~/trpc/react";

/** A certificate's standing today, as the server worked it out (company time zone). */
export function ExemptionBadge({ exemption }: { exemption: Pick<TTaxExemption, "status" | "days"> }) {
  const days = exemption.days ?? 0;
  if (exemption.status === "expired") return <Badge variant="danger">Expired</Badge>;
  if (exemption.status === "expiring") return <Badge variant="warning">{days === 0 ? "Expires today" : `Expires in ${days} day${days === 1 ? "" : "s"}`}</Badge>;
  if (exemption.status === "not_yet_valid") return <Badge variant="info">Valid in {days} day{days === 1 ? "" : "s"}</Badge>;
  return <Badge variant="success">Valid</Badge>;
}

/**
 * The customer's sales tax exemption certificates: number, region, dates and standing. Orders shipped to a
 * region are tax-free only while a certificate for it is valid. Finance (and admins) add and remove them.
 */
export function CustomerTaxExemptions({ customer, canEdit }: { customer: { code: string; name: string; taxExemptions: TTaxExemption[] }; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [removing, setRemoving] = useState<TTaxExemption | null>(null);
  const remove = useMutation(
    trpc.customers.removeTaxExemption.mutationOptions({
      onSuccess: (_, input) => {
        const cert = customer.taxExemptions.find((e) => e.id === input.id);
        toast.success(`Certificate ${cert?.certificateNumber ?? ""} removed`, { description: "Orders priced from now on are taxed for its region." });
        setRemoving(null);
        router.refresh();
      },
      onError: (error) => toast.error("Could not remove the certificate", { description: apiErrorOf(error).message }),
    }),
  );
  const list = customer.taxExemptions;

  return (
    <section aria-labelledby="tax-exemptions" className="mt-6">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id="tax-exemptions" className="text-sm font-semibold">
          Tax exemption certificates
        </h2>
        {canEdit && <AddTaxExemption customer={customer} />}
      </div>
      <div className="rounded-lg border bg-background">
        {list.length === 0 ? (
          <p className="px-4 py-3 text-sm text-muted-foreground">None on file: orders are taxed for their ship-to.</p>
        ) : (
          <Table aria-label="Tax exemption certificates">
            <TableHeader>
              <TableRow>
                <TableHead>Certificate</TableHead>
                <TableHead>Region</TableHead>
                <TableHead>Issued</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead>Status</TableHead>
                {canEdit && <TableHead className="w-px text-right">Actions</TableHead>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((e) => (
                <TableRow key={e.id}>
                  <TableCell className="font-mono text-xs" title={`Added by ${e.addedBy}`}>
                    {e.certificateNumber}
                  </TableCell>
                  <TableCell>{e.region === ALL_REGIONS ? `All of ${e.country}` : `${e.region}, ${e.country}`}</TableCell>
                  <TableCell>
                    <DateOnly value={e.issuedOn} />
                  </TableCell>
                  <TableCell>{e.expiresOn ? <DateOnly value={e.expiresOn} /> : <span className="text-muted-foreground">No expiry</span>}</TableCell>
                  <TableCell>
                    <ExemptionBadge exemption={e} />
                  </TableCell>
                  {canEdit && (
                    <TableCell className="text-right">
                      <Button variant="ghost" size="sm" aria-label={`Remove certificate ${e.certificateNumber} (${regionLabel(e)})`} onClick={() => setRemoving(e)}>
                        <Trash2 aria-hidden="true" /> Remove
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      <ConfirmDialog
        target={removing}
        onClose={() => setRemoving(null)}
        title={(e) => `Remove certificate ${e.certificateNumber}?`}
        description={(e) => `Orders for ${customer.name} shipped to ${regionLabel(e)} and priced from now on are taxed unless another certificate covers them. Orders already priced keep their tax.`}
        confirmLabel="Remove certificate"
        pendingLabel="Removing…"
        isPending={remove.isPending}
        onConfirm={(e) => remove.mutate({ code: customer.code, id: e.id })}
      />
    </section>
  );
}

const FIELDS = ["certificateNumber", "region", "issuedOn", "expiresOn"] as const;

function AddTaxExemption({ customer }: { customer: { code: string; name: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { setFields, error, described, clearOnChange } = useFieldErrors("tax-exemption", [["issuedOn", "expiresOn"]]);
  const add = useMutation(
    trpc.customers.addTaxExemption.mutationOptions({
      onSuccess: (_, input) => {
        toast.success(`Certificate ${input.certificateNumber.toUpperCase()} added`, { description: `Orders for ${customer.name} shipped to its region are tax-free while it is valid.` });
        setOpen(false);
        router.refresh();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        const fields = apiError.details?.fields ?? {};
        if (FIELDS.some((f) => fields[f])) setFields(fields);
        else toast.error("Could not add the certificate", { description: apiError.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const missing: Record<string, string[]> = {};
    if (!value("certificateNumber")) missing.certificateNumber = ["Certificate number is required"];
    if (!value("region")) missing.region = ["Choose the state it covers, or all states"];
    if (!value("issuedOn")) missing.issuedOn = ["Issue date is required"];
    if (Object.keys(missing).length > 0) return setFields(missing);
    setFields({});
    add.mutate({ code: customer.code, certificateNumber: value("certificateNumber"), region: value("region"), issuedOn: value("issuedOn"), expiresOn: value("expiresOn") || null });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setFields({});
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Plus aria-hidden="true" /> Add certificate
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} onChange={clearOnChange} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Add a tax exemption certificate</DialogTitle>
            <DialogDescription>Orders for {customer.name} shipped to the region it covers are not taxed from its issue date to its expiry.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="tax-exemption-number">Certificate number</Label>
            <Input id="tax-exemption-number" name="certificateNumber" autoComplete="off" aria-invalid={!!described("certificateNumber")} aria-describedby={described("certificateNumber")} />
            {error("certificateNumber")}
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="tax-exemption-region">Region</Label>
            <NativeSelect id="tax-exemption-region" name="region" defaultValue="" aria-invalid={!!described("region")} aria-describedby={described("region")}>
              <option value="" disabled>
                Choose a state…
              </option>
              <option value={ALL_REGIONS}>All states (US)</option>
              {US_REGIONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </NativeSelect>
            {error("region")}
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="grid gap-1.5">
              <Label htmlFor="tax-exemption-issued">Issued on</Label>
              <Input id="tax-exemption-issued" name="issuedOn" type="date" aria-invalid={!!described("issuedOn")} aria-describedby={described("issuedOn")} />
              {error("issuedOn")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="tax-exemption-expires">Expires on</Label>
              <Input id="tax-exemption-expires" name="expiresOn" type="date" aria-invalid={!!described("expiresOn")} aria-describedby={described("expiresOn", "tax-exemption-expires-hint")} />
              <p id="tax-exemption-expires-hint" className="text-xs text-muted-foreground">
                Leave empty if it does not expire.
              </p>
              {error("expiresOn")}
            </div>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={add.isPending}>
              {add.isPending ? "Adding…" : "Add certificate"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
