"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { apiErrorOf } from "~/lib/trpc-error";
import type { THeldBackByClass } from "~/server/inventory/schemas";
import { useTRPC } from "~/trpc/react";

const CLASSES = ["A", "B", "C"] as const;

function useRefreshInventory() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.inventory.pathKey() });
    router.refresh();
  };
}

/** Parses a whole number ≥ 0 from a field ("" → 0); null when it is not one. */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return 0;
  const n = Number(trimmed);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/**
 * Admins keep units of a SKU in one warehouse for demand classes (e.g. 20 for class A): customers of the
 * other classes see them as unavailable. One field per class; 0 (or empty) clears it.
 */
export function HoldbackDialog({ sku, warehouse, heldBack }: { sku: string; warehouse: string; heldBack: THeldBackByClass }) {
  const trpc = useTRPC();
  const refresh = useRefreshInventory();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<(typeof CLASSES)[number], string>>({ A: "", B: "", C: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setHoldback = useMutation(trpc.inventory.setHoldback.mutationOptions());

  function onOpenChange(next: boolean) {
    if (next) {
      setValues({ A: String(heldBack.A || ""), B: String(heldBack.B || ""), C: String(heldBack.C || "") });
      setErrors({});
    }
    setOpen(next);
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = Object.fromEntries(CLASSES.map((c) => [c, wholeNumber(values[c])])) as Record<(typeof CLASSES)[number], number | null>;
    const invalid = Object.fromEntries(CLASSES.filter((c) => parsed[c] === null).map((c) => [c, "Enter a whole number, 0 or more"]));
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    const changed = CLASSES.filter((c) => parsed[c] !== heldBack[c]);
    if (changed.length === 0) {
      setOpen(false);
      toast.info("Hold-backs unchanged");
      return;
    }
    try {
      let result: THeldBackByClass = heldBack;
      for (const demandClass of changed) {
        result = (await setHoldback.mutateAsync({ sku, warehouse, demandClass, quantity: parsed[demandClass]! })).heldBack;
      }
      toast.success(
        `${sku} in ${warehouse}: held back ${CLASSES.map((c) => `${result[c]} for class ${c}`).join(", ")}`,
      );
      setOpen(false);
      await refresh();
    } catch (error) {
      const apiError = apiErrorOf(error);
      toast.error(apiError.message);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          Hold-backs<span className="sr-only"> in {warehouse}</span>
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>
            Hold-backs for {sku} in {warehouse}
          </DialogTitle>
          <DialogDescription>
            Units kept for customers of a demand class. Customers of the other classes see them as unavailable. 0 clears a hold-back.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <div className="grid grid-cols-3 gap-3">
            {CLASSES.map((c) => (
              <div key={c} className="grid gap-1.5">
                <Label htmlFor={`holdback-${c}`}>Class {c}</Label>
                <Input
                  id={`holdback-${c}`}
                  type="number"
                  min={0}
                  step={1}
                  inputMode="numeric"
                  value={values[c]}
                  placeholder="0"
                  onChange={(e) => setValues((v) => ({ ...v, [c]: e.target.value }))}
                  className="text-right"
                  aria-invalid={!!errors[c]}
                  aria-describedby={errors[c] ? `holdback-${c}-error` : undefined}
                />
                <FieldError id={`holdback-${c}-error`}>{errors[c]}</FieldError>
              </div>
            ))}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={setHoldback.isPending}>
              {setHoldback.isPending ? "Saving…" : "Save hold-backs"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Admins set the reorder point and reorder quantity of a SKU in one warehouse, or clear both (confirmed). */
export function ReorderPointDialog({
  sku,
  warehouse,
  reorderPoint,
  reorderQuantity,
}: {
  sku: string;
  warehouse: string;
  reorderPoint: number | null;
  reorderQuantity: number | null;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshInventory();
  const [open, setOpen] = useState(false);
  const [confirmClear, setConfirmClear] = useState<{ sku: string } | null>(null);
  const [point, setPoint] = useState("");
  const [quantity, setQuantity] = useState("");
  const { fields, setFields, error, described } = useFieldErrors("reorder");
  const save = useMutation(
    trpc.inventory.setReorderPoint.mutationOptions({
      onSuccess: async (result) => {
        toast.success(
          result.reorderPoint === null
            ? `${sku} in ${warehouse}: reorder point cleared`
            : `${sku} in ${warehouse}: reorder ${result.reorderQuantity} at ${result.reorderPoint} or below`,
        );
        setOpen(false);
        setConfirmClear(null);
        await refresh();
      },
      onError: (error) => {
        const apiError = apiErrorOf(error);
        setFields(apiError.details?.fields ?? {});
        setConfirmClear(null);
        toast.error(apiError.message);
      },
    }),
  );

  function onOpenChange(next: boolean) {
    if (next) {
      setPoint(reorderPoint === null ? "" : String(reorderPoint));
      setQuantity(reorderQuantity === null ? "" : String(reorderQuantity));
      setFields({});
    }
    setOpen(next);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    const p = point.trim() === "" ? null : wholeNumber(point);
    const q = quantity.trim() === "" ? null : wholeNumber(quantity);
    if (point.trim() === "") errors.reorderPoint = ["Enter a reorder point (or use Clear)"];
    else if (p === null) errors.reorderPoint = ["Enter a whole number, 0 or more"];
    if (q === null || q < 1) errors.reorderQuantity = ["Enter a reorder quantity of at least 1"];
    setFields(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate({ sku, warehouse, reorderPoint: p, reorderQuantity: q });
  }

  return (
    <>
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogTrigger asChild>
          <Button size="sm" variant="outline">
            Reorder<span className="sr-only"> point in {warehouse}</span>
          </Button>
        </DialogTrigger>
        <DialogContent className="sm:max-w-lg">
          <DialogHeader>
            <DialogTitle>
              Reorder point for {sku} in {warehouse}
            </DialogTitle>
            <DialogDescription>
              Replenishment suggests buying the reorder quantity when the stock position falls to the reorder point or below.
            </DialogDescription>
          </DialogHeader>
          <form onSubmit={submit} className="grid gap-4" noValidate>
            <div className="grid grid-cols-2 gap-3">
              <div className="grid gap-1.5">
                <Label htmlFor="reorder-point">Reorder point</Label>
                <Input
                  id="reorder-point"
                  type="number"
                  min={0}
                  step={1}
                  value={point}
                  onChange={(e) => setPoint(e.target.value)}
                  className="text-right"
                  aria-invalid={!!fields.reorderPoint}
                  aria-describedby={described("reorderPoint")}
                />
                {error("reorderPoint")}
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="reorder-quantity">Reorder quantity</Label>
                <Input
                  id="reorder-quantity"
                  type="number"
                  min={1}
                  step={1}
                  value={quantity}
                  onChange={(e) => setQuantity(e.target.value)}
                  className="text-right"
                  aria-invalid={!!fields.reorderQuantity}
                  aria-describedby={described("reorderQuantity")}
                />
                {error("reorderQuantity")}
              </div>
            </div>
            <DialogFooter className="sm:justify-between">
              {reorderPoint !== null ? (
                <Button type="button" variant="ghost" className="text-destructive" onClick={() => setConfirmClear({ sku })}>
                  Clear reorder point
                </Button>
              ) : (
                <span />
              )}
              <div className="flex flex-col-reverse gap-2 sm:flex-row">
                <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
                <Button type="submit" disabled={save.isPending}>
                  {save.isPending ? "Saving…" : "Save reorder point"}
                </Button>
              </div>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        target={confirmClear}
        onClose={() => setConfirmClear(null)}
        title={() => `Clear the reorder point of ${sku} in ${warehouse}?`}
        description={() => "Replenishment will no longer suggest buying it for this warehouse, and it leaves the low-stock count."}
        confirmLabel="Clear reorder point"
        pendingLabel="Clearing…"
        isPending={save.isPending}
        onConfirm={() => save.mutate({ sku, warehouse, reorderPoint: null, reorderQuantity: null })}
      />
    </>
  );
}
