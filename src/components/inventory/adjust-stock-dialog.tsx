"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { apiErrorOf } from "~/lib/trpc-error";
import { ADJUSTMENT_REASONS } from "~/server/inventory/constants";
import { useTRPC } from "~/trpc/react";

const REASON_LABELS: Record<(typeof ADJUSTMENT_REASONS)[number], string> = {
  cycle_count: "Cycle count",
  damaged: "Damaged",
  found: "Found",
  lost: "Lost",
  correction: "Correction",
  initial_stock: "Initial stock",
};

/** Adjust on-hand stock with a reason: one ledger movement, refused if it would go below what is reserved. */
export function AdjustStockDialog({ warehouses }: { warehouses: { code: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const adjust = useMutation(
    trpc.inventory.adjust.mutationOptions({
      onSuccess: (movement) => {
        toast.success(`${movement.sku} in ${movement.warehouse}: ${movement.quantity > 0 ? "+" : ""}${movement.quantity}, now ${movement.onHand} on hand`);
        setOpen(false);
        setFields({});
        router.refresh();
      },
      onError: (error) => {
        const apiError = apiErrorOf(error);
        setFields(apiError.details?.fields ?? {});
        toast.error(apiError.message);
      },
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const quantity = Number(data.get("quantity"));
    adjust.mutate({
      sku: String(data.get("sku") ?? ""),
      warehouse: String(data.get("warehouse") ?? ""),
      quantity: Number.isFinite(quantity) ? quantity : 0,
      reason: String(data.get("reason") ?? ""),
      reference: String(data.get("reference") ?? "") || undefined,
    });
  }

  const error = (name: string) =>
    fields[name] ? (
      <FieldError id={`adjust-${name}-error`}>{fields[name].join(", ")}</FieldError>
    ) : null;

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Adjust stock</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Adjust stock</DialogTitle>
          <DialogDescription>A positive quantity adds stock, a negative one removes it. Every adjustment is kept in the ledger.</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <div className="grid gap-1.5">
            <Label htmlFor="adjust-sku">SKU</Label>
            <Input id="adjust-sku" name="sku" required autoComplete="off" aria-invalid={!!fields.sku} aria-describedby={fields.sku ? "adjust-sku-error" : undefined} />
            {error("sku")}
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="grid gap-1.5">
              <Label htmlFor="adjust-warehouse">Warehouse</Label>
              <NativeSelect id="adjust-warehouse" name="warehouse" defaultValue={warehouses[0]?.code}>
                {warehouses.map((w) => (
                  <option key={w.code} value={w.code}>
                    {w.code} — {w.name}
                  </option>
                ))}
              </NativeSelect>
              {error("warehouse")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="adjust-quantity">Quantity</Label>
              <Input
                id="adjust-quantity"
                name="quantity"
                type="number"
                step={1}
                required
                aria-invalid={!!fields.quantity}
                aria-describedby={fields.quantity ? "adjust-quantity-error" : undefined}
              />
              {error("quantity")}
            </div>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="grid gap-1.5">
              <Label htmlFor="adjust-reason">Reason</Label>
              <NativeSelect id="adjust-reason" name="reason" defaultValue="cycle_count">
                {ADJUSTMENT_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {REASON_LABELS[r]}
                  </option>
                ))}
              </NativeSelect>
              {error("reason")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="adjust-reference">Reference</Label>
              <Input id="adjust-reference" name="reference" placeholder="Count sheet, ticket…" />
            </div>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={adjust.isPending}>
              {adjust.isPending ? "Saving…" : "Save adjustment"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
