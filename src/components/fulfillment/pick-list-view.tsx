"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Check, CircleAlert, ScanLine } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { toast } from "~/components/ui/toast";
import { StatusBadge } from "~/components/shell/status-badge";
import { Button } from "~/components/ui/button";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { TPickList } from "~/server/fulfillment/schemas";
import { useTRPC } from "~/trpc/react";
import { findRow, itemKey, pickLinesFor, pickRows, type PickItem, type PickRow } from "./pick-list-model";
import { useFulfillmentChanged } from "./use-fulfillment-changed";

type ListShipment = TPickList["shipments"][number];

/**
 * A pick list as the picker works it: scan or type a SKU to jump to its row (bin order), Enter on a
 * quantity checks it (the planned quantity, or fewer: a short pick), then confirm each shipment. What a
 * confirmed shipment got is shown in place of the fields.
 */
export function PickListView({ initial, canPick }: { initial: TPickList; canPick: boolean }) {
  const trpc = useTRPC();
  const changed = useFulfillmentChanged();
  const { data: list } = useQuery(trpc.fulfillment.pickList.queryOptions({ id: initial.number }, { initialData: initial }));
  const rows = pickRows(list);
  const statusOf = new Map(list.shipments.map((s) => [s.number, s.status]));
  const isOpen = (shipment: string) => statusOf.get(shipment) === "picking";
  const editable = (item: PickItem) => canPick && isOpen(item.shipment);

  const [typed, setTyped] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [scan, setScan] = useState("");
  const [scanError, setScanError] = useState<string | null>(null);
  const [found, setFound] = useState<string | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const inputs = useRef<Map<string, HTMLInputElement>>(new Map());

  const pick = useMutation(trpc.fulfillment.pick.mutationOptions());

  function focusItem(row: PickRow) {
    const open = row.items.filter(editable);
    const next = open.find((i) => !checked.has(i.key)) ?? open[0];
    if (!next) {
      setScanError(`${row.sku} (bin ${row.bin ?? "none"}) has nothing left to pick on this list`);
      return;
    }
    setFound(row.sku);
    const input = inputs.current.get(next.key);
    input?.focus();
    input?.select();
    input?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function onScan(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const row = findRow(rows, scan);
    if (!row) {
      setScanError(scan.trim() ? `${scan.trim()} is not on ${list.number}` : "Scan or type a SKU");
      return;
    }
    setScanError(null);
    setScan("");
    focusItem(row);
  }

  /** Enter on a quantity checks it, then goes to the row's next open item, or back to the scan field. */
  function onItemKeyDown(event: React.KeyboardEvent<HTMLInputElement>, row: PickRow, item: PickItem) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const text = typed[item.key] ?? String(item.quantity);
    const value = Number(text);
    if (text.trim() === "" || !Number.isInteger(value) || value < 0 || value > item.quantity) {
      setErrors((e) => ({ ...e, [item.key]: value > item.quantity ? `At most ${item.quantity} go to ${item.shipment}` : "Enter a whole number, 0 or more" }));
      return;
    }
    setErrors(({ [item.key]: _gone, ...rest }) => rest);
    const nextChecked = new Set(checked).add(item.key);
    setChecked(nextChecked);
    const next = row.items.filter(editable).find((i) => !nextChecked.has(i.key));
    if (next) {
      inputs.current.get(next.key)?.focus();
      inputs.current.get(next.key)?.select();
    } else {
      setFound(null);
      scanRef.current?.focus();
    }
  }

  async function confirm(shipment: ListShipment) {
    const result = pickLinesFor(rows, shipment.number, typed);
    if ("errors" in result) {
      setErrors((e) => ({ ...e, ...result.errors }));
      toast.error(`Check the quantities of ${shipment.number}`);
      return;
    }
    try {
      const picked = await pick.mutateAsync({ id: shipment.number, lines: result.lines });
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`${shipment.number}|`))));
      const shortText = result.short.map((s) => `${s.quantity} × ${s.sku}`).join(", ");
      if (picked.status === "canceled") {
        toast.warning(`${picked.number} canceled: nothing was found`, {
          description: `The shortfall (${shortText}) went back to ${picked.order}: it is reserved again from another warehouse if one has it, otherwise backordered.`,
        });
      } else if (result.short.length > 0) {
        toast.warning(`${picked.number} picked short: ${shortText}`, {
          description: `The shortfall went back to ${picked.order}: it is reserved again from another warehouse if one has it, otherwise backordered. ${picked.units} unit${picked.units === 1 ? "" : "s"} go on to packing.`,
        });
      } else {
        toast.success(`${picked.number} picked`, { description: `${picked.units} unit${picked.units === 1 ? "" : "s"} for ${picked.order}, ready to pack.` });
      }
      changed();
    } catch (error) {
      const e = apiErrorOf(error);
      const fieldErrors: Record<string, string> = {};
      for (const [field, messages] of Object.entries(e.details?.fields ?? {})) {
        const m = /^lines\.(\d+)\./.exec(field);
        const line = m ? result.lines[Number(m[1])] : undefined;
        if (line) fieldErrors[itemKey(shipment.number, line.sku)] = messages.join(", ");
      }
      setErrors((x) => ({ ...x, ...fieldErrors }));
      toast.error(`Could not confirm ${shipment.number}`, { description: e.message });
    }
  }

  const openShipments = list.shipments.filter((s) => s.status === "picking");
  const units = rows.reduce((sum, r) => sum + r.quantity, 0);

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem] xl:items-start print:block">
      <section aria-labelledby="picks-heading" className="grid min-w-0 gap-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="picks-heading" className="text-sm font-semibold">
            Picks in bin order{" "}
            <span className="font-normal text-muted-foreground">
              ({rows.length} SKU{rows.length === 1 ? "" : "s"}, {units} unit{units === 1 ? "" : "s"})
            </span>
          </h2>
          {canPick && openShipments.length > 0 && (
            <form onSubmit={onScan} noValidate className="grid gap-1 print:hidden" role="search" aria-label="Find a SKU">
              <div className="flex items-center gap-2">
                <Label htmlFor="pick-scan" className="whitespace-nowrap">
                  <ScanLine aria-hidden className="size-4 text-muted-foreground" />
                  Scan or type a SKU
                </Label>
                <Input
                  id="pick-scan"
                  ref={scanRef}
                  value={scan}
                  onChange={(e) => {
                    setScan(e.target.value);
                    setScanError(null);
                  }}
                  autoFocus
                  autoComplete="off"
                  spellCheck={false}
                  className="w-48 font-mono uppercase"
                  aria-invalid={!!scanError}
                  aria-describedby={scanError ? "pick-scan-error" : "pick-scan-hint"}
                />
                <Button type="submit" variant="outline" size="sm">
                  Find
                </Button>
              </div>
              <FieldError id="pick-scan-error" className="text-xs" role="alert">
                {scanError}
              </FieldError>
              {!scanError && (
                <p id="pick-scan-hint" className="text-xs text-muted-foreground">
                  Enter on a quantity checks it; type fewer for a short pick.
                </p>
              )}
            </form>
          )}
        </div>
        <div className="rounded-lg border bg-background print:rounded-none print:border-0">
          <Table aria-label={`Picks of ${list.number}`} className="print:text-base">
            <TableHeader>
              <TableRow>
                <TableHead className="w-24">Bin</TableHead>
                <TableHead>SKU and product</TableHead>
                <TableHead numeric className="w-14">
                  Qty
                </TableHead>
                <TableHead className="w-[19rem] print:w-auto">Goes to</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.sku} data-sku={row.sku} className={cn("break-inside-avoid", found === row.sku && "bg-info-soft/60 hover:bg-info-soft/60")}>
                  <TableCell className="align-top font-mono text-lg font-semibold whitespace-nowrap print:text-2xl">{row.bin ?? <span className="text-sm font-normal text-muted-foreground">no bin</span>}</TableCell>
                  <TableCell className="align-top">
                    <span className="block font-mono text-sm font-medium">{row.sku}</span>
                    <span className="block text-xs text-muted-foreground print:text-sm">{row.productName}</span>
                  </TableCell>
                  <TableCell numeric className="align-top text-lg font-semibold print:text-2xl">
                    {row.quantity}
                  </TableCell>
                  <TableCell className="align-top">
                    <ul className="grid gap-1.5">
                      {row.items.map((item) => (
                        <PickItemRow
                          key={item.key}
                          item={item}
                          editable={editable(item)}
                          value={typed[item.key] ?? String(item.quantity)}
                          checked={checked.has(item.key)}
                          error={errors[item.key]}
                          onChange={(value) => {
                            setTyped((t) => ({ ...t, [item.key]: value }));
                            setChecked((c) => {
                              const next = new Set(c);
                              next.delete(item.key);
                              return next;
                            });
                            setErrors(({ [item.key]: _gone, ...rest }) => rest);
                          }}
                          onKeyDown={(e) => onItemKeyDown(e, row, item)}
                          inputRef={(el) => {
                            if (el) inputs.current.set(item.key, el);
                            else inputs.current.delete(item.key);
                          }}
                        />
                      ))}
                    </ul>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="confirm-heading" className="grid gap-3 print:mt-6 print:break-inside-avoid">
        <h2 id="confirm-heading" className="text-sm font-semibold">
          Shipments on this list <span className="font-normal text-muted-foreground">({list.shipments.length})</span>
        </h2>
        <ul className="grid gap-2">
          {list.shipments.map((s) => {
            const items = rows.flatMap((r) => r.items.filter((i) => i.shipment === s.number));
            const done = items.filter((i) => checked.has(i.key)).length;
            const short = items.filter((i) => (i.picked !== null ? i.picked < i.quantity : Number(typed[i.key] ?? i.quantity) < i.quantity));
            const pending = pick.isPending && pick.variables?.id === s.number;
            return (
              <li key={s.number} className="grid gap-2 rounded-lg border bg-background p-3 text-sm" aria-label={`Shipment ${s.number}`}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="flex flex-wrap items-baseline gap-x-2">
                    <Link href={`/fulfillment/shipments/${encodeURIComponent(s.number)}`} className="font-mono font-medium text-primary hover:underline">
                      {s.number}
                    </Link>
                    <Link href={`/orders/${encodeURIComponent(s.order)}`} className="font-mono text-xs text-muted-foreground hover:underline">
                      {s.order}
                    </Link>
                  </span>
                  <StatusBadge status={s.status} />
                </div>
                <p className="truncate text-muted-foreground" title={s.customerName}>
                  {s.customerName}
                </p>
                {s.status === "picking" ? (
                  <>
                    <p className="text-xs text-muted-foreground">
                      {done} of {items.length} SKU{items.length === 1 ? "" : "s"} checked
                      {short.length > 0 && <span className="font-medium text-warning-soft-foreground"> · {short.length} short</span>}
                    </p>
                    {canPick && (
                      <Button
                        className="print:hidden"
                        variant={done === items.length ? "default" : "outline"}
                        disabled={pick.isPending}
                        onClick={() => void confirm(s)}
                      >
                        <Check aria-hidden />
                        {pending ? "Confirming…" : `Confirm ${s.number} picked`}
                      </Button>
                    )}
                  </>
                ) : (
                  <p className="text-xs text-muted-foreground">
                    {s.status === "canceled"
                      ? "Canceled."
                      : short.length > 0
                        ? `Picked with ${short.map((i) => `${i.quantity - (i.picked ?? 0)} × ${i.sku}`).join(", ")} short.`
                        : "Picked in full."}{" "}
                    {s.status === "picked" || s.status === "packed" ? (
                      <Link href={`/fulfillment/shipments/${encodeURIComponent(s.number)}`} className="text-primary underline underline-offset-2 print:hidden">
                        {s.status === "picked" ? "Pack or ship it" : "Ship it"}
                      </Link>
                    ) : null}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

function PickItemRow({
  item,
  editable,
  value,
  checked,
  error,
  onChange,
  onKeyDown,
  inputRef,
}: {
  item: PickItem;
  editable: boolean;
  value: string;
  checked: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
  onKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  inputRef: (el: HTMLInputElement | null) => void;
}) {
  const id = `pick-${item.shipment}-${item.sku}`;
  const typedShort = Number(value) < item.quantity;
  const destination = (
    <span className="min-w-0 truncate">
      <span className="font-mono text-xs">{item.shipment}</span> <span className="font-mono text-xs text-muted-foreground">{item.order}</span>
    </span>
  );
  if (!editable) {
    const short = item.picked !== null && item.picked < item.quantity;
    return (
      <li className="flex items-center justify-between gap-2">
        {destination}
        <span className={cn("text-sm whitespace-nowrap tabular-nums", short && "font-medium text-warning-soft-foreground")}>
          {item.picked === null ? (
            <>
              <span className="hidden print:inline">☐ </span>
              {item.quantity}
            </>
          ) : short ? (
            <>
              <CircleAlert aria-hidden className="mr-1 inline size-3.5" />
              {item.picked} of {item.quantity} · {item.quantity - item.picked} short
            </>
          ) : (
            <>
              <Check aria-hidden className="mr-1 inline size-3.5 text-success" />
              {item.picked} picked
            </>
          )}
        </span>
      </li>
    );
  }
  return (
    <li className="grid gap-0.5">
      <div className="flex items-center justify-between gap-2">
        {destination}
        <span className="flex items-center gap-1.5">
          <Label htmlFor={id} className="sr-only">
            Picked {item.sku} for {item.shipment}
          </Label>
          <span className="hidden text-base tabular-nums print:inline">☐ {item.quantity}</span>
          <Input
            id={id}
            ref={inputRef}
            type="number"
            inputMode="numeric"
            min={0}
            max={item.quantity}
            step={1}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onKeyDown}
            onFocus={(e) => e.currentTarget.select()}
            className={cn("h-8 w-20 text-right print:hidden", typedShort && "border-warning")}
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : `${id}-state`}
          />
          <span id={`${id}-state`} className="w-16 text-xs whitespace-nowrap print:hidden">
            {checked ? (
              <span className={cn("inline-flex items-center gap-0.5 font-medium", typedShort ? "text-warning-soft-foreground" : "text-success-soft-foreground")}>
                <Check aria-hidden className="size-3.5" />
                {typedShort ? `${item.quantity - Number(value)} short` : "checked"}
              </span>
            ) : (
              <span className="text-muted-foreground">of {item.quantity}</span>
            )}
          </span>
        </span>
      </div>
      <FieldError id={`${id}-error`} className="text-right text-xs print:hidden">
        {error}
      </FieldError>
    </li>
  );
}
