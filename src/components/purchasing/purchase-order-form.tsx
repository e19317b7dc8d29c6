"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { toast } from "~/components/ui/toast";
import { SkuCombobox } from "~/components/order-entry/sku-combobox";
import { Button } from "~/components/ui/button";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Textarea } from "~/components/ui/textarea";
import { addDays } from "~/lib/dates";
import { formatMoney, toDecimalString } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TPurchaseOrder } from "~/server/purchasing/schemas";
import { useTRPC } from "~/trpc/react";
import { errorsForRows, toPurchaseOrderInput, type PoFormLine, type PoFormState } from "./po-form";
import { usePurchasingChanged } from "./use-purchasing-changed";

type VendorOption = { code: string; name: string; leadTimeDays: number };
type WarehouseOption = { code: string; name: string };

// Row ids are deterministic (server and client render the same ids); rows added later count on.
const newLine = (n: number): PoFormLine => ({ id: `line-${n}`, sku: "", name: "", quantity: "", unitCost: "" });

function initialState(po: TPurchaseOrder | undefined, warehouses: WarehouseOption[], vendor?: string): PoFormState {
  if (!po) return { vendor: vendor ?? "", warehouse: warehouses[0]?.code ?? "", expectedDate: "", notes: "", lines: [newLine(0), newLine(1), newLine(2)] };
  return {
    vendor: po.vendor.code,
    warehouse: po.warehouse.code,
    expectedDate: po.expectedDate,
    notes: po.notes ?? "",
    lines: po.lines.map((l, i) => ({ id: `line-${i}`, sku: l.sku, name: l.productName, quantity: String(l.quantity), unitCost: toDecimalString(l.unitCost, po.currency) })),
  };
}

/**
 * Drafts a purchase order (or edits a draft, carrying its version): vendor, delivery warehouse, expected
 * date (empty = today plus the vendor's lead time), SKU lines with quantity and an optional unit cost
 * (empty = the product's cost). Enter in a line's last field adds a line.
 */
export function PurchaseOrderForm({
  vendors,
  warehouses,
  today,
  po,
  initialVendor,
}: {
  vendors: VendorOption[];
  warehouses: WarehouseOption[];
  today: string;
  po?: TPurchaseOrder;
  initialVendor?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const changed = usePurchasingChanged();
  const formId = useId();
  const [state, setState] = useState<PoFormState>(() => initialState(po, warehouses, initialVendor));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const vendor = vendors.find((v) => v.code === state.vendor);
  const defaultDate = vendor ? addDays(today, vendor.leadTimeDays) : null;

  /** `rowOfLine`: the form row each sent line came from, so the server's `lines.N.*` errors land on the right row. */
  const onError = (error: unknown, rowOfLine: number[]) => {
    const e = apiErrorOf(error);
    setErrors(errorsForRows(e.details?.fields ?? {}, rowOfLine));
    setFailure(e.message);
    toast.error(po ? `Could not save ${po.number}` : "Could not create the purchase order", { description: e.message });
  };
  const onSaved = (saved: TPurchaseOrder, verb: string) => {
    toast.success(`${saved.number} ${verb}`, {
      description: `${saved.vendor.name}, ${saved.lineCount} line${saved.lineCount === 1 ? "" : "s"}, ${formatMoney(saved.total, saved.currency)} — expected ${saved.expectedDate}.`,
    });
    changed();
    router.push(`/purchasing/${encodeURIComponent(saved.number)}`);
  };
  const create = useMutation(trpc.purchasing.orders.create.mutationOptions({ onSuccess: (saved) => onSaved(saved, "drafted") }));
  const update = useMutation(trpc.purchasing.orders.update.mutationOptions({ onSuccess: (saved) => onSaved(saved, "saved") }));
  const isPending = create.isPending || update.isPending;

  const setLine = (id: string, patch: Partial<PoFormLine>) => setState((s) => ({ ...s, lines: s.lines.map((l) => (l.id === id ? { ...l, ...patch } : l)) }));
  const lineCounter = useRef(state.lines.length);
  const nextLine = () => newLine(lineCounter.current++);
  const addLine = () => setState((s) => ({ ...s, lines: [...s.lines, nextLine()] }));
  const removeLine = (id: string) => setState((s) => ({ ...s, lines: s.lines.length > 1 ? s.lines.filter((l) => l.id !== id) : [nextLine()] }));

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // New orders are in USD (the server's default); a draft being edited keeps its own currency.
    const result = toPurchaseOrderInput(state, po?.currency);
    if (!result.ok) {
      setErrors(result.errors);
      setFailure("Check the highlighted fields.");
      return;
    }
    setErrors({});
    setFailure(null);
    const callbacks = { onError: (error: unknown) => onError(error, result.rowOfLine) };
    if (po) update.mutate({ number: po.number, version: po.version, ...result.input, expectedDate: result.input.expectedDate ?? defaultDate ?? undefined }, callbacks);
    else create.mutate(result.input, callbacks);
  }

  const fieldError = (key: string, id: string) => <FieldError id={id}>{errors[key]}</FieldError>;
  const describedBy = (key: string, id: string) => (errors[key] ? id : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6" aria-label={po ? `Edit ${po.number}` : "New purchase order"}>
      <div className="grid items-start gap-4 rounded-lg border bg-background p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="grid gap-1.5">
          <Label htmlFor={`${formId}-vendor`}>Vendor</Label>
          <NativeSelect
            id={`${formId}-vendor`}
            value={state.vendor}
            onChange={(e) => setState((s) => ({ ...s, vendor: e.target.value }))}
            aria-invalid={!!errors.vendor}
            aria-describedby={describedBy("vendor", `${formId}-vendor-error`)}
          >
            <option value="">Choose a vendor…</option>
            {vendors.map((v) => (
              <option key={v.code} value={v.code}>
                {v.name} ({v.code}, {v.leadTimeDays} days)
              </option>
            ))}
          </NativeSelect>
          {fieldError("vendor", `${formId}-vendor-error`)}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${formId}-warehouse`}>Deliver to</Label>
          <NativeSelect
            id={`${formId}-warehouse`}
            value={state.warehouse}
            onChange={(e) => setState((s) => ({ ...s, warehouse: e.target.value }))}
            aria-invalid={!!errors.warehouse}
            aria-describedby={describedBy("warehouse", `${formId}-warehouse-error`)}
          >
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} — {w.name}
              </option>
            ))}
          </NativeSelect>
          {fieldError("warehouse", `${formId}-warehouse-error`)}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${formId}-expected`}>Expected date</Label>
          <Input
            id={`${formId}-expected`}
            type="date"
            value={state.expectedDate}
            min={today}
            onChange={(e) => setState((s) => ({ ...s, expectedDate: e.target.value }))}
            aria-invalid={!!errors.expectedDate}
            aria-describedby={errors.expectedDate ? `${formId}-expected-error` : `${formId}-expected-hint`}
          />
          {errors.expectedDate ? (
            fieldError("expectedDate", `${formId}-expected-error`)
          ) : (
            <p id={`${formId}-expected-hint`} className="text-xs text-muted-foreground">
              {defaultDate ? `Empty: ${defaultDate} (today + ${vendor?.leadTimeDays} days lead time)` : "Empty: today + the vendor's lead time"}
            </p>
          )}
        </div>
        <div className="grid gap-1.5 sm:col-span-2 lg:col-span-1">
          <Label htmlFor={`${formId}-notes`}>Notes</Label>
          <Textarea
            id={`${formId}-notes`}
            value={state.notes}
            onChange={(e) => setState((s) => ({ ...s, notes: e.target.value }))}
            rows={1}
            maxLength={2000}
            placeholder="Dock, contact, terms…"
          />
        </div>
      </div>

      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-semibold">Lines</legend>
        <div className="overflow-x-auto rounded-lg border bg-background">
          <table className="w-full text-sm">
            <thead className="border-b bg-muted/40 text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="w-10 px-3 py-2 text-right font-medium">
                  #
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  SKU
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  Product
                </th>
                <th scope="col" className="w-32 px-3 py-2 text-right font-medium">
                  Quantity
                </th>
                <th scope="col" className="w-36 px-3 py-2 text-right font-medium">
                  Unit cost
                </th>
                <th scope="col" className="w-12 px-3 py-2">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.lines.map((line, row) => {
                const n = row + 1;
                const ids = { sku: `${formId}-sku-${line.id}`, qty: `${formId}-qty-${line.id}`, cost: `${formId}-cost-${line.id}` };
                return (
                  <tr key={line.id} className="border-b last:border-0 align-top">
                    <td className="px-3 py-2 text-right text-muted-foreground tabular-nums">{n}</td>
                    <td className="px-3 py-2">
                      <SkuCombobox
                        id={ids.sku}
                        lineNo={n}
                        value={line.sku}
                        onValueChange={(sku) => setLine(line.id, { sku, name: "" })}
                        onPick={(product) => {
                          setLine(line.id, { sku: product.sku, name: product.name });
                          document.getElementById(ids.qty)?.focus();
                        }}
                        invalid={!!errors[`lines.${row}.sku`]}
                        describedBy={errors[`lines.${row}.sku`] ? `${ids.sku}-error` : undefined}
                      />
                      <FieldError id={`${ids.sku}-error`} className="mt-1 text-xs">
                        {errors[`lines.${row}.sku`]}
                      </FieldError>
                    </td>
                    <td className="px-3 py-2 pt-3.5 text-muted-foreground">{line.name || "—"}</td>
                    <td className="px-3 py-2">
                      <Label htmlFor={ids.qty} className="sr-only">
                        Quantity, line {n}
                      </Label>
                      <Input
                        id={ids.qty}
                        type="number"
                        inputMode="numeric"
                        min={1}
                        step={1}
                        value={line.quantity}
                        onChange={(e) => setLine(line.id, { quantity: e.target.value })}
                        aria-invalid={!!errors[`lines.${row}.quantity`]}
                        aria-describedby={errors[`lines.${row}.quantity`] ? `${ids.qty}-error` : undefined}
                        className="h-8 text-right"
                      />
                      <FieldError id={`${ids.qty}-error`} className="mt-1 text-xs">
                        {errors[`lines.${row}.quantity`]}
                      </FieldError>
                    </td>
                    <td className="px-3 py-2">
                      <Label htmlFor={ids.cost} className="sr-only">
                        Unit cost, line {n}
                      </Label>
                      <Input
                        id={ids.cost}
                        inputMode="decimal"
                        value={line.unitCost}
                        placeholder="Product cost"
                        onChange={(e) => setLine(line.id, { unitCost: e.target.value })}
                        onKeyDown={(e) => {
                          if (e.key === "Enter" && row === state.lines.length - 1 && line.sku.trim()) {
                            e.preventDefault();
                            addLine();
                          }
                        }}
                        aria-invalid={!!errors[`lines.${row}.unitCost`]}
                        aria-describedby={errors[`lines.${row}.unitCost`] ? `${ids.cost}-error` : undefined}
                        className="h-8 text-right tabular-nums"
                      />
                      <FieldError id={`${ids.cost}-error`} className="mt-1 text-xs">
                        {errors[`lines.${row}.unitCost`]}
                      </FieldError>
                    </td>
                    <td className="px-3 py-2">
                      <Button type="button" variant="ghost" size="icon" className="size-8" onClick={() => removeLine(line.id)} aria-label={`Remove line ${n}`}>
                        <Trash2 aria-hidden />
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
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

      {failure && (
        <p role="alert" className="rounded-md border border-destructive/30 bg-danger-soft p-3 text-sm text-danger-soft-foreground">
          {failure}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button asChild variant="outline">
          <Link href={po ? `/purchasing/${encodeURIComponent(po.number)}` : "/purchasing"}>Cancel</Link>
        </Button>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : po ? "Save changes" : "Save draft"}
        </Button>
      </div>
    </form>
  );
}
