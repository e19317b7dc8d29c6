"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, ListOrdered, Plus } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "~/components/ui/toast";
import { CHANNEL_LABELS, centsToInput, FormError, LoadError, SectionHeader, TableSkeleton } from "~/components/pricing/shared";
import { Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { RowMoveButtons, SaveBar, swapped } from "./row-controls";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { parseMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { TPolicy, TPolicyRule } from "~/server/fulfillment/policies/schemas";
import { CHANNELS } from "~/server/orders/constants";
import { useReferenceValues } from "~/components/settings/reference-values";
import { useTRPC } from "~/trpc/react";
import { focusSoon } from "./format";
import { choiceText, MultiSelect, type Option } from "./multi-select";

const CHANNEL_OPTIONS: Option[] = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] ?? c }));

type DraftRule = { key: number; policyCode: string; channels: string[]; segments: string[]; categories: string[]; min: string; max: string };

let nextKey = 1;
const draftOf = (rule: TPolicyRule): DraftRule => ({
  key: nextKey++,
  policyCode: rule.policyCode,
  channels: rule.channels,
  segments: rule.segments,
  categories: rule.categories,
  min: centsToInput(rule.minTotal),
  max: centsToInput(rule.maxTotal),
});
const comparable = (rules: DraftRule[]) => JSON.stringify(rules.map(({ key: _key, ...r }) => ({ ...r, min: r.min.trim(), max: r.max.trim() })));
const isUnconditional = (r: DraftRule) => !r.channels.length && !r.segments.length && !r.categories.length && !r.min.trim() && !r.max.trim();

/** Dollars typed by the admin → cents, or an error; empty is no bound. */
function parseDollars(text: string): { cents: number | null } | { error: string } {
  const trimmed = text.trim().replace(/^\$/, "").replaceAll(",", "");
  if (!trimmed) return { cents: null };
  try {
    const cents = parseMoney(trimmed, "USD");
    return cents < 0 ? { error: "0 or more" } : { cents };
  } catch {
    return { error: "An amount in dollars, e.g. 2500 or 99.50" };
  }
}

/** Which policy a new order follows: the rules in order, first match wins, else the default policy. */
export function RulesPanel({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const rules = useQuery(trpc.policies.rules.queryOptions({}));
  const policies = useQuery(trpc.policies.list.queryOptions({}));
  const categories = useQuery({ ...trpc.products.categories.queryOptions({ limit: 500 }), staleTime: 5 * 60_000 });
  const segments = useReferenceValues("segments");
  const defaultPolicy = policies.data?.items.find((p) => p.isDefault);

  const header = (
    <SectionHeader
      title="Rules"
      description={
        <>
          When an order is submitted the rules are tried from the top: the first whose conditions all hold chooses its policy; an order no rule matches follows the default policy
          {defaultPolicy ? ` (${defaultPolicy.name})` : ""}. An empty condition matches any order. Orders already submitted keep the policy they were given.
        </>
      }
    />
  );
  const failed = rules.error ?? policies.error ?? categories.error ?? segments.query.error;
  if (failed) {
    return (
      <>
        {header}
        <LoadError
          what="the rules"
          error={failed}
          onRetry={() => {
            void rules.refetch();
            void policies.refetch();
            void categories.refetch();
            void segments.query.refetch();
          }}
        />
      </>
    );
  }
  if (!rules.data || !policies.data || !categories.data || !segments.query.data) {
    return (
      <>
        {header}
        <TableSkeleton label="Loading rules…" />
      </>
    );
  }
  const categoryOptions: Option[] = categories.data.items.map((c) => ({ value: c.code, label: c.name }));
  // Active segments, and archived ones the saved rules still name (they keep them).
  const used = new Set(rules.data.items.flatMap((r) => r.segments));
  const segmentOptions: Option[] = segments.values.filter((v) => !v.isArchived || used.has(v.code)).map((v) => ({ value: v.code, label: segments.nameOf(v.code) }));
  return (
    <>
      {header}
      {canManage ? (
        <RulesEditor initial={rules.data.items} policies={policies.data.items} categoryOptions={categoryOptions} segmentOptions={segmentOptions} defaultPolicy={defaultPolicy} />
      ) : (
        <RulesTable rules={rules.data.items} policies={policies.data.items} categoryOptions={categoryOptions} segmentOptions={segmentOptions} defaultPolicy={defaultPolicy} />
      )}
    </>
  );
}

function policyName(policies: TPolicy[], code: string) {
  return policies.find((p) => p.code === code)?.name ?? code;
}

function RulesTable({ rules, policies, categoryOptions, segmentOptions, defaultPolicy }: { rules: TPolicyRule[]; policies: TPolicy[]; categoryOptions: Option[]; segmentOptions: Option[]; defaultPolicy?: TPolicy }) {
  return (
    <div className="min-w-0 overflow-x-auto rounded-lg border bg-background">
      <Table aria-label="Policy rules">
        <TableHeader>
          <TableRow>
            <TableHead className="w-10">#</TableHead>
            <TableHead>Channels</TableHead>
            <TableHead>Segments</TableHead>
            <TableHead>Categories</TableHead>
            <TableHead>Order total</TableHead>
            <TableHead>Policy</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rules.map((r, i) => (
            <TableRow key={i}>
              <TableCell className="tabular-nums text-muted-foreground">{i + 1}</TableCell>
              <TableCell>{choiceText(CHANNEL_OPTIONS, r.channels, "Any channel")}</TableCell>
              <TableCell>{choiceText(segmentOptions, r.segments, "Any segment")}</TableCell>
              <TableCell className="max-w-72">{choiceText(categoryOptions, r.categories, "Any category")}</TableCell>
              <TableCell className="whitespace-nowrap">
                <TotalText min={r.minTotal} max={r.maxTotal} />
              </TableCell>
              <TableCell className="font-medium">{policyName(policies, r.policyCode)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell />
            <TableCell colSpan={4} className="text-muted-foreground">
              Any other order
            </TableCell>
            <TableCell className="font-medium">{defaultPolicy?.name ?? "The default policy"}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}

function TotalText({ min, max }: { min: number | null; max: number | null }) {
  if (min === null && max === null) return <span className="text-muted-foreground">Any total</span>;
  if (max === null)
    return (
      <>
        <Money amount={min} /> or more
      </>
    );
  if (min === null)
    return (
      <>
        Up to <Money amount={max} />
      </>
    );
  return (
    <>
      <Money amount={min} /> – <Money amount={max} />
    </>
  );
}

function RulesEditor({
  initial,
  policies,
  categoryOptions,
  segmentOptions,
  defaultPolicy,
}: {
  initial: TPolicyRule[];
  policies: TPolicy[];
  categoryOptions: Option[];
  segmentOptions: Option[];
  defaultPolicy?: TPolicy;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const uid = useId();
  const [base, setBase] = useState(() => initial.map(draftOf));
  const [rules, setRules] = useState(base);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const errorsId = `${uid}-errors`;
  const dirty = comparable(rules) !== comparable(base);
  const active = policies.filter((p) => !p.isArchived);


  const save = useMutation(
    trpc.policies.saveRules.mutationOptions({
      onSuccess: (saved) => {
        const next = saved.items.map(draftOf);
        setBase(next);
        setRules(next);
        queryClient.setQueryData(trpc.policies.rules.queryKey({}), saved);
        toast.success(`Rules saved: ${saved.items.length} rule${saved.items.length === 1 ? "" : "s"}`, { description: "Orders submitted from now on are matched against them." });
      },
      onError: (error) => {
        const api = apiErrorOf(error);
        const byField: Record<string, string> = {};
        const form: string[] = [];
        for (const [key, messages] of Object.entries(api.details?.fields ?? {})) {
          const m = /^rules\.(\d+)(?:\.(\w+))?/.exec(key);
          const text = messages.join(", ");
          if (m) {
            byField[m[2] ? `${m[1]}.${m[2]}` : m[1]!] = text;
            form.push(`Rule ${Number(m[1]) + 1}${m[2] ? ` (${FIELD_LABELS[m[2]] ?? m[2]})` : ""}: ${text}`);
          } else form.push(`${key}: ${text}`);
        }
        if (form.length === 0) form.push(api.message);
        setFields(byField);
        setFormErrors(form);
        toast.error("Could not save the rules", { description: api.message });
        focusSoon(errorsId);
      },
    }),
  );

  function change(index: number, patch: Partial<DraftRule>) {
    setRules((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    const names = Object.keys(patch).map((k) => (k === "min" ? "minTotal" : k === "max" ? "maxTotal" : k));
    setFields((current) => Object.fromEntries(Object.entries(current).filter(([k]) => !names.some((n) => k === `${index}.${n}`) && k !== String(index))));
  }

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= rules.length) return;
    const key = rules[index]!.key;
    setRules((current) => swapped(current, index, by));
    setFields({});
    setFormErrors([]);
    focusSoon(`${uid}-${key}-${by < 0 ? "up" : "down"}`, `${uid}-${key}-${by < 0 ? "down" : "up"}`);
  }

  function remove(index: number) {
    setRules((current) => current.filter((_, i) => i !== index));
    setFields({});
    setFormErrors([]);
    focusSoon(`${uid}-add`);
  }

  function add() {
    const rule: DraftRule = { key: nextKey++, policyCode: active.find((p) => !p.isDefault)?.code ?? active[0]?.code ?? "", channels: [], segments: [], categories: [], min: "", max: "" };
    setRules((current) => [...current, rule]);
    focusSoon(`${uid}-${rule.key}-policy`);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const out: TPolicyRule[] = rules.map((r, i) => {
      const min = parseDollars(r.min);
      const max = parseDollars(r.max);
      if ("error" in min) problems[`${i}.minTotal`] = min.error;
      if ("error" in max) problems[`${i}.maxTotal`] = max.error;
      const minTotal = "cents" in min ? min.cents : null;
      const maxTotal = "cents" in max ? max.cents : null;
      if (minTotal !== null && maxTotal !== null && minTotal > maxTotal) problems[`${i}.maxTotal`] = "must be at least the minimum";
      return { policyCode: r.policyCode, channels: r.channels as TPolicyRule["channels"], segments: r.segments as TPolicyRule["segments"], categories: r.categories, minTotal, maxTotal };
    });
    if (Object.keys(problems).length > 0) {
      setFields(problems);
      setFormErrors(Object.entries(problems).map(([k, m]) => `Rule ${Number(k.split(".")[0]) + 1} (${FIELD_LABELS[k.split(".")[1]!]}): ${m}`));
      focusSoon(errorsId);
      return;
    }
    setFields({});
    setFormErrors([]);
    save.mutate({ rules: out });
  }

  const shadowing = rules.findIndex((r, i) => isUnconditional(r) && i < rules.length - 1);
  const errorId = (key: string) => `${uid}-${key.replaceAll(".", "-")}-error`;
  const describe = (key: string) => (fields[key] ? errorId(key) : undefined);

  return (
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label="Policy rules">
      <div id={errorsId} tabIndex={-1} className="outline-none">
        {formErrors.length > 0 && (
          <FormError>
            <span className="font-medium">The rules were not saved:</span>
            <ul className="mt-1 list-disc pl-5">
              {formErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </FormError>
        )}
      </div>

      {rules.length === 0 ? (
        <p className="rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">No rules: every order follows {defaultPolicy?.name ?? "the default policy"}.</p>
      ) : (
        <ol aria-label="Rules, first match wins" className="grid gap-3">
          {rules.map((rule, i) => {
            const id = `${uid}-${rule.key}`;
            const title = `Rule ${i + 1}`;
            const ruleError = fields[String(i)];
            return (
              <li key={rule.key} aria-label={title} className={cn("min-w-0 rounded-lg border bg-card p-3 shadow-xs", ruleError && "border-destructive")}>
                <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
                  <span className="flex size-7 items-center justify-center self-center rounded-full bg-muted text-xs font-semibold tabular-nums" aria-hidden>
                    {i + 1}
                  </span>
                  <div className="grid min-w-52 flex-1 gap-1 sm:max-w-xs">
                    <Label htmlFor={`${id}-policy`} className="text-xs text-muted-foreground">
                      <span className="sr-only">{title}: </span>Orders matching all conditions follow
                    </Label>
                    <NativeSelect
                      id={`${id}-policy`}
                      value={rule.policyCode}
                      onChange={(e) => change(i, { policyCode: e.target.value })}
                      aria-invalid={!!fields[`${i}.policyCode`] || undefined}
                      aria-describedby={describe(`${i}.policyCode`)}
                    >
                      {!policies.some((p) => p.code === rule.policyCode) && <option value={rule.policyCode}>{rule.policyCode} (unknown)</option>}
                      {policies
                        .filter((p) => !p.isArchived || p.code === rule.policyCode)
                        .map((p) => (
                          <option key={p.code} value={p.code}>
                            {p.name}
                            {p.isArchived ? " (archived)" : ""}
                          </option>
                        ))}
                    </NativeSelect>
                  </div>
                  <div className="ml-auto flex gap-0.5">
                    <RowMoveButtons id={id} index={i} count={rules.length} label={`rule ${i + 1}`} removeTitle="Remove rule" onMove={(by) => move(i, by)} onRemove={() => remove(i)} />
                  </div>
                </div>
                <FieldError id={errorId(`${i}.policyCode`)} className="mt-1 text-xs">
                  {fields[`${i}.policyCode`]}
                </FieldError>

                <div className="mt-3 grid gap-3 md:grid-cols-2 xl:grid-cols-4">
                  <div className="grid min-w-0 gap-1">
                    <Label id={`${id}-channels-label`} htmlFor={`${id}-channels`} className="text-xs text-muted-foreground">
                      <span className="sr-only">{title}: </span>Channels
                    </Label>
                    <MultiSelect
                      id={`${id}-channels`}
                      labelledBy={`${id}-channels-label`}
                      options={CHANNEL_OPTIONS}
                      value={rule.channels}
                      onChange={(channels) => change(i, { channels })}
                      anyLabel="Any channel"
                      invalid={!!fields[`${i}.channels`]}
                      describedBy={describe(`${i}.channels`)}
                    />
                    <FieldError id={errorId(`${i}.channels`)} className="text-xs">
                      {fields[`${i}.channels`]}
                    </FieldError>
                  </div>
                  <div className="grid min-w-0 gap-1">
                    <Label id={`${id}-segments-label`} htmlFor={`${id}-segments`} className="text-xs text-muted-foreground">
                      <span className="sr-only">{title}: </span>Customer segments
                    </Label>
                    <MultiSelect
                      id={`${id}-segments`}
                      labelledBy={`${id}-segments-label`}
                      options={segmentOptions}
                      value={rule.segments}
                      onChange={(segments) => change(i, { segments })}
                      anyLabel="Any segment"
                      invalid={!!fields[`${i}.segments`]}
                      describedBy={describe(`${i}.segments`)}
                    />
                    <FieldError id={errorId(`${i}.segments`)} className="text-xs">
                      {fields[`${i}.segments`]}
                    </FieldError>
                  </div>
                  <div className="grid min-w-0 gap-1">
                    <Label id={`${id}-categories-label`} htmlFor={`${id}-categories`} className="text-xs text-muted-foreground">
                      <span className="sr-only">{title}: </span>Any line in categories
                    </Label>
                    <MultiSelect
                      id={`${id}-categories`}
                      labelledBy={`${id}-categories-label`}
                      options={categoryOptions}
                      value={rule.categories}
                      onChange={(categories) => change(i, { categories })}
                      anyLabel="Any category"
                      invalid={!!fields[`${i}.categories`]}
                      describedBy={describe(`${i}.categories`)}
                    />
                    <FieldError id={errorId(`${i}.categories`)} className="text-xs">
                      {fields[`${i}.categories`]}
                    </FieldError>
                  </div>
                  <fieldset className="grid min-w-0 gap-1">
                    <legend className="mb-1 text-xs font-medium text-muted-foreground">
                      <span className="sr-only">{title}: </span>Order total ($)
                    </legend>
                    <div className="flex items-center gap-1.5">
                      <Label htmlFor={`${id}-min`} className="sr-only">
                        {title}: order total from (dollars)
                      </Label>
                      <Input
                        id={`${id}-min`}
                        inputMode="decimal"
                        placeholder="From"
                        value={rule.min}
                        onChange={(e) => change(i, { min: e.target.value })}
                        className="min-w-0 text-right tabular-nums"
                        aria-invalid={!!fields[`${i}.minTotal`] || undefined}
                        aria-describedby={describe(`${i}.minTotal`)}
                      />
                      <span aria-hidden className="text-muted-foreground">
                        –
                      </span>
                      <Label htmlFor={`${id}-max`} className="sr-only">
                        {title}: order total up to (dollars)
                      </Label>
                      <Input
                        id={`${id}-max`}
                        inputMode="decimal"
                        placeholder="To"
                        value={rule.max}
                        onChange={(e) => change(i, { max: e.target.value })}
                        className="min-w-0 text-right tabular-nums"
                        aria-invalid={!!fields[`${i}.maxTotal`] || undefined}
                        aria-describedby={describe(`${i}.maxTotal`)}
                      />
                    </div>
                    <FieldError id={errorId(`${i}.minTotal`)} className="text-xs">
                      {fields[`${i}.minTotal`]}
                    </FieldError>
                    <FieldError id={errorId(`${i}.maxTotal`)} className="text-xs">
                      {fields[`${i}.maxTotal`]}
                    </FieldError>
                  </fieldset>
                </div>
                {ruleError && (
                  <p role="alert" className="mt-2 text-sm font-medium text-destructive">
                    {ruleError}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}

      <p className="flex items-center gap-2 rounded-lg border border-dashed px-3 py-2 text-sm text-muted-foreground">
        <ListOrdered aria-hidden className="size-4 shrink-0" />
        <span>
          Any other order follows <span className="font-medium text-foreground">{defaultPolicy?.name ?? "the default policy"}</span>, the default policy.
        </span>
      </p>

      <div aria-live="polite">
        {shadowing >= 0 && (
          <p className="flex items-center gap-2 rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning-soft-foreground">
            <AlertTriangle aria-hidden className="size-4 shrink-0" />
            Rule {shadowing + 1} has no conditions, so it matches every order and the rules after it would never apply. Give it a condition or move it to the end.
          </p>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-2 border-t pt-3">
        <SaveBar
          dirty={dirty}
          pending={save.isPending}
          saveLabel="Save rules"
          onDiscard={() => {
            setRules(base);
            setFields({});
            setFormErrors([]);
          }}
        >
          <Button id={`${uid}-add`} type="button" variant="outline" onClick={add} disabled={rules.length >= 50 || active.length === 0}>
            <Plus aria-hidden />
            Add rule
          </Button>
        </SaveBar>
      </div>
    </form>
  );
}

const FIELD_LABELS: Record<string, string> = {
  policyCode: "policy",
  channels: "channels",
  segments: "segments",
  categories: "categories",
  minTotal: "order total from",
  maxTotal: "order total up to",
};
