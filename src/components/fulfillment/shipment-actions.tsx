"use client";

import { useMutation } from "@tanstack/react-query";
import { Check, CircleCheck, CircleX, ClipboardList, FileText, PackageCheck, Truck, XCircle } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";
import { todayIn } from "~/lib/dates";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import type { TShipment } from "~/server/fulfillment/schemas";
import { useTRPC } from "~/trpc/react";
import { PackDialog } from "./pack-dialog";
import { ShipDialog } from "./ship-dialog";
import { useFulfillmentChanged } from "./use-fulfillment-changed";
import { formatDate } from "~/lib/format-date";

type DialogKind = "pick" | "pack" | "ship" | "deliver" | "fail" | "cancel";

const SHIPPED = ["shipped", "delivery_failed"];

/** What a shipment's status and the user's role allow, as buttons; each opens its dialog. */
export function ShipmentActions({ shipment, role }: { shipment: TShipment; role: Role }) {
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const s = shipment.status;
  const canPick = can(role, "fulfillment.pick");
  const canShip = can(role, "fulfillment.ship");
  const canDeliver = can(role, "fulfillment.deliver");
  const close = (open: boolean) => !open && setDialog(null);

  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      {canPick && s === "picking" && shipment.pickList && (
        <Button asChild>
          <Link href={`/fulfillment/pick-lists/${encodeURIComponent(shipment.pickList)}`}>
            <ClipboardList aria-hidden />
            Confirm on {shipment.pickList}
          </Link>
        </Button>
      )}
      {canPick && (s === "planned" || (s === "picking" && !shipment.pickList)) && (
        <Button onClick={() => setDialog("pick")}>
          <Check aria-hidden />
          Confirm pick
        </Button>
      )}
      {canPick && s === "picked" && (
        <Button onClick={() => setDialog("pack")}>
          <PackageCheck aria-hidden />
          Pack
        </Button>
      )}
      {canShip && (s === "picked" || s === "packed") && (
        <Button variant={s === "packed" ? "default" : "outline"} onClick={() => setDialog("ship")}>
          <Truck aria-hidden />
          Ship
        </Button>
      )}
      {shipment.packages.length > 0 && (
        <Button asChild variant="outline">
          <a href={`/fulfillment/shipments/${encodeURIComponent(shipment.number)}/packing-slip`} target="_blank" rel="noopener">
            <FileText aria-hidden />
            Packing slip
            <span className="sr-only">(PDF, opens in a new tab)</span>
          </a>
        </Button>
      )}
      {canDeliver && SHIPPED.includes(s) && (
        <Button onClick={() => setDialog("deliver")}>
          <CircleCheck aria-hidden />
          Mark delivered
        </Button>
      )}
      {canDeliver && s === "shipped" && (
        <Button variant="outline" onClick={() => setDialog("fail")}>
          <CircleX aria-hidden />
          Delivery failed
        </Button>
      )}
      {canShip && s !== "canceled" && s !== "delivered" && (
        <Button variant="outline" className="text-destructive hover:bg-destructive/10 hover:text-destructive" onClick={() => setDialog("cancel")}>
          <XCircle aria-hidden />
          Cancel shipment
        </Button>
      )}

      {dialog === "pick" && <PickDialog shipment={shipment} open onOpenChange={close} />}
      {dialog === "pack" && <PackDialog shipment={shipment} open onOpenChange={close} />}
      {dialog === "ship" && <ShipDialog shipment={shipment} open onOpenChange={close} />}
      {dialog === "deliver" && <DeliverDialog shipment={shipment} open onOpenChange={close} />}
      {dialog === "fail" && <DeliveryFailedDialog shipment={shipment} open onOpenChange={close} />}
      {dialog === "cancel" && <CancelShipmentDialog shipment={shipment} open onOpenChange={close} />}
    </div>
  );
}

type DialogProps = { shipment: TShipment; open: boolean; onOpenChange: (open: boolean) => void };

/** Picking a shipment that is not on a pick list: what was found per SKU (fewer is a short pick). */
function PickDialog({ shipment, open, onOpenChange }: DialogProps) {
  const trpc = useTRPC();
  const changed = useFulfillmentChanged();
  const skus = [...new Map(shipment.lines.map((l) => [l.sku, { sku: l.sku, productName: l.productName, bin: l.bin, quantity: 0 }])).values()];
  for (const l of shipment.lines) skus.find((s) => s.sku === l.sku)!.quantity += l.quantity;
  const [typed, setTyped] = useState<Record<string, string>>(() => Object.fromEntries(skus.map((s) => [s.sku, String(s.quantity)])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pick = useMutation(
    trpc.fulfillment.pick.mutationOptions({
      onSuccess: (picked, input) => {
        const short = (input.lines ?? []).flatMap((l) => {
          const planned = skus.find((s) => s.sku === l.sku)?.quantity ?? 0;
          return l.picked < planned ? [`${planned - l.picked} × ${l.sku}`] : [];
        });
        if (short.length > 0) {
          toast.warning(`${picked.number} ${picked.status === "canceled" ? "canceled: nothing was found" : `picked short: ${short.join(", ")}`}`, {
            description: `The shortfall went back to ${picked.order}: it is reserved again from another warehouse if one has it, otherwise backordered.`,
          });
        } else toast.success(`${picked.number} picked`, { description: `${picked.units} units, ready to pack.` });
        onOpenChange(false);
        changed();
      },
      onError: (error, input) => {
        const e = apiErrorOf(error);
        const next: Record<string, string> = {};
        for (const [field, messages] of Object.entries(e.details?.fields ?? {})) {
          const m = /^lines\.(\d+)\./.exec(field);
          const sku = m ? input.lines?.[Number(m[1])]?.sku : undefined;
          if (sku) next[sku] = messages.join(", ");
        }
        setErrors(next);
        toast.error(`Could not confirm ${shipment.number}`, { description: e.message });
      },
    }),
  );
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Record<string, string> = {};
    const lines = skus.map((s) => {
      const text = (typed[s.sku] ?? "").trim();
      const picked = text === "" ? NaN : Number(text);
      if (!Number.isInteger(picked) || picked < 0) next[s.sku] = "Enter a whole number, 0 or more";
      else if (picked > s.quantity) next[s.sku] = `At most ${s.quantity}`;
      return { sku: s.sku, picked };
    });
    setErrors(next);
    if (Object.keys(next).length === 0) pick.mutate({ id: shipment.number, lines, version: shipment.version });
  }
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Confirm pick of {shipment.number}</DialogTitle>
            <DialogDescription>What was found per SKU. Fewer than planned is a short pick: the shortfall goes back to {shipment.order}.</DialogDescription>
          </DialogHeader>
          <ul className="grid gap-2">
            {skus.map((s) => (
              <li key={s.sku} className="grid gap-1">
                <div className="flex items-center justify-between gap-3">
                  <Label htmlFor={`pick-dialog-${s.sku}`} className="min-w-0 font-normal">
                    <span className="font-mono text-xs">{s.bin ?? "no bin"}</span>
                    <span className="truncate font-mono font-medium">{s.sku}</span>
                  </Label>
                  <span className="flex items-center gap-2 text-sm text-muted-foreground">
                    <Input
                      id={`pick-dialog-${s.sku}`}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={s.quantity}
                      value={typed[s.sku] ?? ""}
                      onChange={(e) => setTyped((t) => ({ ...t, [s.sku]: e.target.value }))}
                      className="h-8 w-20 text-right"
                      aria-invalid={!!errors[s.sku]}
                      aria-describedby={errors[s.sku] ? `pick-dialog-${s.sku}-error` : undefined}
                    />
                    of {s.quantity}
                  </span>
                </div>
                <FieldError id={`pick-dialog-${s.sku}-error`} className="text-right text-xs">
                  {errors[s.sku]}
                </FieldError>
              </li>
            ))}
          </ul>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Not now</Button>
            </DialogClose>
            <Button type="submit" disabled={pick.isPending}>
              {pick.isPending ? "Confirming…" : "Confirm picked"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** A calendar day (YYYY-MM-DD) as "Dec 3, 2026", without a time zone shifting it. */
function formatDay(day: string): string {
  return formatDate(day);
}

function DeliverDialog({ shipment, open, onOpenChange }: DialogProps) {
  const trpc = useTRPC();
  const changed = useFulfillmentChanged();
  const [date, setDate] = useState(() => todayIn());
  const [error, setError] = useState<string | null>(null);
  const deliver = useMutation(
    trpc.fulfillment.deliver.mutationOptions({
      onSuccess: (delivered) => {
        toast.success(`${delivered.number} delivered`, { description: `On ${formatDay(delivered.deliveredOn ?? date)}; the customer is told.` });
        onOpenChange(false);
        changed();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        setError(apiError.details?.fields?.deliveredOn?.join(", ") ?? apiError.message);
        toast.error(`Could not mark ${shipment.number} delivered`, { description: apiError.message });
      },
    }),
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!date) return setError("Choose the day it arrived");
            deliver.mutate({ id: shipment.number, outcome: "delivered", deliveredOn: date });
          }}
        >
          <DialogHeader>
            <DialogTitle>Mark {shipment.number} delivered</DialogTitle>
            <DialogDescription>
              {shipment.carrier?.name ?? "The carrier"} delivered it to {shipment.customerName}. The order is delivered once every shipment that left has arrived.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="deliver-date">Delivered on</Label>
            <Input
              id="deliver-date"
              type="date"
              value={date}
              max={todayIn()}
              onChange={(e) => {
                setDate(e.target.value);
                setError(null);
              }}
              className="w-48"
              aria-invalid={!!error}
              aria-describedby={error ? "deliver-date-error" : undefined}
            />
            <FieldError id="deliver-date-error">{error}</FieldError>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Not now</Button>
            </DialogClose>
            <Button type="submit" disabled={deliver.isPending}>
              {deliver.isPending ? "Saving…" : "Mark delivered"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** A reason is required; a delivery_failure exception opens for the order. */
function DeliveryFailedDialog({ shipment, open, onOpenChange }: DialogProps) {
  const trpc = useTRPC();
  const changed = useFulfillmentChanged();
  const [serverError, setServerError] = useState<string | null>(null);
  const fail = useMutation(
    trpc.fulfillment.deliver.mutationOptions({
      onSuccess: (s) => {
        toast.warning(`${s.number}: delivery failed`, { description: `Reason: ${s.failureReason ?? ""}. An exception is open for ${s.order}.` });
        onOpenChange(false);
        changed();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        setServerError(apiError.details?.fields?.reason?.join(", ") ?? apiError.message);
        toast.error(`Could not record the failed delivery of ${shipment.number}`, { description: apiError.message });
      },
    }),
  );
  return (
    <ReasonDialog
      open={open}
      onOpenChange={onOpenChange}
      id="fail-reason"
      title={`Delivery of ${shipment.number} failed?`}
      description={`A delivery-failure exception opens for ${shipment.order}. If it is delivered later, mark it delivered; if it comes back, cancel the shipment to restock it.`}
      placeholder="e.g. Address not found; carrier returning to depot"
      required="Say why the delivery failed"
      confirmLabel="Record failed delivery"
      pendingLabel="Saving…"
      keepLabel="Not now"
      destructive={false}
      isPending={fail.isPending}
      serverError={serverError}
      onSubmit={(reason) => {
        setServerError(null);
        fail.mutate({ id: shipment.number, outcome: "failed", reason });
      }}
    />
  );
}

/** Cancel with a reason and a confirmation: before it left the units stay reserved; after, they are restocked. */
function CancelShipmentDialog({ shipment, open, onOpenChange }: DialogProps) {
  const trpc = useTRPC();
  const changed = useFulfillmentChanged();
  const [serverError, setServerError] = useState<string | null>(null);
  const left = SHIPPED.includes(shipment.status);
  const cancel = useMutation(
    trpc.fulfillment.cancel.mutationOptions({
      onSuccess: (s) => {
        toast.success(`${s.number} canceled`, {
          description: left ? `${shipment.units} units restocked in ${shipment.warehouse} and reserved for ${s.order} again.` : `Its units stay reserved for ${s.order}.`,
        });
        onOpenChange(false);
        changed();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        setServerError(apiError.details?.fields?.reason?.join(", ") ?? apiError.message);
        toast.error(`Could not cancel ${shipment.number}`, { description: apiError.message });
      },
    }),
  );
  return (
    <ReasonDialog
      open={open}
      onOpenChange={onOpenChange}
      id="cancel-shipment-reason"
      title={left ? `Cancel ${shipment.number}: it came back?` : `Cancel ${shipment.number}?`}
      description={
        left
          ? `Its ${shipment.units} units are restocked in ${shipment.warehouse} and reserved for ${shipment.order} again; the order counts them as not shipped. This cannot be undone.`
          : `Its ${shipment.units} units go back to reserved for ${shipment.order}, ready to be planned again. ${shipment.pickList ? `It comes off pick list ${shipment.pickList}. ` : ""}This cannot be undone.`
      }
      placeholder={left ? "e.g. Refused at delivery, came back unopened" : "e.g. Customer asked to wait for the rest"}
      required="Say why the shipment is canceled"
      confirmLabel="Cancel shipment"
      pendingLabel="Canceling…"
      keepLabel="Keep it"
      destructive
      isPending={cancel.isPending}
      serverError={serverError}
      onSubmit={(reason) => {
        setServerError(null);
        cancel.mutate({ id: shipment.number, reason });
      }}
    />
  );
}

function ReasonDialog({
  open,
  onOpenChange,
  id,
  title,
  description,
  placeholder,
  required,
  confirmLabel,
  pendingLabel,
  keepLabel,
  destructive,
  isPending,
  serverError,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  id: string;
  title: string;
  description: string;
  placeholder: string;
  required: string;
  confirmLabel: string;
  pendingLabel: string;
  keepLabel: string;
  destructive: boolean;
  isPending: boolean;
  serverError: string | null;
  onSubmit: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? serverError;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setLocalError(required);
            setLocalError(null);
            onSubmit(reason.trim());
          }}
        >
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor={id}>Reason</Label>
            <Textarea
              id={id}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setLocalError(null);
              }}
              maxLength={500}
              rows={3}
              required
              placeholder={placeholder}
              aria-invalid={!!error}
              aria-describedby={error ? `${id}-error` : undefined}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              }}
            />
            <FieldError id={`${id}-error`}>{error}</FieldError>
            <p className="text-xs text-muted-foreground">Shown on the shipment and in the order&apos;s timeline. Ctrl+Enter confirms.</p>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{keepLabel}</Button>
            </DialogClose>
            <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={isPending}>
              {isPending ? pendingLabel : confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
