"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { NativeSelect } from "~/components/ui/select";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
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

const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

type Mode = "change" | "count";

/**
 * Adjust on-hand stock with a reason: one ledger movement, refused if it would go below what is reserved.
 * Two ways to enter it: a signed change ("+7", "-3"), or — for cycle counts — the counted on hand, from
 * which the dialog works out the signed difference against the current level.
 */
export function AdjustStockDialog({
  warehouses,
  defaultSku,
  defaultWarehouse,
  initiallyOpen = false,
}: {
  warehouses: { code: string; name: string }[];
  defaultSku?: string;
  defaultWarehouse?: string;
  /** Open on arrival (the command palette's "Adjust stock of …" links with ?adjust=1). */
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Adjust stock</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Adjust stock</DialogTitle>
          <DialogDescription>
            Enter a change (positive adds stock, negative removes it) or what a count found. Every adjustment is kept in the ledger.
          </DialogDescription>
        </DialogHeader>
        {/* Mounted only while open: every opening starts from a clean form. */}
        {open && (
          <AdjustStockForm
            warehouses={warehouses}
            defaultSku={defaultSku}
            defaultWarehouse={defaultWarehouse}
            onDone={() => setOpen(false)}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function AdjustStockForm({
  warehouses,
  defaultSku,
  defaultWarehouse,
  onDone,
}: {
  warehouses: { code: string; name: string }[];
  defaultSku?: string;
  defaultWarehouse?: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { fields, setFields, error, described, clearOnChange } = useFieldErrors("adjust", [["counted", "quantity"]]);
  const [mode, setMode] = useState<Mode>("change");
  const [sku, setSku] = useState(defaultSku ?? "");
  const [warehouse, setWarehouse] = useState(defaultWarehouse ?? warehouses[0]?.code ?? "");
  const [counted, setCounted] = useState("");
  const [reason, setReason] = useState<string>("cycle_count");

  const trimmedSku = sku.trim();
  const level = useQuery(
    trpc.inventory.stock.queryOptions(
      { sku: trimmedSku, warehouse, limit: 1 },
      { enabled: mode === "count" && SKU_PATTERN.test(trimmedSku) && !!warehouse, staleTime: 0 },
    ),
  );
  const onHandNow = level.data ? (level.data.items[0]?.onHand ?? 0) : undefined;
  const countedNumber = counted.trim() === "" ? undefined : Number(counted);
  const difference = onHandNow !== undefined && countedNumber !== undefined && Number.isInteger(countedNumber) ? countedNumber - onHandNow : undefined;

  const adjust = useMutation(
    trpc.inventory.adjust.mutationOptions({
      onSuccess: async (movement) => {
        toast.success(`${movement.sku} in ${movement.warehouse}: ${movement.quantity > 0 ? "+" : ""}${movement.quantity}, now ${movement.onHand} on hand`);
        setFields({});
        onDone();
        await queryClient.invalidateQueries({ queryKey: trpc.inventory.pathKey() });
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
    const base = {
      sku: trimmedSku,
      warehouse,
      reason: String(data.get("reason") ?? ""),
      reference: String(data.get("reference") ?? "").trim() || undefined,
    };
    if (mode === "change") {
      const quantity = Number(data.get("quantity"));
      adjust.mutate({ ...base, quantity: Number.isFinite(quantity) ? quantity : 0 });
      return;
    }
    if (countedNumber === undefined || !Number.isInteger(countedNumber) || countedNumber < 0) {
      setFields({ counted: ["Enter the counted quantity: a whole number, 0 or more"] });
      return;
    }
    if (difference === undefined) {
      setFields({ counted: [level.isError ? apiErrorOf(level.error).message : "The current on hand is still loading; try again in a moment"] });
      return;
    }
    if (difference === 0) {
      toast.info(`${trimmedSku} in ${warehouse}: the count matches the ${onHandNow} on hand, nothing to adjust`);
      onDone();
      return;
    }
    adjust.mutate({ ...base, quantity: difference, reference: base.reference ?? `count ${countedNumber}` });
  }



  return (
    <form onSubmit={submit} onChange={clearOnChange} className="grid gap-4" noValidate>
      <div className="grid content-start gap-1.5">
        <Label htmlFor="adjust-sku">SKU</Label>
        <Input
          id="adjust-sku"
          name="sku"
          value={sku}
          onChange={(e) => setSku(e.target.value)}
          required
          autoComplete="off"
          className="font-mono"
          aria-invalid={!!fields.sku}
          aria-describedby={described("sku")}
        />
        {error("sku")}
      </div>
      <fieldset className="grid gap-1.5">
        <legend className="mb-1.5 text-sm font-medium">Enter the adjustment as</legend>
        <div className="flex gap-2">
          {(
            [
              ["change", "A change"],
              ["count", "What was counted"],
            ] as const
          ).map(([value, label]) => (
            <label
              key={value}
              className={cn(
                "flex h-9 cursor-pointer items-center gap-2 rounded-md border px-3 text-sm has-focus-visible:ring-[3px] has-focus-visible:ring-ring/70",
                mode === value ? "border-primary bg-primary/5 font-medium" : "text-muted-foreground",
              )}
            >
              <input
                type="radio"
                name="mode"
                value={value}
                checked={mode === value}
                onChange={() => {
                  setMode(value);
                  setFields({});
                  if (value === "count") setReason("cycle_count");
                }}
                className="size-4 accent-primary"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <div className="grid content-start gap-1.5">
          <Label htmlFor="adjust-warehouse">Warehouse</Label>
          <NativeSelect id="adjust-warehouse" name="warehouse" value={warehouse} onChange={(e) => setWarehouse(e.target.value)}>
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} — {w.name}
              </option>
            ))}
          </NativeSelect>
          {error("warehouse")}
        </div>
        {mode === "change" ? (
          <div className="grid content-start gap-1.5">
            <Label htmlFor="adjust-quantity">Quantity</Label>
            <Input
              key="quantity"
              id="adjust-quantity"
              name="quantity"
              type="number"
              step={1}
              required
              className="text-right"
              aria-invalid={!!fields.quantity}
              aria-describedby={described("quantity")}
            />
            {error("quantity")}
          </div>
        ) : (
          <div className="grid content-start gap-1.5">
            <Label htmlFor="adjust-counted">Counted on hand</Label>
            <Input
              key="counted"
              id="adjust-counted"
              name="counted"
              type="number"
              min={0}
              step={1}
              required
              value={counted}
              onChange={(e) => setCounted(e.target.value)}
              className="text-right"
              aria-invalid={!!fields.counted || !!fields.quantity}
              aria-describedby={["adjust-count-difference", described("counted"), described("quantity")].filter(Boolean).join(" ")}
            />
            {error("counted")}
            {error("quantity")}
          </div>
        )}
      </div>
      {mode === "count" && (
        <p id="adjust-count-difference" className="text-sm text-muted-foreground" aria-live="polite">
          {!SKU_PATTERN.test(trimmedSku)
            ? "Enter the SKU to see its current on hand."
            : level.isLoading
              ? "Reading the current on hand…"
              : onHandNow === undefined
                ? "The current on hand could not be read."
                : difference === undefined
                  ? `On hand now: ${onHandNow}.`
                  : `On hand now: ${onHandNow} → adjustment ${difference > 0 ? "+" : ""}${difference}.`}
        </p>
      )}
      <div className="grid grid-cols-2 gap-3">
        <div className="grid content-start gap-1.5">
          <Label htmlFor="adjust-reason">Reason</Label>
          <NativeSelect id="adjust-reason" name="reason" value={reason} onChange={(e) => setReason(e.target.value)}>
            {ADJUSTMENT_REASONS.map((r) => (
              <option key={r} value={r}>
                {REASON_LABELS[r]}
              </option>
            ))}
          </NativeSelect>
          {error("reason")}
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor="adjust-reference">Reference</Label>
          <Input id="adjust-reference" name="reference" placeholder="Count sheet, ticket…" />
        </div>
      </div>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={adjust.isPending}>
          {adjust.isPending ? "Saving…" : "Save adjustment"}
        </Button>
      </DialogFooter>
    </form>
  );
}
