"use client";

import { useMutation } from "@tanstack/react-query";
import { AlertTriangle, Info, Plus, RotateCcw, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "~/components/ui/toast";
import { Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";
import { formatMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { TOrder } from "~/server/orders/schemas";
import { useTRPC, type RouterInputs } from "~/trpc/react";
import { type AddressDraft, addressDraftOf, addressErrors, AddressFields, sameAddress, trimAddress } from "./address-fields";
import { useOrderChanged } from "./use-order-changed";

type DraftLine = {
  key: number;
  sku: string;
  quantity: string;
  /** From the order as loaded (absent for lines added in this edit). */
  original?: { sku: string; quantity: number; productName: string; unitPrice: number; lineTotal: number; overrideReason: string | null; manualPrice: number | null };
};

export type EditConflict = { message: string; currentVersion?: number; reloaded: boolean };

/** What the user typed. It lives in the parent, so closing the dialog (Esc) never throws it away. */
export type EditDraft = {
  /** The order version the edit is based on: sent with the save, a newer one on the server is a conflict. */
  baseVersion: number;
  lines: DraftLine[];
  customerReference: string;
  requestedDate: string;
  notes: string;
  shipTo: AddressDraft;
  conflict: EditConflict | null;
};

let nextKey = 1;

export function draftFromOrder(order: TOrder): EditDraft {
  return {
    baseVersion: order.version,
    lines: order.lines.map((l) => ({
      key: nextKey++,
      sku: l.sku,
      quantity: String(l.quantity),
      original: {
        sku: l.sku,
        quantity: l.quantity,
        productName: l.productName,
        unitPrice: l.unitPrice,
        lineTotal: l.lineTotal,
        overrideReason: l.overrideReason,
        manualPrice: l.manualPrice,
      },
    })),
    customerReference: order.customerReference ?? "",
    requestedDate: order.requestedDate ?? "",
    notes: order.notes ?? "",
    shipTo: addressDraftOf(order.shipTo),
    conflict: null,
  };
}

const normSku = (sku: string) => sku.trim().toUpperCase();
const orNull = (text: string) => (text.trim() ? text.trim() : null);

function linesChanged(draft: EditDraft, order: TOrder): boolean {
  if (draft.lines.length !== order.lines.length) return true;
  return draft.lines.some((l, i) => normSku(l.sku) !== order.lines[i]!.sku || Number(l.quantity) !== order.lines[i]!.quantity);
}

/** The update input, with only what changed (lines are re-priced only when they changed). */
function changesOf(draft: EditDraft, order: TOrder): RouterInputs["orders"]["update"] | null {
  const input: RouterInputs["orders"]["update"] = { number: order.number, version: draft.baseVersion };
  let changed = false;
  if (linesChanged(draft, order)) {
    changed = true;
    input.lines = draft.lines.map((l) => {
      const sku = normSku(l.sku);
      const keepOverride = l.original?.overrideReason && l.original.manualPrice !== null && l.original.sku === sku;
      return {
        sku,
        quantity: Number(l.quantity),
        ...(keepOverride ? { unitPrice: l.original!.manualPrice!, overrideReason: l.original!.overrideReason! } : {}),
      };
    });
  }
  if (orNull(draft.customerReference) !== order.customerReference) {
    changed = true;
    input.customerReference = orNull(draft.customerReference);
  }
  if (orNull(draft.requestedDate) !== order.requestedDate) {
    changed = true;
    input.requestedDate = orNull(draft.requestedDate);
  }
  if (orNull(draft.notes) !== order.notes) {
    changed = true;
    input.notes = orNull(draft.notes);
  }
  const shipTo = trimAddress(draft.shipTo);
  if (!sameAddress(shipTo, addressDraftOf(order.shipTo))) {
    changed = true;
    input.shipTo = shipTo;
  }
  return changed ? input : null;
}

export function isDraftDirty(draft: EditDraft, order: TOrder): boolean {
  return changesOf({ ...draft, baseVersion: order.version }, order) !== null;
}

function validate(draft: EditDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.lines.length === 0) errors.lines = "Keep at least one line (cancel the order instead to drop everything).";
  draft.lines.forEach((l, i) => {
    if (!l.sku.trim()) errors[`lines.${i}.sku`] = "Enter a SKU";
    else if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(l.sku.trim())) errors[`lines.${i}.sku`] = "Not a valid SKU";
    if (!/^\d+$/.test(l.quantity.trim()) || Number(l.quantity) <= 0) errors[`lines.${i}.quantity`] = "Quantity must be a whole number above 0";
  });
  if (draft.customerReference.trim().length > 60) errors.customerReference = "At most 60 characters";
  if (draft.notes.trim().length > 2000) errors.notes = "At most 2000 characters";
  Object.assign(errors, addressErrors(draft.shipTo, "shipTo"));
  return errors;
}

/**
 * Edits an order's lines (SKU, quantity, remove, add), ship-to and header (customer reference, requested date,
 * notes). A new ship-to re-prices (tax) and checks the address rule again: fixing it releases an address hold.
 * The save carries the version the page loaded; a stale one is refused by the server and shown as a
 * conflict with a Reload button — the typed changes stay in the form either way.
 */
export function EditOrderDialog({
  order,
  open,
  onOpenChange,
  draft,
  setDraft,
  restored,
}: {
  order: TOrder;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The dialog reopened over changes typed earlier. */
  restored: boolean;
  draft: EditDraft;
  setDraft: (update: (draft: EditDraft) => EditDraft) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const changed = useOrderChanged();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const [isReloading, startReload] = useTransition();
  const noun = order.kind === "quote" ? "quote" : "order";

  const update = useMutation(
    trpc.orders.update.mutationOptions({
      onSuccess: (updated) => {
        toast.success(`${updated.number} saved`, {
          description: `Version ${updated.version} · total ${formatMoney(updated.total, updated.currency)}${updated.status === "on_hold" ? " · on hold" : ""}`,
        });
        setErrors({});
        setFormError(null);
        onOpenChange(false);
        setDraft(() => draftFromOrder(updated));
        changed();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        if (e.code === "STALE_VERSION") {
          const details = e.details as { currentVersion?: number } | undefined;
          setDraft((d) => ({ ...d, conflict: { message: e.message, currentVersion: details?.currentVersion, reloaded: false } }));
          setFormError(null);
        } else {
          const fields = e.details?.fields ?? {};
          setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.join(", ")])));
          setFormError(e.message);
        }
        toast.error(e.code === "STALE_VERSION" ? "Not saved: the order changed meanwhile" : "Not saved", { description: e.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft.conflict && !draft.conflict.reloaded) {
      setFormError("Reload the order first: your changes are kept.");
      return;
    }
    const found = validate(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError("Fix the marked fields.");
      return;
    }
    const input = changesOf(draft, order);
    if (!input) {
      setFormError(null);
      toast.info("Nothing changed");
      onOpenChange(false);
      return;
    }
    setFormError(null);
    update.mutate(input);
  }

  function reload() {
    setDraft((d) => ({
      ...d,
      baseVersion: d.conflict?.currentVersion ?? d.baseVersion,
      conflict: d.conflict ? { ...d.conflict, reloaded: true } : null,
    }));
    setFormError(null);
    startReload(() => {
      changed();
      router.refresh();
    });
  }

  function discard() {
    setDraft(() => draftFromOrder(order));
    setErrors({});
    setFormError(null);
  }

  const setLine = (key: number, patch: Partial<DraftLine>) =>
    setDraft((d) => ({ ...d, lines: d.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) }));
  const removeLine = (key: number) => setDraft((d) => ({ ...d, lines: d.lines.filter((l) => l.key !== key) }));
  function addLine() {
    const key = nextKey++;
    setFocusKey(key);
    setDraft((d) => ({ ...d, lines: [...d.lines, { key, sku: "", quantity: "1" }] }));
  }

  const dirty = isDraftDirty(draft, order);
  const blocked = !!draft.conflict && !draft.conflict.reloaded;
  const field = (name: string) => ({
    "aria-invalid": !!errors[name] || undefined,
    "aria-describedby": errors[name] ? `edit-${name.replace(/\./g, "-")}-error` : undefined,
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-3xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle>
              Edit {noun} {order.number}
            </DialogTitle>
            <DialogDescription>
              Changed lines are re-priced at today&apos;s prices{order.status !== "draft" ? " and the order's holds are checked again" : ""}. The
              timeline keeps the old and new values.
            </DialogDescription>
          </DialogHeader>

          {!draft.conflict && restored && dirty && (
            <p className="flex items-center gap-2 rounded-md bg-info-soft px-3 py-2 text-sm text-info-soft-foreground">
              <Info className="size-4 shrink-0" aria-hidden />
              Unsaved changes from before are still here.
              <Button type="button" variant="link" size="sm" className="ml-auto" onClick={discard}>
                Start over
              </Button>
            </p>
          )}

          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm font-semibold">Lines</legend>
            <div className="grid grid-cols-[2rem_11rem_1fr_6rem_2.25rem] items-center gap-x-2 gap-y-1 text-xs font-medium text-muted-foreground">
              <span>#</span>
              <span>SKU</span>
              <span>Product · current price</span>
              <span className="text-right">Quantity</span>
              <span className="sr-only">Remove</span>
            </div>
            <ol className="grid gap-2">
              {draft.lines.map((line, i) => {
                const same = line.original && normSku(line.sku) === line.original.sku;
                const skuError = errors[`lines.${i}.sku`];
                const qtyError = errors[`lines.${i}.quantity`];
                return (
                  <li key={line.key} className="grid grid-cols-[2rem_11rem_1fr_6rem_2.25rem] items-start gap-x-2">
                    <span className="pt-2 text-sm text-muted-foreground tabular-nums">{i + 1}</span>
                    <div className="grid gap-1">
                      <Input
                        aria-label={`Line ${i + 1} SKU`}
                        value={line.sku}
                        onChange={(e) => setLine(line.key, { sku: e.target.value })}
                        className="font-mono uppercase"
                        autoComplete="off"
                        ref={(el) => {
                          if (el && focusKey === line.key) {
                            el.focus();
                            setFocusKey(null);
                          }
                        }}
                        {...field(`lines.${i}.sku`)}
                      />
                      <FieldError id={`edit-lines-${i}-sku-error`}>{skuError}</FieldError>
                    </div>
                    <div className="min-w-0 pt-1.5 text-sm">
                      {same ? (
                        <>
                          <span className="block truncate" title={line.original!.productName}>
                            {line.original!.productName}
                          </span>
                          <span className="text-xs text-muted-foreground">
                            <Money amount={line.original!.manualPrice ?? line.original!.unitPrice} currency={order.currency} /> each
                            {line.original!.overrideReason ? " · manual price kept" : ""}
                          </span>
                        </>
                      ) : (
                        <span className="text-muted-foreground">{line.sku.trim() ? "Priced when you save" : "New line"}</span>
                      )}
                    </div>
                    <div className="grid gap-1">
                      <Input
                        type="number"
                        inputMode="numeric"
                        min={1}
                        step={1}
                        aria-label={`Line ${i + 1} quantity`}
                        value={line.quantity}
                        onChange={(e) => setLine(line.key, { quantity: e.target.value })}
                        className={cn("text-right", same && Number(line.quantity) !== line.original!.quantity && "border-info")}
                        {...field(`lines.${i}.quantity`)}
                      />
                      <FieldError id={`edit-lines-${i}-quantity-error`}>{qtyError}</FieldError>
                    </div>
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      aria-label={`Remove line ${i + 1}`}
                      onClick={() => removeLine(line.key)}
                      className="text-muted-foreground hover:text-destructive"
                    >
                      <Trash2 aria-hidden />
                    </Button>
                  </li>
                );
              })}
            </ol>
            {errors.lines && (
              <p role="alert" className="text-sm font-medium text-destructive">
                {errors.lines}
              </p>
            )}
            <div>
              <Button type="button" variant="outline" size="sm" onClick={addLine}>
                <Plus aria-hidden />
                Add line
              </Button>
            </div>
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-2">
            <div className="grid gap-1.5">
              <Label htmlFor="edit-customerReference">Customer reference</Label>
              <Input
                id="edit-customerReference"
                value={draft.customerReference}
                onChange={(e) => setDraft((d) => ({ ...d, customerReference: e.target.value }))}
                maxLength={60}
                placeholder="Their PO number"
                {...field("customerReference")}
              />
              <FieldError id="edit-customerReference-error">{errors.customerReference}</FieldError>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="edit-requestedDate">Requested date</Label>
              <Input
                id="edit-requestedDate"
                type="date"
                value={draft.requestedDate}
                onChange={(e) => setDraft((d) => ({ ...d, requestedDate: e.target.value }))}
                {...field("requestedDate")}
              />
              <FieldError id="edit-requestedDate-error">{errors.requestedDate}</FieldError>
            </div>
            <div className="grid gap-1.5 sm:col-span-2">
              <Label htmlFor="edit-notes">Notes</Label>
              <Textarea
                id="edit-notes"
                value={draft.notes}
                onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))}
                maxLength={2000}
                rows={2}
                {...field("notes")}
              />
              <FieldError id="edit-notes-error">{errors.notes}</FieldError>
            </div>
          </div>

          <AddressFields
            legend="Ship to"
            name="shipTo"
            idPrefix="edit-ship-to"
            value={draft.shipTo}
            onChange={(f, value) => setDraft((d) => ({ ...d, shipTo: { ...d.shipTo, [f]: value } }))}
            errors={errors}
          />

          {draft.conflict && (
            <ConflictBanner conflict={draft.conflict} order={order} isReloading={isReloading} onReload={reload} onDiscard={discard} />
          )}
          {formError && (
            <p role="alert" className="rounded-md border border-destructive/30 bg-danger-soft px-3 py-2 text-sm text-danger-soft-foreground">
              {formError}
            </p>
          )}

          <DialogFooter className="items-center">
            <span className="mr-auto text-xs text-muted-foreground">
              Based on version {draft.baseVersion} · Enter saves · Esc closes (your changes are kept)
            </span>
            <DialogClose asChild>
              <Button variant="outline">Close</Button>
            </DialogClose>
            <Button type="submit" disabled={update.isPending || isReloading || blocked}>
              {update.isPending ? "Saving…" : "Save changes"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Module-level, so React calls it once per mounted banner (not on every render). */
const revealOnMount = (el: HTMLElement | null) => el?.scrollIntoView({ block: "nearest" });

function ConflictBanner({
  conflict,
  order,
  isReloading,
  onReload,
  onDiscard,
}: {
  conflict: EditConflict;
  order: TOrder;
  isReloading: boolean;
  onReload: () => void;
  onDiscard: () => void;
}) {
  if (!conflict.reloaded || isReloading) {
    return (
      <div ref={revealOnMount} role="alert" className="grid gap-2 rounded-md border border-warning/40 bg-warning-soft p-3 text-sm text-warning-soft-foreground">
        <p className="flex items-start gap-2 font-medium">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>{conflict.message}</span>
        </p>
        <p>Your changes are not saved, and not lost: reload to see the current order, then save again.</p>
        <div>
          <Button type="button" size="sm" onClick={onReload} disabled={isReloading}>
            <RotateCcw aria-hidden />
            {isReloading ? "Reloading…" : "Reload"}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div ref={revealOnMount} role="status" className="grid gap-2 rounded-md border border-info/30 bg-info-soft p-3 text-sm text-info-soft-foreground">
      <p className="font-medium">
        Reloaded: {order.number} is now version {order.version}, total <Money amount={order.total} currency={order.currency} />.
      </p>
      <p>Current lines: {order.lines.map((l) => `${l.quantity} × ${l.sku}`).join(", ")}.</p>
      <p>Your edits are still in the form. Check them against the current order and save again — or start from the current order.</p>
      <div>
        <Button type="button" size="sm" variant="outline" onClick={onDiscard}>
          Discard my changes
        </Button>
      </div>
    </div>
  );
}
