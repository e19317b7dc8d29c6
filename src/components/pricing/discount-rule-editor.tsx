"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowRight, History, Quote } from "lucide-react";
import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { toast } from "~/components/ui/toast";
import { CustomerCombobox } from "~/components/order-entry/customer-combobox";
import { DateOnly, Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { ReferenceOptions, useReferenceValues } from "~/components/settings/reference-values";
import { CHANNELS, type Channel } from "~/server/orders/constants";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { keepComboboxEscape } from "./dom";
import {
  BENEFIT_LABELS,
  draftFromRule,
  draftToRuleInput,
  emptyRuleDraft,
  isOrderLevel,
  previewSentence,
  type Benefit,
  type RuleDraft,
  type Target,
  type Who,
} from "./discount-rule-form";
import { CategoryPicker, SkuPicker } from "./pickers";
import { CHANNEL_LABELS, FormError, StaleNotice, fieldErrorsOf } from "./shared";

export type DiscountRule = RouterOutputs["pricing"]["discountRules"][number];
export type RuleEditorMode = { kind: "create" } | { kind: "edit"; rule: DiscountRule };
type WhatWouldChange = RouterOutputs["pricing"]["whatWouldChange"];

export function DiscountRuleEditor({ mode, onClose, onSaved }: { mode: RuleEditorMode | null; onClose: () => void; onSaved: (rule: DiscountRule) => void }) {
  return (
    <Dialog open={!!mode} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-4xl" onEscapeKeyDown={keepComboboxEscape}>
        {mode && <RuleForm key={mode.kind === "edit" ? `${mode.rule.code}@${mode.rule.version}` : "new"} mode={mode} onClose={onClose} onSaved={onSaved} />}
      </DialogContent>
    </Dialog>
  );
}

/** Words of the sentence between the inputs. */
function W({ children }: { children: ReactNode }) {
  return <span className="text-sm whitespace-nowrap text-muted-foreground">{children}</span>;
}

const inline = "h-8 w-auto";

function RuleForm({ mode, onClose, onSaved }: { mode: RuleEditorMode; onClose: () => void; onSaved: (rule: DiscountRule) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const isEdit = mode.kind === "edit";
  const [draft, setDraft] = useState<RuleDraft>(() => (isEdit ? draftFromRule(mode.rule) : emptyRuleDraft()));
  const [version, setVersion] = useState(isEdit ? mode.rule.version : 0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [impact, setImpact] = useState<(WhatWouldChange & { sentence: string }) | null>(null);
  const segments = useReferenceValues("segments");

  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.pricing.discountRules.queryKey() });
  const order = isOrderLevel(draft.benefit);
  const sentence = previewSentence(draft);

  /** Shows a failed call's field errors on the form, and a toast naming the first. */
  const showErrors = (e: ReturnType<typeof apiErrorOf>, title: string) => {
    const fields = fieldErrorsOf(e, "rule");
    setErrors(fields);
    const first = Object.entries(fields)[0];
    setFormError(first ? "Fix the highlighted parts of the rule." : e.message);
    toast.error(first ? title : e.message, first ? { description: `${FIELD_NAMES[first[0]] ?? first[0]}: ${first[1]}` } : undefined);
  };

  const create = useMutation(trpc.pricing.createDiscountRule.mutationOptions());
  const update = useMutation(trpc.pricing.updateDiscountRule.mutationOptions());
  const saving = create.isPending || update.isPending;
  const check = useMutation({
    mutationFn: async (input: NonNullable<ReturnType<typeof draftToRuleInput>["input"]>) =>
      queryClient.fetchQuery({ ...trpc.pricing.whatWouldChange.queryOptions({ rule: input }), staleTime: 0 }),
  });

  function validated() {
    setFormError(null);
    const { input, errors: local } = draftToRuleInput(draft);
    setErrors(local);
    if (!input) {
      setFormError("Fix the highlighted parts of the rule.");
      toast.error("The rule is not complete", { description: Object.values(local)[0] });
    }
    return input;
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = validated();
    if (!input) return;
    const done = {
      onSuccess: (rule: DiscountRule) => {
        toast.success(`Discount rule ${rule.code} ${isEdit ? "saved" : "created"}`, { description: rule.summary });
        if (rule.warnings.length > 0) {
          toast.warning(`${rule.code} conflicts with ${rule.warnings.length === 1 ? "another rule" : `${rule.warnings.length} rules`}`, {
            description: rule.warnings.join(" "),
            duration: 12_000,
          });
        }
        void invalidate();
        onSaved(rule);
        onClose();
      },
      onError: (error: unknown) => {
        const e = apiErrorOf(error);
        if (e.code === "STALE_VERSION") {
          setStale(e.message);
          toast.error(e.message);
        } else showErrors(e, "The rule was not saved");
      },
    };
    if (isEdit) update.mutate({ version, rule: input }, done);
    else create.mutate(input, done);
  }

  function whatWouldChange() {
    const input = validated();
    if (!input) return;
    check.mutate(input, {
      onSuccess: (result) => {
        setImpact({ ...result, sentence });
        toast.info(
          result.changed.length === 0
            ? `No recent order would price differently (${result.checked} checked)`
            : `${result.changed.length} of ${result.checked} recent orders would price differently`,
        );
      },
      onError: (error) => showErrors(apiErrorOf(error), "Could not check recent orders"),
    });
  }

  async function reloadLatest() {
    setReloading(true);
    try {
      const rules = await queryClient.fetchQuery({ ...trpc.pricing.discountRules.queryOptions({ includeArchived: true }), staleTime: 0 });
      const latest = rules.find((r) => r.code === draft.code);
      if (!latest) throw new Error(`Discount rule ${draft.code} no longer exists.`);
      setDraft(draftFromRule(latest));
      setVersion(latest.version);
      setStale(null);
      setErrors({});
      setFormError(null);
      setImpact(null);
      void invalidate();
      toast.info(`Loaded version ${latest.version} of ${latest.code}`, { description: "Your unsaved changes were discarded." });
    } catch (error) {
      toast.error(apiErrorOf(error).message);
    } finally {
      setReloading(false);
    }
  }

  const err = (name: string) => errors[name];
  const errAttrs = (name: string) => ({ "aria-invalid": !!errors[name] || undefined, "aria-describedby": errors[name] ? id("sentence-errors") : undefined });
  const sentenceErrors = Object.entries(errors).filter(([k]) => k !== "code" && k !== "name");

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{isEdit ? `Edit discount rule ${mode.rule.code}` : "New discount rule"}</DialogTitle>
        <DialogDescription>Say what the rule gives, on what, for whom and when. Higher priority rules are tried first.</DialogDescription>
      </DialogHeader>

      {stale && <StaleNotice message={stale} onReload={reloadLatest} reloading={reloading} />}

      <div className="grid gap-x-4 gap-y-3 sm:grid-cols-3">
        <div className="grid gap-1.5">
          <Label htmlFor={id("code")}>Code</Label>
          <Input
            id={id("code")}
            value={draft.code}
            onChange={(e) => set("code", e.target.value)}
            readOnly={isEdit}
            placeholder="e.g. FASTENERS-Q1"
            className="font-mono"
            aria-invalid={!!err("code") || undefined}
            aria-describedby={err("code") ? id("code-error") : undefined}
            autoFocus={!isEdit}
          />
          <FieldError id={id("code-error")}>{err("code")}</FieldError>
        </div>
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor={id("name")}>Name</Label>
          <Input
            id={id("name")}
            value={draft.name}
            onChange={(e) => set("name", e.target.value)}
            placeholder="e.g. Fasteners volume discount"
            aria-invalid={!!err("name") || undefined}
            aria-describedby={err("name") ? id("name-error") : undefined}
          />
          <FieldError id={id("name-error")}>{err("name")}</FieldError>
        </div>
      </div>

      <fieldset className="grid gap-3 rounded-lg border bg-muted/30 p-4">
        <legend className="px-1 text-sm font-semibold">The rule</legend>
        {/* Line 1: what it gives, on what */}
        <div className="flex flex-wrap items-center gap-2">
          <W>Give</W>
          {draft.benefit === "bxgy" ? (
            <>
              <W>buy</W>
              <Input aria-label="Buy quantity" inputMode="numeric" value={draft.buy} onChange={(e) => set("buy", e.target.value)} className={cn(inline, "w-16 text-right")} {...errAttrs("buyQuantity")} />
              <W>get</W>
              <Input aria-label="Free quantity" inputMode="numeric" value={draft.get} onChange={(e) => set("get", e.target.value)} className={cn(inline, "w-16 text-right")} {...errAttrs("getQuantity")} />
              <W>free</W>
            </>
          ) : (
            <Input
              aria-label={draft.benefit === "percent" || draft.benefit === "orderPercent" ? "Percent off" : "Amount off"}
              inputMode="decimal"
              value={draft.value}
              onChange={(e) => set("value", e.target.value)}
              placeholder={draft.benefit === "percent" || draft.benefit === "orderPercent" ? "10" : "5.00"}
              className={cn(inline, "w-20 text-right tabular-nums")}
              {...errAttrs(draft.benefit === "percent" || draft.benefit === "orderPercent" ? "percentOff" : "amountOff")}
            />
          )}
          {(draft.benefit === "amount" || draft.benefit === "orderAmount") && <CurrencySelect value={draft.currency} onChange={(v) => set("currency", v)} />}
          <NativeSelect aria-label="Kind of discount" value={draft.benefit} onChange={(e) => set("benefit", e.target.value as Benefit)} className="w-auto" selectClassName="h-8">
            {(Object.keys(BENEFIT_LABELS) as Benefit[]).map((b) => (
              <option key={b} value={b}>
                {b === "bxgy" ? "free items (buy X get Y)" : BENEFIT_LABELS[b]}
              </option>
            ))}
          </NativeSelect>
          {!order && (
            <>
              <W>on</W>
              <NativeSelect aria-label="Applies to" value={draft.target} onChange={(e) => set("target", e.target.value as Target)} className="w-auto" selectClassName="h-8">
                <option value="everything">everything</option>
                <option value="category">category</option>
                <option value="sku">SKU</option>
              </NativeSelect>
              {draft.target === "category" && (
                <CategoryPicker
                  id={id("category")}
                  aria-label="Category"
                  listLabel="Categories"
                  value={draft.category}
                  onValueChange={(v) => set("category", v)}
                  placeholder="Category or a product in it"
                  className="h-8 w-60"
                  {...errAttrs("conditions.category")}
                />
              )}
              {draft.target === "sku" && (
                <SkuPicker
                  id={id("sku")}
                  aria-label="SKU"
                  listLabel="Products"
                  value={draft.sku}
                  onValueChange={(v) => set("sku", v)}
                  placeholder="SKU or product name"
                  className="h-8 w-52"
                  {...errAttrs("conditions.sku")}
                />
              )}
            </>
          )}
        </div>
        {/* Line 2: for whom */}
        <div className="flex flex-wrap items-center gap-2">
          <W>for</W>
          <NativeSelect aria-label="For whom" value={draft.who} onChange={(e) => set("who", e.target.value as Who)} className="w-auto" selectClassName="h-8">
            <option value="everyone">everyone</option>
            <option value="segment">segment</option>
            <option value="customer">customer</option>
          </NativeSelect>
          {draft.who === "segment" && (
            <NativeSelect aria-label="Segment" value={draft.segment} onChange={(e) => set("segment", e.target.value)} className="w-auto" selectClassName="h-8" {...errAttrs("conditions.segment")}>
              <ReferenceOptions values={segments.values} current={draft.segment} />
            </NativeSelect>
          )}
          {draft.who === "customer" && (
            <div className="w-72">
              <Label htmlFor={id("customer")} className="sr-only">
                Customer
              </Label>
              <CustomerCombobox
                id={id("customer")}
                customer={draft.customer}
                onChange={(c) => set("customer", c)}
                invalid={!!err("conditions.customer")}
                describedBy={err("conditions.customer") ? id("sentence-errors") : undefined}
              />
            </div>
          )}
        </div>
        {/* Line 3: when */}
        <div className="flex flex-wrap items-center gap-2">
          <W>when</W>
          {!order && (
            <>
              <W>quantity ≥</W>
              <Input
                aria-label="Minimum quantity"
                inputMode="numeric"
                value={draft.minQuantity}
                onChange={(e) => set("minQuantity", e.target.value)}
                placeholder="any"
                className={cn(inline, "w-20 text-right tabular-nums")}
                {...errAttrs("conditions.minQuantity")}
              />
              <W>and</W>
            </>
          )}
          <W>order ≥</W>
          <Input
            aria-label="Minimum order amount"
            inputMode="decimal"
            value={draft.minOrderAmount}
            onChange={(e) => set("minOrderAmount", e.target.value)}
            placeholder="any"
            className={cn(inline, "w-24 text-right tabular-nums")}
            {...errAttrs("conditions.minOrderAmount")}
          />
          {draft.benefit !== "amount" && draft.benefit !== "orderAmount" && draft.minOrderAmount.trim() !== "" && (
            <CurrencySelect value={draft.currency} onChange={(v) => set("currency", v)} />
          )}
          <W>ordered by</W>
          <NativeSelect aria-label="Channel" value={draft.channel} onChange={(e) => set("channel", e.target.value as Channel | "")} className="w-auto" selectClassName="h-8">
            <option value="">any channel</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c] ?? c}
              </option>
            ))}
          </NativeSelect>
        </div>
        {/* Line 4: dates, priority, stacking */}
        <div className="flex flex-wrap items-center gap-2">
          <W>from</W>
          <Input aria-label="Valid from" type="date" value={draft.validFrom} onChange={(e) => set("validFrom", e.target.value)} className={inline} {...errAttrs("validFrom")} />
          <W>to</W>
          <Input aria-label="Valid to" type="date" value={draft.validTo} onChange={(e) => set("validTo", e.target.value)} className={inline} {...errAttrs("validTo")} />
          <W>, priority</W>
          <Input
            aria-label="Priority"
            inputMode="numeric"
            value={draft.priority}
            onChange={(e) => set("priority", e.target.value)}
            className={cn(inline, "w-16 text-right tabular-nums")}
            {...errAttrs("priority")}
          />
          <label className="ml-2 flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-primary" checked={draft.stackable} onChange={(e) => set("stackable", e.target.checked)} />
            stackable <span className="text-muted-foreground">(combines with other rules; otherwise exclusive)</span>
          </label>
        </div>
        {sentenceErrors.length > 0 && (
          <ul id={id("sentence-errors")} className="list-disc space-y-0.5 pl-5 text-sm font-medium text-destructive">
            {sentenceErrors.map(([field, message]) => (
              <li key={field}>
                {FIELD_NAMES[field] ?? field}: {message}
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <div className="flex items-start gap-3 rounded-lg border border-info/25 bg-info-soft px-4 py-3 text-info-soft-foreground" aria-live="polite">
        <Quote aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <p className="text-sm">
          <span className="sr-only">Preview: </span>
          <span data-testid="rule-preview" className="font-medium">
            {sentence}
          </span>
        </p>
      </div>

      {impact && <ImpactPanel impact={impact} current={impact.sentence === sentence} />}

      <FormError>{formError}</FormError>

      <DialogFooter className="sm:justify-between">
        <Button type="button" variant="outline" onClick={whatWouldChange} disabled={check.isPending}>
          <History aria-hidden="true" /> {check.isPending ? "Checking recent orders…" : "What would change?"}
        </Button>
        <div className="flex flex-col-reverse gap-2 sm:flex-row">
          <Button type="button" variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : isEdit ? "Save rule" : "Create rule"}
          </Button>
        </div>
      </DialogFooter>
    </form>
  );
}

const FIELD_NAMES: Record<string, string> = {
  code: "Code",
  name: "Name",
  percentOff: "Percent off",
  amountOff: "Amount off",
  buyQuantity: "Buy quantity",
  getQuantity: "Free quantity",
  scope: "Kind of discount",
  "conditions.sku": "SKU",
  "conditions.category": "Category",
  "conditions.customer": "Customer",
  "conditions.segment": "Segment",
  "conditions.minQuantity": "Minimum quantity",
  "conditions.minOrderAmount": "Minimum order amount",
  "conditions.channel": "Channel",
  validFrom: "Valid from",
  validTo: "Valid to",
  priority: "Priority",
};

function ImpactPanel({ impact, current }: { impact: WhatWouldChange & { sentence: string }; current: boolean }) {
  const date = (impact as { date?: string }).date;
  return (
    <section aria-labelledby="impact-title" className={cn("grid gap-2 rounded-lg border p-3", !current && "opacity-60")}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="impact-title" className="text-sm font-semibold">
          What would change
        </h3>
        <p className="text-xs text-muted-foreground">
          {impact.checked} recent order{impact.checked === 1 ? "" : "s"} checked
          {date && (
            <>
              , priced as on <DateOnly value={date} />
            </>
          )}
          {!current && " · the rule changed since: check again"}
        </p>
      </div>
      {impact.changed.length === 0 ? (
        <p className="text-sm text-muted-foreground">None of them would price differently with this rule.</p>
      ) : (
        <>
          <p className="text-sm">
            <strong>{impact.changed.length}</strong> order{impact.changed.length === 1 ? "" : "s"} would price differently:
          </p>
          <div className="max-h-56 overflow-y-auto rounded-md border">
            <Table aria-label="Orders that would price differently">
              <TableHeader className="sticky top-0 bg-muted">
                <TableRow>
                  <TableHead>Order</TableHead>
                  <TableHead>Customer</TableHead>
                  <TableHead numeric>Before</TableHead>
                  <TableHead numeric>After</TableHead>
                  <TableHead numeric>Change</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {impact.changed.map((o) => {
                  const currency = (o as { currency?: string }).currency ?? "USD";
                  return (
                    <TableRow key={o.number}>
                      <TableCell>
                        <Link href={`/orders/${encodeURIComponent(o.number)}`} className="font-mono text-xs text-primary hover:underline" target="_blank">
                          {o.number}
                        </Link>
                      </TableCell>
                      <TableCell>
                        {o.customerName} <span className="font-mono text-xs text-muted-foreground">{o.customer}</span>
                      </TableCell>
                      <TableCell numeric>
                        <Money amount={o.before} currency={currency} />
                      </TableCell>
                      <TableCell numeric>
                        <span className="inline-flex items-center gap-1">
                          <ArrowRight aria-hidden="true" className="size-3 text-muted-foreground" />
                          <Money amount={o.after} currency={currency} />
                        </span>
                      </TableCell>
                      <TableCell numeric className={o.after < o.before ? "text-success-soft-foreground" : "text-danger-soft-foreground"}>
                        {o.after < o.before ? "−" : "+"}
                        <Money amount={Math.abs(o.after - o.before)} currency={currency} />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

/** Currencies a rule's amounts can be in (the current one is always offered). */
const CURRENCIES = ["USD", "CAD", "EUR", "GBP", "AUD", "JPY"];

function CurrencySelect({ value, onChange }: { value: string; onChange: (currency: string) => void }) {
  const options = CURRENCIES.includes(value) ? CURRENCIES : [value, ...CURRENCIES];
  return (
    <NativeSelect aria-label="Currency" value={value} onChange={(e) => onChange(e.target.value)} className="w-auto" selectClassName="h-8">
      {options.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </NativeSelect>
  );
}
