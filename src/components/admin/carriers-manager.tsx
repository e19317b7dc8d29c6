"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil, Truck } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { TCarrier } from "~/server/fulfillment/schemas";
import { useTRPC } from "~/trpc/react";

const EXAMPLE_TRACKING = "1Z999AA10123456784";

/** Carriers with their tracking links: admins edit them and take them in or out of use; managers read. */
export function CarriersManager({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const carriers = useQuery(trpc.fulfillment.carriers.queryOptions({}));
  const [editing, setEditing] = useState<TCarrier | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.fulfillment.carriers.queryKey() });
  const toggle = useMutation(
    trpc.fulfillment.updateCarrier.mutationOptions({
      onSuccess: (c) => {
        toast.success(`${c.name} ${c.isActive ? "in use again" : "taken out of use"}`, {
          description: c.isActive ? "It can be chosen when shipping." : "It can no longer be chosen when shipping; shipments that used it keep their tracking links.",
        });
        void invalidate();
      },
      onError: (error, input) => toast.error(`Could not change ${input.code}`, { description: apiErrorOf(error).message }),
    }),
  );

  if (carriers.isPending) {
    return (
      <div aria-busy="true" className="grid gap-2">
        <span className="sr-only">Loading carriers…</span>
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-10" />
        ))}
      </div>
    );
  }
  if (carriers.isError) {
    return (
      <p role="alert" className="text-sm text-destructive">
        Could not load the carriers: {apiErrorOf(carriers.error).message}
      </p>
    );
  }
  if (carriers.data.items.length === 0) return <EmptyState icon={Truck} title="No carriers" description="Carriers come with the database migrations; none are set up here." />;

  return (
    <>
      <div className="min-w-0 rounded-lg border bg-background">
        <Table aria-label="Carriers">
          <TableHeader>
            <TableRow>
              <TableHead>Code</TableHead>
              <TableHead>Name</TableHead>
              <TableHead>Tracking link</TableHead>
              <TableHead>In use</TableHead>
              {canManage && (
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {carriers.data.items.map((c) => (
              <TableRow key={c.code}>
                <TableCell className="font-mono text-xs">{c.code}</TableCell>
                <TableCell className="font-medium">{c.name}</TableCell>
                <TableCell className="max-w-0 w-full">
                  <span className="block truncate font-mono text-xs" title={c.trackingUrlTemplate}>
                    {c.trackingUrlTemplate}
                  </span>
                </TableCell>
                <TableCell>
                  {canManage ? (
                    <ActiveSwitch carrier={c} pending={toggle.isPending && toggle.variables?.code === c.code} onChange={(isActive) => toggle.mutate({ code: c.code, isActive })} />
                  ) : c.isActive ? (
                    <Badge variant="success">In use</Badge>
                  ) : (
                    <Badge variant="neutral">Not in use</Badge>
                  )}
                </TableCell>
                {canManage && (
                  <TableCell className="text-right">
                    <Button variant="ghost" size="sm" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`}>
                      <Pencil aria-hidden />
                      Edit
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {editing && <EditCarrierDialog key={editing.code} carrier={editing} onClose={() => setEditing(null)} onSaved={() => void invalidate()} />}
    </>
  );
}

function ActiveSwitch({ carrier, pending, onChange }: { carrier: TCarrier; pending: boolean; onChange: (active: boolean) => void }) {
  const on = pending ? !carrier.isActive : carrier.isActive;
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={`${carrier.name} in use`}
        disabled={pending}
        onClick={() => onChange(!carrier.isActive)}
        className={cn(
          "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border-2 border-transparent transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70 disabled:opacity-60",
          on ? "bg-primary" : "bg-input",
        )}
      >
        <span className={cn("inline-block size-4 rounded-full bg-background shadow-sm transition-transform", on ? "translate-x-4" : "translate-x-0")} />
      </button>
      <span className="text-xs text-muted-foreground" aria-hidden>
        {on ? "Yes" : "No"}
      </span>
    </span>
  );
}

function EditCarrierDialog({ carrier, onClose, onSaved }: { carrier: TCarrier; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const { setFields, error, described, clearOnChange, fields } = useFieldErrors("carrier");
  const [template, setTemplate] = useState(carrier.trackingUrlTemplate);
  const update = useMutation(
    trpc.fulfillment.updateCarrier.mutationOptions({
      onSuccess: (c) => {
        toast.success(`${c.name} saved`, { description: `Tracking links now look like ${c.trackingUrlTemplate.replaceAll("{tracking}", EXAMPLE_TRACKING)}` });
        onSaved();
        onClose();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        setFields(apiError.details?.fields ?? {});
        toast.error(`Could not save ${carrier.name}`, { description: apiError.message });
      },
    }),
  );
  const preview = template.includes("{tracking}") ? template.replaceAll("{tracking}", EXAMPLE_TRACKING) : null;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form
          noValidate
          onChange={clearOnChange}
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            update.mutate({ code: carrier.code, name: String(data.get("name") ?? ""), trackingUrlTemplate: String(data.get("trackingUrlTemplate") ?? "") });
          }}
        >
          <DialogHeader>
            <DialogTitle>Edit {carrier.name}</DialogTitle>
            <DialogDescription>
              The tracking link is an https:// address with <code className="font-mono">{"{tracking}"}</code> where the tracking number goes. Shipments already sent show the new link too.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="carrier-name">Name</Label>
            <Input id="carrier-name" name="name" defaultValue={carrier.name} maxLength={60} aria-invalid={!!fields.name} aria-describedby={described("name")} />
            {error("name")}
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="carrier-template">Tracking link</Label>
            <Input
              id="carrier-template"
              name="trackingUrlTemplate"
              value={template}
              onChange={(e) => setTemplate(e.target.value)}
              maxLength={500}
              className="font-mono text-xs"
              aria-invalid={!!fields.trackingUrlTemplate}
              aria-describedby={described("trackingUrlTemplate", "carrier-template-preview")}
            />
            {error("trackingUrlTemplate")}
            {/* The hint, unless the server's field error already says the same. */}
            {(preview || !fields.trackingUrlTemplate) && (
              <p id="carrier-template-preview" className="truncate text-xs text-muted-foreground" title={preview ? `Example: ${preview}` : undefined}>
                {preview ? `Example: ${preview}` : "Put {tracking} where the tracking number goes."}
              </p>
            )}
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? "Saving…" : "Save carrier"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
