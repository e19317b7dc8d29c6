"use client";

import { useMutation } from "@tanstack/react-query";
import { PackageCheck } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { PURCHASE_ORDER_STATUS_LABELS } from "~/server/purchasing/purchase-order-states";
import type { TPurchaseOrder, TReceiptResult } from "~/server/purchasing/schemas";
import { useTRPC } from "~/trpc/react";
import { usePurchasingChanged } from "./use-purchasing-changed";

/** "SO-100231 (6 × BOLT-M8), SO-100240 (2 × BOLT-M8)": the backorders a receipt filled. */
export function describeAllocations(allocated: TReceiptResult["allocated"]): string | null {
  if (allocated.length === 0) return null;
  return allocated.map((a) => `${a.order} (${a.quantity} × ${a.sku})`).join(", ");
}

/**
 * The warehouse's receiving form: one quantity per open line, prefilled with what remains, each labelled
 * "Receive <SKU>". Lines left at 0 are not received. Receive asks for confirmation first (the lines,
 * their quantities and the warehouse). Over-receipt is refused by the server per line.
 */
export function ReceiveForm({ po }: { po: TPurchaseOrder }) {
  const trpc = useTRPC();
  const changed = usePurchasingChanged();
  const open = po.lines.filter((l) => l.remaining > 0);
  const [quantities, setQuantities] = useState<Record<string, string>>(() => Object.fromEntries(open.map((l) => [l.sku, String(l.remaining)])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  /** The lines waiting for the user's confirmation. */
  const [toConfirm, setToConfirm] = useState<{ sku: string; quantity: number }[] | null>(null);
  // The version this receipt is based on: the page's, or the one our own last receipt answered with
  // (the page refreshes a moment later), so a double click is refused instead of booked twice.
  const [answeredVersion, setAnsweredVersion] = useState(0);
  const version = Math.max(po.version, answeredVersion);

  const receive = useMutation(
    trpc.purchasing.orders.receive.mutationOptions({
      onSuccess: (result) => {
        const units = result.received.reduce((sum, r) => sum + r.quantity, 0);
        const filled = describeAllocations(result.allocated);
        toast.success(`Received ${units} unit${units === 1 ? "" : "s"} on ${result.purchaseOrder.number} — ${PURCHASE_ORDER_STATUS_LABELS[result.purchaseOrder.status].toLowerCase()}`, {
          description: filled ? `Backorders that got stock: ${filled}` : "No backorders were waiting for these SKUs here.",
        });
        setAnsweredVersion(result.purchaseOrder.version);
        setToConfirm(null);
        setErrors({});
        setFormError(null);
        setQuantities(
          Object.fromEntries(result.purchaseOrder.lines.filter((l) => l.remaining > 0).map((l) => [l.sku, String(l.remaining)])),
        );
        changed();
      },
      onError: (error, input) => {
        const e = apiErrorOf(error);
        const next: Record<string, string> = {};
        for (const [field, messages] of Object.entries(e.details?.fields ?? {})) {
          const match = /^lines\.(\d+)\.(quantity|sku)$/.exec(field);
          const sku = match ? input.lines[Number(match[1])]?.sku : undefined;
          if (sku) next[sku] = messages.join(", ");
        }
        setErrors(next);
        setToConfirm(null);
        setFormError(Object.keys(next).length === 0 ? e.message : null);
        toast.error(`Could not receive on ${po.number}`, { description: e.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Record<string, string> = {};
    const lines: { sku: string; quantity: number }[] = [];
    for (const line of open) {
      const text = (quantities[line.sku] ?? "").trim();
      const quantity = text === "" ? 0 : Number(text);
      if (!Number.isInteger(quantity) || quantity < 0) next[line.sku] = "Enter a whole number, 0 or more";
      else if (quantity > line.remaining) next[line.sku] = `At most ${line.remaining} remain to be received`;
      else if (quantity > 0) lines.push({ sku: line.sku, quantity });
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setFormError("Check the highlighted quantities.");
      return;
    }
    if (lines.length === 0) {
      setFormError("Enter a quantity on at least one line.");
      return;
    }
    setFormError(null);
    setToConfirm(lines);
  }

  const confirmedUnits = (toConfirm ?? []).reduce((sum, l) => sum + l.quantity, 0);
  const nameOf = new Map(po.lines.map((l) => [l.sku, l.productName]));

  if (open.length === 0) return null;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="receive-heading" className="grid gap-3">
      <div className="rounded-lg border bg-background">
        <Table aria-label="Quantities to receive">
          <TableHeader>
            <TableRow>
              <TableHead>SKU</TableHead>
              <TableHead>Product</TableHead>
              <TableHead numeric>Remaining</TableHead>
              <TableHead numeric className="w-40">
                Receiving now
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {open.map((line) => {
              const id = `receive-${line.lineNo}`;
              const error = errors[line.sku];
              return (
                <TableRow key={line.sku}>
                  <TableCell className="font-mono text-xs">{line.sku}</TableCell>
                  <TableCell>{line.productName}</TableCell>
                  <TableCell numeric>{line.remaining}</TableCell>
                  <TableCell numeric>
                    <Label htmlFor={id} className="sr-only">
                      Receive {line.sku}
                    </Label>
                    <Input
                      id={id}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={line.remaining}
                      step={1}
                      value={quantities[line.sku] ?? ""}
                      onChange={(e) => setQuantities((q) => ({ ...q, [line.sku]: e.target.value }))}
                      aria-invalid={!!error}
                      aria-describedby={error ? `${id}-error` : undefined}
                      className="ml-auto h-8 w-28 text-right"
                    />
                    <FieldError id={`${id}-error`} className="mt-1 text-left text-xs">
                      {error}
                    </FieldError>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {formError && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {formError}
        </p>
      )}
      <div className="flex items-center justify-end gap-3">
        <p className="text-xs text-muted-foreground">
          Goods go on hand in {po.warehouse.code}; waiting backorders take them first, oldest order first.
        </p>
        <Button type="submit" disabled={receive.isPending}>
          <PackageCheck aria-hidden />
          {receive.isPending ? "Receiving…" : "Receive"}
        </Button>
      </div>
      <Dialog open={toConfirm !== null} onOpenChange={(isOpen) => !isOpen && !receive.isPending && setToConfirm(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Receive on {po.number}?</DialogTitle>
            <DialogDescription>
              {confirmedUnits} unit{confirmedUnits === 1 ? "" : "s"} on {toConfirm?.length ?? 0} line{toConfirm?.length === 1 ? "" : "s"} go on hand in{" "}
              <span className="font-medium text-foreground">
                {po.warehouse.code} — {po.warehouse.name}
              </span>
              ; waiting backorders take them first.
            </DialogDescription>
          </DialogHeader>
          <ul className="grid max-h-64 gap-1 overflow-y-auto text-sm" aria-label="Lines to receive">
            {(toConfirm ?? []).map((l) => (
              <li key={l.sku} className="flex items-baseline justify-between gap-3 border-b py-1 last:border-b-0">
                <span className="min-w-0 truncate">
                  <span className="font-mono text-xs">{l.sku}</span> <span className="text-muted-foreground">{nameOf.get(l.sku)}</span>
                </span>
                <span className="font-medium tabular-nums">× {l.quantity}</span>
              </li>
            ))}
          </ul>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline" disabled={receive.isPending}>
                Back
              </Button>
            </DialogClose>
            <Button type="button" disabled={receive.isPending} onClick={() => toConfirm && receive.mutate({ number: po.number, version, lines: toConfirm })}>
              <PackageCheck aria-hidden />
              {receive.isPending ? "Receiving…" : `Receive into ${po.warehouse.code}`}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </form>
  );
}
