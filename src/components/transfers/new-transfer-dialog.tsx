"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { NativeSelect } from "~/components/ui/select";
import { addDays } from "~/lib/dates";
import { apiErrorOf } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";

const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

type Warehouse = { code: string; name: string };

/** "New transfer": ship stock of one SKU from a warehouse to another. Errors are shown under their field. */
export function NewTransferDialog({ warehouses, today }: { warehouses: Warehouse[]; today: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button disabled={warehouses.length < 2} title={warehouses.length < 2 ? "Transfers need at least two warehouses" : undefined}>
          <Plus aria-hidden />
          New transfer
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New transfer</DialogTitle>
          <DialogDescription>
            The stock leaves the source now (only what is not reserved) and counts as inbound at the destination until it is received.
          </DialogDescription>
        </DialogHeader>
        {/* Mounted only while open: every opening starts from a clean form. */}
        {open && <NewTransferForm warehouses={warehouses} today={today} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function NewTransferForm({ warehouses, today, onDone }: { warehouses: Warehouse[]; today: string; onDone: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { fields, setFields, error, described, clearOnChange } = useFieldErrors("transfer", [["from", "to"]]);
  const [sku, setSku] = useState("");
  const [from, setFrom] = useState(warehouses[0]?.code ?? "");
  const [to, setTo] = useState(warehouses[1]?.code ?? "");

  const trimmedSku = sku.trim();
  const source = useQuery(
    trpc.inventory.stock.queryOptions({ sku: trimmedSku, warehouse: from, limit: 1 }, { enabled: SKU_PATTERN.test(trimmedSku) && !!from, staleTime: 0 }),
  );
  const available = source.data ? (source.data.items[0]?.available ?? 0) : undefined;

  const create = useMutation(
    trpc.transfers.create.mutationOptions({
      onSuccess: async (transfer) => {
        toast.success(`${transfer.number}: ${transfer.quantity} × ${transfer.sku} from ${transfer.from} to ${transfer.to}`, {
          description: `In transit, expected ${transfer.expectedDate}. Receive it when it arrives in ${transfer.to}.`,
        });
        setFields({});
        onDone();
        await queryClient.invalidateQueries({ queryKey: trpc.transfers.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.inventory.pathKey() });
        router.refresh();
      },
      onError: (error) => {
        const apiError = apiErrorOf(error);
        setFields(apiError.details?.fields ?? {});
        toast.error("Could not create the transfer", { description: apiError.message });
      },
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const problems: Record<string, string[]> = {};
    if (!SKU_PATTERN.test(trimmedSku)) problems.sku = ["Enter the SKU to transfer"];
    if (from === to) problems.to = ["Choose a destination other than the source warehouse"];
    const quantityText = String(data.get("quantity") ?? "").trim();
    const quantity = Number(quantityText);
    if (!quantityText || !Number.isInteger(quantity) || quantity < 1) problems.quantity = ["Enter a whole number, at least 1"];
    const expectedDate = String(data.get("expectedDate") ?? "").trim();
    if (expectedDate && expectedDate < today) problems.expectedDate = [`Cannot be before today (${today})`];
    if (Object.keys(problems).length > 0) {
      setFields(problems);
      return;
    }
    create.mutate({ sku: trimmedSku, from, to, quantity, expectedDate: expectedDate || undefined });
  }



  return (
    <form onSubmit={submit} onChange={clearOnChange} className="grid gap-4" noValidate>
      <div className="grid content-start gap-1.5">
        <Label htmlFor="transfer-sku">SKU</Label>
        <Input
          id="transfer-sku"
          name="sku"
          value={sku}
          onChange={(e) => setSku(e.target.value)}
          required
          autoComplete="off"
          autoFocus
          className="font-mono"
          aria-invalid={!!fields.sku}
          aria-describedby={described("sku")}
        />
        {error("sku")}
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div className="grid content-start gap-1.5">
          <Label htmlFor="transfer-from">From</Label>
          <NativeSelect id="transfer-from" name="from" value={from} onChange={(e) => setFrom(e.target.value)} aria-invalid={!!fields.from} aria-describedby={described("from")}>
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} — {w.name}
              </option>
            ))}
          </NativeSelect>
          {error("from")}
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor="transfer-to">To</Label>
          <NativeSelect id="transfer-to" name="to" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={!!fields.to} aria-describedby={described("to")}>
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} — {w.name}
              </option>
            ))}
          </NativeSelect>
          {error("to")}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div className="grid content-start gap-1.5">
          <Label htmlFor="transfer-quantity">Quantity</Label>
          <Input
            id="transfer-quantity"
            name="quantity"
            type="number"
            min={1}
            step={1}
            required
            className="text-right"
            aria-invalid={!!fields.quantity}
            aria-describedby={described("quantity", "transfer-available")}
          />
          <p id="transfer-available" className="text-xs text-muted-foreground" aria-live="polite">
            {!SKU_PATTERN.test(trimmedSku)
              ? "Enter the SKU to see what is available."
              : source.isLoading
                ? "Reading stock…"
                : available === undefined
                  ? "Stock could not be read."
                  : `${available} available in ${from}`}
          </p>
          {error("quantity")}
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor="transfer-expected">Expected arrival</Label>
          <Input
            id="transfer-expected"
            name="expectedDate"
            type="date"
            min={today}
            defaultValue={addDays(today, 1)}
            aria-invalid={!!fields.expectedDate}
            aria-describedby={described("expectedDate")}
          />
          {error("expectedDate")}
        </div>
      </div>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Shipping…" : "Ship transfer"}
        </Button>
      </DialogFooter>
    </form>
  );
}
