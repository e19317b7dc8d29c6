"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, Calculator, Plus, Trash2 } from "lucide-react";
import { useId, useRef, useState } from "react";
import { toast } from "~/components/ui/toast";
import { CustomerCombobox } from "~/components/order-entry/customer-combobox";
import { DateOnly, Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { todayIn } from "~/lib/dates";
import { parseMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { CHANNELS, type Channel } from "~/server/orders/constants";
import { useTRPC, type RouterInputs, type RouterOutputs } from "~/trpc/react";
import { SkuPicker } from "./pickers";
import { useReferenceValues } from "~/components/settings/reference-values";
import { CHANNEL_LABELS, FormError, SectionHeader, fieldErrorsOf } from "./shared";

type SimInput = RouterInputs["pricing"]["simulate"];
type SimResult = RouterOutputs["pricing"]["simulate"];
type Row = { key: number; sku: string; quantity: string; price: string; reason: string };

let nextKey = 0;
const newRow = (key = ++nextKey): Row => ({ key, sku: "", quantity: "1", price: "", reason: "" });

const STEP_LABELS: Record<string, string> = {
  list_price: "List price",
  price_list: "Price list",
  discount: "Discount",
  skipped: "Not applied",
  order_discount: "Order discount",
  override: "Manual price",
  tax: "Tax",
  rounding: "Rounding",
};

/** "lines.0.sku", "no product…" → "Line 1, SKU: no product…" */
function describeField(key: string, message: string): string {
  const names: Record<string, string> = { sku: "SKU", quantity: "Quantity", unitPrice: "Manual price", overrideReason: "Reason", customer: "Customer", date: "Date" };
  const line = /^lines\.(\d+)\.(\w+)$/.exec(key);
  if (line) return `Line ${Number(line[1]) + 1}, ${names[line[2]!] ?? line[2]}: ${message}`;
  return `${names[key] ?? key}: ${message}`;
}

/** The price simulator: what a customer would pay for some SKUs on a date, every step explained. */
export function SimulatorPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const [customer, setCustomer] = useState<{ code: string; name: string } | null>(null);
  const [channel, setChannel] = useState<Channel>("phone");
  const [date, setDate] = useState(() => todayIn());
  // The first row's key is fixed: it is part of element ids, which must match between server and client render.
  const [rows, setRows] = useState<Row[]>(() => [newRow(0)]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<SimResult | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const simulate = useMutation({
    mutationFn: (input: SimInput) => queryClient.fetchQuery({ ...trpc.pricing.simulate.queryOptions(input), staleTime: 0 }),
  });

  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const addRow = () => {
    setRows((rs) => [...rs, newRow()]);
    requestAnimationFrame(() => {
      const inputs = gridRef.current?.querySelectorAll<HTMLInputElement>('[data-col="sku"]');
      inputs?.[inputs.length - 1]?.focus();
    });
  };
  const removeRow = (i: number) => setRows((rs) => (rs.length > 1 ? rs.filter((_, n) => n !== i) : [newRow()]));

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const local: Record<string, string> = {};
    if (!customer) local.customer = "Choose a customer";
    const sent: number[] = [];
    const lines: SimInput["lines"] = [];
    rows.forEach((r, i) => {
      if (!r.sku.trim() && !r.price.trim()) return;
      if (!r.sku.trim()) local[`lines.${i}.sku`] = "Give a SKU";
      const quantity = Number(r.quantity);
      if (!Number.isInteger(quantity) || quantity < 1) local[`lines.${i}.quantity`] = "A whole number, 1 or more";
      let unitPrice: number | undefined;
      if (r.price.trim()) {
        try {
          unitPrice = parseMoney(r.price.trim().replace(/^\$/, ""));
        } catch {
          local[`lines.${i}.unitPrice`] = "An amount like 19.99";
        }
        if (!r.reason.trim()) local[`lines.${i}.overrideReason`] = "Say why the price is set by hand";
      }
      sent.push(i);
      lines.push({ sku: r.sku.trim(), quantity, ...(unitPrice !== undefined ? { unitPrice, overrideReason: r.reason.trim() } : {}) });
    });
    if (lines.length === 0) local["lines.0.sku"] = "Add at least one SKU";
    setErrors(local);
    if (Object.keys(local).length > 0 || !customer) {
      toast.error("The simulation is missing something", { description: Object.values(local)[0] });
      return;
    }
    simulate.mutate(
      { customer: customer.code, channel, date: date || undefined, lines },
      {
        onSuccess: (r) => {
          setResult(r);
          const approvals = r.lines.filter((l) => l.approval).length;
          toast.success(`Priced ${r.lines.length} line${r.lines.length === 1 ? "" : "s"} for ${r.customer.name}`, {
            description: approvals ? `${approvals} line${approvals === 1 ? " needs" : "s need"} a manager's approval` : undefined,
          });
        },
        onError: (error) => {
          const e = apiErrorOf(error);
          // The server names lines by their index in what was sent.
          const fields = Object.fromEntries(
            Object.entries(fieldErrorsOf(e)).map(([k, v]) => {
              const m = /^lines\.(\d+)\.(\w+)$/.exec(k);
              return [m ? `lines.${sent[Number(m[1])] ?? m[1]}.${m[2]}` : k, v];
            }),
          );
          setErrors(fields);
          const first = Object.entries(fields)[0];
          setFormError(first ? null : e.message);
          toast.error(first ? "Could not price these lines" : e.message, first ? { description: describeField(first[0], first[1]) } : undefined);
        },
      },
    );
  }

  return (
    <section aria-labelledby="simulator-title" className="grid gap-2">
      <SectionHeader
        id="simulator-title"
        title="Price simulator"
        description="What a customer would pay for these SKUs on a date, with every step: price list and tier, discount rules applied or skipped, manual price, tax and rounding."
      />
      <form onSubmit={submit} noValidate className="grid gap-4 rounded-lg border bg-background p-4">
        <div className="grid items-start gap-4 sm:grid-cols-[minmax(0,22rem)_12rem_12rem]">
          <div className="grid gap-1.5">
            <Label htmlFor={id("customer")}>Customer</Label>
            <CustomerCombobox
              id={id("customer")}
              customer={customer}
              onChange={setCustomer}
              invalid={!!errors.customer}
              describedBy={errors.customer ? id("customer-error") : undefined}
            />
            <FieldError id={id("customer-error")}>{errors.customer}</FieldError>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={id("channel")}>Channel</Label>
            <NativeSelect id={id("channel")} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c] ?? c}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={id("date")}>Date</Label>
            <Input
              id={id("date")}
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              aria-invalid={!!errors.date || undefined}
              aria-describedby={errors.date ? id("date-error") : undefined}
            />
            <FieldError id={id("date-error")}>{errors.date}</FieldError>
          </div>
        </div>

        <div ref={gridRef} className="rounded-md border">
          <table className="w-full text-sm" aria-label="Lines to price">
            <thead className="bg-muted/50 text-xs text-muted-foreground">
              <tr className="border-b">
                <th scope="col" className="w-10 px-2 py-2 text-right font-medium">
                  #
                </th>
                <th scope="col" className="px-2 py-2 text-left font-medium">
                  SKU
                </th>
                <th scope="col" className="w-28 px-2 py-2 text-right font-medium">
                  Quantity
                </th>
                <th scope="col" className="w-44 px-2 py-2 text-right font-medium whitespace-nowrap">
                  Manual price <span className="font-normal">(optional)</span>
                </th>
                <th scope="col" className="px-2 py-2 text-left font-medium">
                  Reason for the manual price
                </th>
                <th scope="col" className="w-12 px-2 py-2">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const n = i + 1;
                const rowErrors = ["sku", "quantity", "unitPrice", "overrideReason"].map((f) => errors[`lines.${i}.${f}`]).filter(Boolean);
                const errorId = id(`line-${r.key}-error`);
                return (
                  <tr key={r.key} className="border-b align-top last:border-0">
                    <td className="px-2 py-1.5 pt-3 text-right text-xs text-muted-foreground tabular-nums">{n}</td>
                    <td className="px-2 py-1.5">
                      <SkuPicker
                        id={id(`line-${r.key}-sku`)}
                        data-col="sku"
                        aria-label={`SKU, line ${n}`}
                        listLabel={`Products for line ${n}`}
                        value={r.sku}
                        onValueChange={(sku) => update(i, { sku })}
                        placeholder="SKU or product name"
                        className="h-8"
                        aria-invalid={!!errors[`lines.${i}.sku`] || undefined}
                        aria-describedby={rowErrors.length ? errorId : undefined}
                      />
                      {rowErrors.length > 0 && (
                        <p id={errorId} className="mt-1 text-xs font-medium text-destructive">
                          {rowErrors.join(" · ")}
                        </p>
                      )}
                    </td>
                    <td className="px-2 py-1.5">
                      <Input
                        aria-label={`Quantity, line ${n}`}
                        inputMode="numeric"
                        value={r.quantity}
                        onChange={(e) => update(i, { quantity: e.target.value })}
                        className="h-8 text-right tabular-nums"
                        aria-invalid={!!errors[`lines.${i}.quantity`] || undefined}
                      />
                    </td>
                    <td className="px-2 py-1.5">
                      <Input
                        aria-label={`Manual price, line ${n}`}
                        inputMode="decimal"
                        value={r.price}
                        onChange={(e) => update(i, { price: e.target.value })}
                        placeholder="computed"
                        className="h-8 text-right tabular-nums"
                        aria-invalid={!!errors[`lines.${i}.unitPrice`] || undefined}
                      />
                    </td>
                    <td className="px-2 py-1.5">
                      <Input
                        aria-label={`Reason, line ${n}`}
                        value={r.reason}
                        onChange={(e) => update(i, { reason: e.target.value })}
                        placeholder={r.price.trim() ? "e.g. matched a competitor's quote" : ""}
                        disabled={!r.price.trim()}
                        className="h-8"
                        aria-invalid={!!errors[`lines.${i}.overrideReason`] || undefined}
                      />
                    </td>
                    <td className="px-1 py-1.5 text-center">
                      <Button type="button" variant="ghost" size="icon" className="size-8" aria-label={`Remove line ${n}`} onClick={() => removeRow(i)}>
                        <Trash2 aria-hidden="true" />
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <FormError>{formError}</FormError>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Button type="button" variant="outline" size="sm" onClick={addRow}>
            <Plus aria-hidden="true" /> Add line
          </Button>
          <Button type="submit" disabled={simulate.isPending}>
            <Calculator aria-hidden="true" /> {simulate.isPending ? "Pricing…" : "Simulate"}
          </Button>
        </div>
      </form>

      <div aria-live="polite" aria-busy={simulate.isPending} className="mt-4">
        {result ? (
          <SimulationResult result={result} stale={simulate.isPending} />
        ) : (
          <EmptyState
            icon={Calculator}
            title="Pick a customer and some SKUs, then Simulate"
            description="The result shows each line's unit price, discount, tax and total, and the steps that produced them."
          />
        )}
      </div>
    </section>
  );
}

function SimulationResult({ result, stale }: { result: SimResult; stale: boolean }) {
  const { currency } = result;
  const approvals = result.lines.filter((l) => l.approval);
  const segments = useReferenceValues("segments");
  return (
    <section aria-labelledby="sim-result-title" className={cn("grid gap-4", stale && "opacity-60")}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="sim-result-title" className="text-base font-semibold">
          {result.customer.name} <span className="font-mono text-xs font-normal text-muted-foreground">{result.customer.code}</span>
        </h3>
        <p className="text-sm text-muted-foreground">
          Segment {segments.nameOf(result.customer.segment)} · priced as on <DateOnly value={result.date} /> · {currency}
        </p>
      </div>
      {approvals.length > 0 && (
        <div role="alert" className="flex items-start gap-2 rounded-lg border border-warning/40 bg-warning-soft px-4 py-3 text-sm text-warning-soft-foreground">
          <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <p>
            <strong>Approval needed:</strong> {approvals.length} line{approvals.length === 1 ? "" : "s"} would send the order to a manager for price approval.
          </p>
        </div>
      )}
      <ol className="grid gap-3" aria-label="Priced lines">
        {result.lines.map((line, i) => (
          <li key={`${line.sku}-${i}`} className="rounded-lg border bg-background">
            <div className="grid grid-cols-[minmax(0,1fr)_repeat(5,8.5rem)] items-baseline gap-3 border-b px-4 py-3 text-sm">
              <div>
                <span className="text-xs text-muted-foreground">Line {i + 1}</span>
                <p className="font-mono text-sm font-medium">{line.sku}</p>
              </div>
              <Figure label="Quantity">{line.quantity}</Figure>
              <Figure label="Unit price">
                <Money amount={line.unitPrice} currency={currency} />
              </Figure>
              <Figure label="Discount">{line.discount ? <Money amount={-line.discount} currency={currency} /> : <span className="text-muted-foreground">—</span>}</Figure>
              <Figure label="Line total">
                <Money amount={line.lineTotal} currency={currency} className="font-semibold" />
              </Figure>
              <Figure label="Tax">
                <Money amount={line.tax} currency={currency} />
              </Figure>
            </div>
            {line.approval && (
              <p className="mx-4 mt-3 flex items-start gap-2 rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning-soft-foreground">
                <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                <span>
                  <strong>Approval needed:</strong> {line.approval}
                </span>
              </p>
            )}
            <div className="px-4 py-3">
              <h4 className="mb-2 text-xs font-medium text-muted-foreground">How this price was reached</h4>
              <ol className="grid gap-1.5" aria-label={`Explanation for line ${i + 1}, ${line.sku}`}>
                {line.explanation.map((step, s) => (
                  <li key={s} className={cn("grid grid-cols-[1.5rem_7.5rem_minmax(0,1fr)_9rem] items-baseline gap-2 text-sm", step.step === "skipped" && "text-muted-foreground")}>
                    <span className="text-right text-xs text-muted-foreground tabular-nums">{s + 1}.</span>
                    <span>
                      <Badge variant={step.step === "skipped" ? "neutral" : step.step === "override" ? "warning" : step.step.includes("discount") ? "success" : "outline"}>
                        {STEP_LABELS[step.step] ?? step.step.replace(/[_-]+/g, " ")}
                      </Badge>
                    </span>
                    <span>{step.description}</span>
                    <span className="text-right tabular-nums">
                      {step.unitPrice !== undefined ? (
                        <>
                          <Money amount={step.unitPrice} currency={currency} /> <span className="text-xs text-muted-foreground">each</span>
                        </>
                      ) : step.amount !== undefined ? (
                        <Money amount={step.step.includes("discount") ? -step.amount : step.amount} currency={currency} />
                      ) : null}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          </li>
        ))}
      </ol>
      <dl className="ml-auto grid w-full max-w-xs grid-cols-[1fr_auto] gap-x-6 gap-y-1 rounded-lg border bg-background px-4 py-3 text-sm" aria-label="Totals">
        <dt className="text-muted-foreground">Subtotal</dt>
        <dd className="text-right">
          <Money amount={result.subtotal} currency={currency} />
        </dd>
        <dt className="text-muted-foreground">Discounts</dt>
        <dd className="text-right">
          <Money amount={-result.discountTotal} currency={currency} />
        </dd>
        <dt className="text-muted-foreground">Tax</dt>
        <dd className="text-right">
          <Money amount={result.taxTotal} currency={currency} />
        </dd>
        <dt className="border-t pt-1 font-semibold">Total</dt>
        <dd className="border-t pt-1 text-right font-semibold">
          <Money amount={result.total} currency={currency} />
        </dd>
      </dl>
    </section>
  );
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="text-right">
      <span className="block text-xs text-muted-foreground">{label}</span>
      <span className="tabular-nums">{children}</span>
    </div>
  );
}
