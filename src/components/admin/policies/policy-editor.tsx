"use client";

import { useMutation } from "@tanstack/react-query";
import { AlertTriangle, Plus } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "~/components/ui/toast";
import { FormError, StaleNotice } from "~/components/pricing/shared";
import { Button } from "~/components/ui/button";
import { RowMoveButtons, swapped } from "./row-controls";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { ROLE_LABELS, ROLES, type Role } from "~/server/auth/roles";
import { DURATION_UNITS, policyProblems, STEP_KINDS, STEP_LABELS, type DurationUnit, type PolicyStep, type StepKind } from "~/server/fulfillment/policies/policy";
import type { TPolicy } from "~/server/fulfillment/policies/schemas";
import { useTRPC } from "~/trpc/react";
import { focusSoon, parseAmount } from "./format";

const UNIT_LABELS: Record<DurationUnit, string> = { hours: "hours", business_days: "business days" };

/** Who usually owns a step an admin adds. */
const DEFAULT_OWNER: Record<StepKind, Role> = {
  vendor_po: "manager",
  vendor_ships: "manager",
  reserve: "rep",
  pick: "warehouse",
  pack: "warehouse",
  ship: "warehouse",
  collect: "rep",
  invoice: "finance",
  paid: "finance",
};

type DraftStep = { kind: StepKind; amount: string; unit: DurationUnit; owner: Role };
type ServerErrors = { form: string[]; fields: Record<string, string> };
const NO_ERRORS: ServerErrors = { form: [], fields: {} };

const draftOf = (steps: PolicyStep[]): DraftStep[] => steps.map((s) => ({ kind: s.kind, amount: String(s.duration.amount), unit: s.duration.unit, owner: s.owner }));

/**
 * A policy's name and steps being edited: each step's duration and owner, their order, steps added or removed.
 * Saving sends the version the admin opened: the server makes the next version, or refuses a stale one.
 */
export function PolicyEditor({ policy, onCancel, onSaved, onReload }: { policy: TPolicy; onCancel: () => void; onSaved: (policy: TPolicy) => void; onReload: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const uid = useId();
  const [name, setName] = useState(policy.name);
  const [steps, setSteps] = useState<DraftStep[]>(() => draftOf(policy.steps));
  const [adding, setAdding] = useState<StepKind | "">("");
  const [errors, setErrors] = useState<ServerErrors>(NO_ERRORS);
  const [stale, setStale] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const errorsId = `${uid}-errors`;


  const save = useMutation(
    trpc.policies.save.mutationOptions({
      onSuccess: (saved) => {
        toast.success(`${saved.name} saved as version ${saved.version}`, { description: "New orders follow it from now on; orders already submitted keep the version they started with." });
        onSaved(saved);
      },
      onError: (error) => {
        const api = apiErrorOf(error);
        if (api.code === "STALE_VERSION") {
          setStale(api.message);
          return;
        }
        const fields: Record<string, string> = {};
        const form: string[] = [];
        for (const [key, messages] of Object.entries(api.details?.fields ?? {})) {
          if (key === "steps") form.push(...messages);
          else fields[key] = messages.join(", ");
        }
        if (form.length === 0 && Object.keys(fields).length === 0) form.push(api.message);
        // Field errors the table cannot place (e.g. "steps" limits) go on top, naming the step.
        for (const [key, message] of Object.entries(fields)) {
          const step = /^steps\.(\d+)/.exec(key);
          if (key !== "name" && !step) form.push(`${key}: ${message}`);
        }
        setErrors({ form, fields });
        toast.error(`Could not save ${policy.name}`, { description: api.message });
        focusSoon(errorsId);
      },
    }),
  );

  const parsed = steps.map((s) => parseAmount(s.amount));
  // The server's own checks, as hints while editing (the file is pure).
  const hints = [
    ...steps.flatMap((s, i) => (parsed[i] === null ? [`Step ${i + 1} (${STEP_LABELS[s.kind]}) needs a duration of 0 or more.`] : [])),
    ...policyProblems(steps.map((s, i) => ({ kind: s.kind, owner: s.owner, duration: { amount: parsed[i] ?? 0, unit: s.unit } }))),
  ];
  const missing = STEP_KINDS.filter((k) => !steps.some((s) => s.kind === k));

  function change(index: number, patch: Partial<DraftStep>) {
    setSteps((current) => current.map((s, i) => (i === index ? { ...s, ...patch } : s)));
    // This row's messages no longer apply.
    setErrors((current) => ({ form: current.form, fields: Object.fromEntries(Object.entries(current.fields).filter(([k]) => !k.startsWith(`steps.${index}.`))) }));
  }

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= steps.length) return;
    const kind = steps[index]!.kind;
    setSteps((current) => swapped(current, index, by));
    setErrors(NO_ERRORS);
    focusSoon(`${uid}-${kind}-${by < 0 ? "up" : "down"}`, `${uid}-${kind}-${by < 0 ? "down" : "up"}`);
  }

  function remove(index: number) {
    setSteps((current) => current.filter((_, i) => i !== index));
    setErrors(NO_ERRORS);
    focusSoon(`${uid}-add-kind`);
  }

  function add() {
    if (!adding) return;
    setSteps((current) => [...current, { kind: adding, amount: "1", unit: "hours", owner: DEFAULT_OWNER[adding] }]);
    setAdding("");
    setErrors(NO_ERRORS);
    focusSoon(`${uid}-${adding}-amount`);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    parsed.forEach((amount, i) => {
      if (amount === null) fields[`steps.${i}.duration.amount`] = "Enter a number of 0 or more";
    });
    if (!name.trim()) fields.name = "Name is required";
    if (Object.keys(fields).length > 0) {
      setErrors({ form: [], fields });
      const first = Object.keys(fields)[0]!;
      const step = /^steps\.(\d+)/.exec(first);
      document.getElementById(step ? `${uid}-${steps[Number(step[1])]!.kind}-amount` : `${uid}-name`)?.focus();
      return;
    }
    setErrors(NO_ERRORS);
    setStale(null);
    save.mutate({
      code: policy.code,
      version: policy.version,
      name: name.trim() === policy.name ? undefined : name.trim(),
      steps: steps.map((s, i) => ({ kind: s.kind, owner: s.owner, duration: { amount: parsed[i]!, unit: s.unit } })),
    });
  }

  const fieldError = (key: string) => errors.fields[key];
  const errorId = (key: string) => `${uid}-${key.replaceAll(".", "-")}-error`;

  return (
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label={`Edit ${policy.name}`}>
      {stale && (
        <StaleNotice
          message={stale}
          reloading={reloading}
          onReload={() => {
            setReloading(true);
            void onReload().finally(() => setReloading(false));
          }}
        />
      )}
      <div id={errorsId} tabIndex={-1} className="outline-none">
        {errors.form.length > 0 && (
          <FormError>
            <span className="font-medium">The policy was not saved:</span>
            {errors.form.length === 1 ? (
              <> {errors.form[0]}</>
            ) : (
              <ul className="mt-1 list-disc pl-5">
                {errors.form.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </FormError>
        )}
      </div>

      <div className="grid max-w-sm gap-1.5">
        <Label htmlFor={`${uid}-name`}>Name</Label>
        <Input
          id={`${uid}-name`}
          value={name}
          maxLength={60}
          onChange={(e) => {
            setName(e.target.value);
            setErrors((current) => ({ ...current, fields: { ...current.fields, name: "" } }));
          }}
          aria-invalid={!!fieldError("name") || undefined}
          aria-describedby={fieldError("name") ? errorId("name") : undefined}
        />
        <FieldError id={errorId("name")}>{fieldError("name")}</FieldError>
      </div>

      <div className="min-w-0 overflow-x-auto rounded-lg border">
        <Table aria-label={`${policy.name} steps`}>
          <TableHeader>
            <TableRow>
              <TableHead className="w-10">#</TableHead>
              <TableHead>Step</TableHead>
              <TableHead>Duration</TableHead>
              <TableHead>Owner</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">Order and removal</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {steps.map((step, i) => {
              const label = STEP_LABELS[step.kind];
              const id = `${uid}-${step.kind}`;
              const amountKey = `steps.${i}.duration.amount`;
              const rowErrors = Object.entries(errors.fields).filter(([k]) => k.startsWith(`steps.${i}.`) && k !== amountKey);
              return (
                <TableRow key={step.kind}>
                  <TableCell className="align-top text-muted-foreground tabular-nums">
                    <span className="inline-flex h-8 items-center">{i + 1}</span>
                  </TableCell>
                  <TableCell className="align-top font-medium whitespace-nowrap">
                    <span className="inline-flex h-8 items-center">{label}</span>
                    {rowErrors.map(([k, m]) => (
                      <FieldError key={k} id={errorId(k)} className="text-xs whitespace-normal">
                        {m}
                      </FieldError>
                    ))}
                  </TableCell>
                  <TableCell className="align-top">
                    <div className="flex items-center gap-2">
                      <Label htmlFor={`${id}-amount`} className="sr-only">
                        {label} duration
                      </Label>
                      <Input
                        id={`${id}-amount`}
                        inputMode="decimal"
                        value={step.amount}
                        onChange={(e) => change(i, { amount: e.target.value })}
                        className={cn("h-8 w-20 text-right tabular-nums", fieldError(amountKey) && "border-destructive")}
                        aria-invalid={!!fieldError(amountKey) || undefined}
                        aria-describedby={fieldError(amountKey) ? errorId(amountKey) : undefined}
                      />
                      <Label htmlFor={`${id}-unit`} className="sr-only">
                        {label} duration unit
                      </Label>
                      <NativeSelect id={`${id}-unit`} value={step.unit} onChange={(e) => change(i, { unit: e.target.value as DurationUnit })} className="w-40" selectClassName="h-8">
                        {DURATION_UNITS.map((u) => (
                          <option key={u} value={u}>
                            {UNIT_LABELS[u]}
                          </option>
                        ))}
                      </NativeSelect>
                    </div>
                    <FieldError id={errorId(amountKey)} className="mt-1 text-xs">
                      {fieldError(amountKey)}
                    </FieldError>
                  </TableCell>
                  <TableCell className="align-top">
                    <Label htmlFor={`${id}-owner`} className="sr-only">
                      {label} owner
                    </Label>
                    <NativeSelect id={`${id}-owner`} value={step.owner} onChange={(e) => change(i, { owner: e.target.value as Role })} className="w-44" selectClassName="h-8">
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </NativeSelect>
                  </TableCell>
                  <TableCell className="align-top">
                    <div className="flex justify-end gap-0.5">
                      <RowMoveButtons id={id} index={i} count={steps.length} label={label} removeTitle="Remove step" onMove={(by) => move(i, by)} onRemove={() => remove(i)} />
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>

      {missing.length > 0 && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="grid gap-1.5">
            <Label htmlFor={`${uid}-add-kind`}>Add a step</Label>
            <NativeSelect id={`${uid}-add-kind`} value={adding} onChange={(e) => setAdding(e.target.value as StepKind | "")} className="w-56" selectClassName="h-8">
              <option value="">Choose a step…</option>
              {missing.map((k) => (
                <option key={k} value={k}>
                  {STEP_LABELS[k]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button type="button" variant="outline" size="sm" onClick={add} disabled={!adding}>
            <Plus aria-hidden />
            Add step
          </Button>
          <p className="pb-1.5 text-xs text-muted-foreground">Added at the end; move it into place with the arrows.</p>
        </div>
      )}

      <div aria-live="polite">
        {hints.length > 0 && (
          <div className="flex gap-2 rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning-soft-foreground">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <div>
              <p className="font-medium">Fix before saving:</p>
              <ul className="list-disc pl-5">
                {hints.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-2 border-t pt-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save as new version"}
        </Button>
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <p className="text-xs text-muted-foreground">Saves version {policy.version + 1}. Orders already submitted keep version {policy.version} or earlier.</p>
      </div>
    </form>
  );
}
