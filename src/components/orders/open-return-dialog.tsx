"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Textarea } from "~/components/ui/textarea";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { RETURN_DISPOSITIONS, type ReturnDisposition } from "~/server/billing/constants";
import type { TCreateReturnInput } from "~/server/billing/schemas";
import { useTRPC } from "~/trpc/react";

/** One SKU of the order that has shipped: how many units may still come back. */
export type ReturnableLine = {
  sku: string;
  productName: string;
  lineNos: number[];
  shipped: number;
  /** Units on live returns (requested, approved or received). */
  onReturns: number;
  returnable: number;
  /** One unit with tax, for the preview (the server credits each unit's exact share). */
  unitValue: number;
  warehouse: string | null;
};

type Row = { quantity: string; reason: string; disposition: ReturnDisposition };

const DISPOSITION_LABELS: Record<ReturnDisposition, string> = { restock: "Restock", scrap: "Scrap" };

/** "Open return" beside the order's Returns: opens the RMA dialog. */
export function OpenReturnButton({ order, currency, lines }: { order: string; currency: string; lines: ReturnableLine[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        <Undo2 aria-hidden />
        Open return
      </Button>
      {open && <OpenReturnDialog order={order} currency={currency} lines={lines} open onOpenChange={setOpen} />}
    </>
  );
}

/**
 * An RMA for shipped units: per SKU a quantity (0 to what may still come back), a reason and what the
 * warehouse does with it (restock or scrap), and a note. Above the admin's approval value it waits for a
 * manager; otherwise it is approved at once and the warehouse can receive it.
 */
export function OpenReturnDialog({
  order,
  currency,
  lines,
  open,
  onOpenChange,
}: {
  order: string;
  currency: string;
  lines: ReturnableLine[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const reasons = useQuery(trpc.returns.reasons.queryOptions({}, { staleTime: 5 * 60_000 }));
  const [rows, setRows] = useState<Record<string, Row>>(() => Object.fromEntries(lines.map((l) => [l.sku, { quantity: "0", reason: "", disposition: "restock" }])));
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const create = useMutation(
    trpc.returns.create.mutationOptions({
      onSuccess: (rma) => {
        const units = rma.lines.reduce((n, l) => n + l.quantity, 0);
        const waits = rma.status === "requested";
        (waits ? toast.warning : toast.success)(`${rma.number} opened for ${units} unit${units === 1 ? "" : "s"} of ${order}`, {
          description: waits
            ? "It is worth more than returns approved without a manager: a manager approves it before the warehouse receives it."
            : "Approved: the warehouse receives the goods, and a credit note is issued then.",
        });
        void queryClient.invalidateQueries({ queryKey: trpc.returns.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
        onOpenChange(false);
        router.push(`/returns/${encodeURIComponent(rma.number)}`);
      },
      onError: (error, input) => {
        const e = apiErrorOf(error);
        const fields: Record<string, string> = {};
        let placed = false;
        for (const [key, messages] of Object.entries(e.details?.fields ?? {})) {
          // lines.N.field: N counts the lines sent (the rows with a quantity); each names its SKU.
          const match = /^lines\.(\d+)\.(\w+)$/.exec(key);
          const sku = match ? input.lines[Number(match[1])]?.sku : undefined;
          if (sku) {
            fields[`${sku}.${match![2] === "sku" ? "quantity" : match![2]}`] = messages.join(", ");
            placed = true;
          } else if (key === "notes") {
            fields.notes = messages.join(", ");
            placed = true;
          }
        }
        setErrors(fields);
        setFormError(placed ? null : e.message);
        toast.error(`Could not open a return for ${order}`, { description: e.message });
      },
    }),
  );

  const setRow = (sku: string, patch: Partial<Row>) => {
    setRows((r) => ({ ...r, [sku]: { ...r[sku]!, ...patch } }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[`${sku}.${key}`];
      return next;
    });
  };

  const chosen = lines.filter((l) => Number(rows[l.sku]?.quantity) > 0);
  const units = chosen.reduce((n, l) => n + Number(rows[l.sku]!.quantity), 0);
  const estimate = Math.round(chosen.reduce((s, l) => s + l.unitValue * Number(rows[l.sku]!.quantity), 0));

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const sent: TCreateReturnInput["lines"] = [];
    for (const line of lines) {
      const row = rows[line.sku]!;
      const text = row.quantity.trim() || "0";
      if (!/^\d+$/.test(text)) {
        found[`${line.sku}.quantity`] = "Whole units, 0 or more";
        continue;
      }
      const quantity = Number(text);
      if (quantity === 0) continue;
      if (quantity > line.returnable) found[`${line.sku}.quantity`] = `At most ${line.returnable} can still come back`;
      if (!row.reason) found[`${line.sku}.reason`] = "Choose a reason";
      sent.push({ sku: line.sku, quantity, reason: row.reason, disposition: row.disposition });
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(null);
      return;
    }
    if (sent.length === 0) {
      setFormError("Enter how many units come back on at least one line.");
      return;
    }
    setFormError(null);
    create.mutate({ number: order, lines: sent, notes: notes.trim() || null });
  }

  const idOf = (sku: string, field: string) => `rma-${sku.replace(/[^A-Za-z0-9_-]/g, "_")}-${field}`;
  const described = (sku: string, field: string) => (errors[`${sku}.${field}`] ? `${idOf(sku, field)}-error` : undefined);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-4xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Open a return for {order}</DialogTitle>
            <DialogDescription>
              Units that shipped and are not on a return yet can come back. Returns above the approval value wait for a manager; the warehouse receives the goods and a
              credit note is issued for their share of what was invoiced.
            </DialogDescription>
          </DialogHeader>

          <div className="overflow-x-auto">
            <table className="w-full min-w-[44rem] text-sm" aria-label="Units to return">
              <thead>
                <tr className="border-b text-xs whitespace-nowrap text-muted-foreground">
                  <th scope="col" className="py-2 pr-2 text-left font-medium">
                    SKU
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    Shipped
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    Can return
                  </th>
                  <th scope="col" className="w-28 px-2 py-2 text-right font-medium">
                    Return
                  </th>
                  <th scope="col" className="w-44 px-2 py-2 text-left font-medium">
                    Reason
                  </th>
                  <th scope="col" className="w-40 py-2 pl-2 text-left font-medium">
                    Then
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => {
                  const row = rows[line.sku]!;
                  const qtyError = errors[`${line.sku}.quantity`];
                  const reasonError = errors[`${line.sku}.reason`];
                  const active = Number(row.quantity) > 0;
                  const none = line.returnable === 0;
                  return (
                    <tr key={line.sku} className={cn("border-b align-top last:border-0", none && "text-muted-foreground")} data-sku={line.sku}>
                      <td className="py-2 pr-2">
                        <span className="font-mono text-xs">{line.sku}</span>
                        <span className="text-xs text-muted-foreground">
                          {line.lineNos.length > 1 ? ` · lines ${line.lineNos.join(", ")}` : ` · line ${line.lineNos[0]}`}
                          {line.warehouse && ` · back to ${line.warehouse}`}
                        </span>
                        <span className="block max-w-[16rem] truncate text-xs text-muted-foreground" title={line.productName}>
                          {line.productName}
                        </span>
                      </td>
                      <td className="px-2 py-2 text-right tabular-nums">{line.shipped}</td>
                      <td className="px-2 py-2 text-right tabular-nums">
                        {line.returnable}
                        {line.onReturns > 0 && <span className="block text-xs text-muted-foreground">{line.onReturns} on returns</span>}
                      </td>
                      <td className="px-2 py-2">
                        <Input
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={line.returnable}
                          step={1}
                          id={idOf(line.sku, "quantity")}
                          aria-label={`Return ${line.sku}`}
                          value={row.quantity}
                          disabled={none}
                          onChange={(e) => setRow(line.sku, { quantity: e.target.value })}
                          onFocus={(e) => e.currentTarget.select()}
                          className="text-right"
                          aria-invalid={!!qtyError || undefined}
                          aria-describedby={described(line.sku, "quantity")}
                        />
                        <FieldError id={`${idOf(line.sku, "quantity")}-error`}>{qtyError}</FieldError>
                      </td>
                      <td className="px-2 py-2">
                        <NativeSelect
                          aria-label={`Reason for ${line.sku}`}
                          value={row.reason}
                          disabled={none || !active}
                          onChange={(e) => setRow(line.sku, { reason: e.target.value })}
                          aria-invalid={!!reasonError || undefined}
                          aria-describedby={described(line.sku, "reason")}
                        >
                          <option value="">{reasons.isPending ? "Loading…" : "Choose…"}</option>
                          {reasons.data?.items.map((r) => (
                            <option key={r.code} value={r.code}>
                              {r.label}
                            </option>
                          ))}
                        </NativeSelect>
                        <FieldError id={`${idOf(line.sku, "reason")}-error`}>{reasonError}</FieldError>
                      </td>
                      <td className="py-2 pl-2">
                        <NativeSelect
                          aria-label={`What happens to ${line.sku}`}
                          value={row.disposition}
                          disabled={none || !active}
                          onChange={(e) => setRow(line.sku, { disposition: e.target.value as ReturnDisposition })}
                        >
                          {RETURN_DISPOSITIONS.map((d) => (
                            <option key={d} value={d}>
                              {DISPOSITION_LABELS[d]}
                            </option>
                          ))}
                        </NativeSelect>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {reasons.isError && (
            <p role="alert" className="text-sm text-destructive">
              Could not load the return reasons: {apiErrorOf(reasons.error).message}
            </p>
          )}

          <div className="grid gap-1.5">
            <Label htmlFor="rma-notes">Notes</Label>
            <Textarea
              id="rma-notes"
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              maxLength={1000}
              rows={2}
              placeholder="e.g. Customer called on Monday; two boxes arrived crushed"
              aria-invalid={!!errors.notes || undefined}
              aria-describedby={errors.notes ? "rma-notes-error" : undefined}
            />
            <FieldError id="rma-notes-error">{errors.notes}</FieldError>
          </div>

          <p className="text-sm" aria-live="polite">
            {units > 0 ? (
              <>
                {units} unit{units === 1 ? "" : "s"} worth about <Money amount={estimate} currency={currency} className="font-medium" /> with tax.
              </>
            ) : (
              <span className="text-muted-foreground">Nothing chosen yet.</span>
            )}
          </p>

          {formError && (
            <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive/30 bg-danger-soft p-3 text-sm text-danger-soft-foreground">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
              {formError}
            </p>
          )}

          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Not now</Button>
            </DialogClose>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Opening…" : "Open return"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
