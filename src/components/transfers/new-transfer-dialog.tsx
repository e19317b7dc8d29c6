"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "~/components/ui/toast";
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

/** "New transfer": ship stock of one or more SKUs from a warehouse to another. Errors are shown under their field. */
export function NewTransferDialog({ warehouses, today, defaultFrom }: { warehouses: Warehouse[]; today: string; defaultFrom?: string }) {
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
        {open && <NewTransferForm warehouses={warehouses} today={today} defaultFrom={defaultFrom} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

type LineDraft = { key: number; sku: string; quantity: string };

function NewTransferForm({ warehouses, today, defaultFrom, onDone }: { warehouses: Warehouse[]; today: string; defaultFrom?: string; onDone: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { fields, setFields, error, described, clearOnChange } = useFieldErrors("transfer", [["from", "to"]]);
  const [lines, setLines] = useState<LineDraft[]>([{ key: 0, sku: "", quantity: "" }]);
  // The source starts at the user's pinned warehouse (their stock leaves from there), the destination at another.
  const [from, setFrom] = useState(defaultFrom ?? warehouses[0]?.code ?? "");
  const [to, setTo] = useState(warehouses.find((w) => w.code !== (defaultFrom ?? warehouses[0]?.code))?.code ?? "");
  const nextKey = useRef(1);

  const create = useMutation(
    trpc.transfers.create.mutationOptions({
      onSuccess: async (transfer) => {
        const what = transfer.lines.length === 1 ? `${transfer.lines[0]!.quantity} × ${transfer.lines[0]!.sku}` : `${transfer.lines.length} SKUs, ${transfer.quantity} units`;
        toast.success(`${transfer.number}: ${what} from ${transfer.from} to ${transfer.to}`, {
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

  const update = (key: number, change: Partial<LineDraft>) => setLines((current) => current.map((l) => (l.key === key ? { ...l, ...change } : l)));
  function addLine() {
    const key = nextKey.current++;
    setLines((current) => [...current, { key, sku: "", quantity: "" }]);
    // The new row's SKU takes the focus once it is rendered.
    requestAnimationFrame(() => document.getElementById(`transfer-line-${key}-sku`)?.focus());
  }
  function removeLine(key: number) {
    setLines((current) => current.filter((l) => l.key !== key));
    setFields({});
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const problems: Record<string, string[]> = {};
    const seen = new Map<string, number>();
    const parsed = lines.map((line, i) => {
      const sku = line.sku.trim();
      const quantity = Number(line.quantity.trim());
      if (!SKU_PATTERN.test(sku)) problems[`lines.${i}.sku`] = ["Enter the SKU to transfer"];
      else if (seen.has(sku)) problems[`lines.${i}.sku`] = [`Already on line ${seen.get(sku)! + 1}`];
      else seen.set(sku, i);
      if (!line.quantity.trim() || !Number.isInteger(quantity) || quantity < 1) problems[`lines.${i}.quantity`] = ["Enter a whole number, at least 1"];
      return { sku, quantity };
    });
    if (from === to) problems.to = ["Choose a destination other than the source warehouse"];
    const expectedDate = String(data.get("expectedDate") ?? "").trim();
    if (expectedDate && expectedDate < today) problems.expectedDate = [`Cannot be before today (${today})`];
    if (Object.keys(problems).length > 0) {
      setFields(problems);
      return;
    }
    create.mutate({ lines: parsed, from, to, expectedDate: expectedDate || undefined });
  }

  return (
    <form onSubmit={submit} onChange={clearOnChange} className="grid gap-4" noValidate>
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
      <fieldset className="grid gap-2">
        <legend className="mb-1.5 text-sm font-medium">SKUs to ship</legend>
        {fields.lines && <p className="text-sm text-destructive">{fields.lines.join(", ")}</p>}
        <ul className="grid max-h-72 gap-2 overflow-y-auto" aria-label="Transfer lines">
          {lines.map((line, i) => (
            <TransferLineRow
              key={line.key}
              line={line}
              index={i}
              from={from}
              canRemove={lines.length > 1}
              onChange={(change) => update(line.key, change)}
              onRemove={() => removeLine(line.key)}
              error={error}
              described={described}
              fields={fields}
            />
          ))}
        </ul>
        <div>
          <Button type="button" variant="outline" size="sm" onClick={addLine} disabled={lines.length >= 100}>
            <Plus aria-hidden />
            Add SKU
          </Button>
        </div>
      </fieldset>
      <div className="grid content-start gap-1.5">
        <Label htmlFor="transfer-expected">Expected arrival</Label>
        <Input
          id="transfer-expected"
          name="expectedDate"
          type="date"
          min={today}
          defaultValue={addDays(today, 1)}
          className="w-48"
          aria-invalid={!!fields.expectedDate}
          aria-describedby={described("expectedDate")}
        />
        {error("expectedDate")}
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

/** One SKU of the transfer: SKU, quantity and what the source has available of it. */
function TransferLineRow({
  line,
  index,
  from,
  canRemove,
  onChange,
  onRemove,
  error,
  described,
  fields,
}: {
  line: LineDraft;
  index: number;
  from: string;
  canRemove: boolean;
  onChange: (change: Partial<LineDraft>) => void;
  onRemove: () => void;
  error: (name: string) => React.ReactNode;
  described: (name: string, extra?: string) => string | undefined;
  fields: Record<string, string[]>;
}) {
  const trpc = useTRPC();
  const sku = line.sku.trim();
  const source = useQuery(trpc.inventory.stock.queryOptions({ sku, warehouse: from, limit: 1 }, { enabled: SKU_PATTERN.test(sku) && !!from, staleTime: 0 }));
  const available = source.data ? (source.data.items[0]?.available ?? 0) : undefined;
  const n = index + 1;
  const skuField = `lines.${index}.sku`;
  const quantityField = `lines.${index}.quantity`;
  const availableId = `transfer-line-${line.key}-available`;
  return (
    <li className="grid grid-cols-[1fr_7rem_auto] items-start gap-2" aria-label={`Line ${n}`}>
      <div className="grid gap-1">
        <Label htmlFor={`transfer-line-${line.key}-sku`} className="sr-only">
          SKU, line {n}
        </Label>
        <Input
          id={`transfer-line-${line.key}-sku`}
          name={skuField}
          value={line.sku}
          onChange={(e) => onChange({ sku: e.target.value })}
          placeholder="SKU"
          autoComplete="off"
          autoFocus={index === 0}
          className="font-mono"
          aria-invalid={!!fields[skuField]}
          aria-describedby={described(skuField, availableId)}
        />
        <p id={availableId} className="text-xs text-muted-foreground" aria-live="polite">
          {!SKU_PATTERN.test(sku) ? "\u00a0" : source.isLoading ? "Reading stock…" : available === undefined ? "Stock could not be read." : `${available} available in ${from}`}
        </p>
        {error(skuField)}
      </div>
      <div className="grid gap-1">
        <Label htmlFor={`transfer-line-${line.key}-quantity`} className="sr-only">
          Quantity, line {n}
        </Label>
        <Input
          id={`transfer-line-${line.key}-quantity`}
          name={quantityField}
          type="number"
          min={1}
          step={1}
          value={line.quantity}
          onChange={(e) => onChange({ quantity: e.target.value })}
          placeholder="Qty"
          className="text-right"
          aria-invalid={!!fields[quantityField]}
          aria-describedby={described(quantityField)}
        />
        {error(quantityField)}
      </div>
      <Button type="button" variant="ghost" size="icon" onClick={onRemove} disabled={!canRemove} aria-label={`Remove line ${n}`} title="Remove this SKU">
        <X aria-hidden />
      </Button>
    </li>
  );
}
