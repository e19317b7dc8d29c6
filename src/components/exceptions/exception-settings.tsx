"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Plus, RotateCcw, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { DateTime } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { EXCEPTION_LABELS, EXCEPTION_SEVERITIES, EXCEPTION_TYPES, OWNING_TEAM, type ExceptionSeverity, type ExceptionType } from "~/server/exceptions/constants";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { useExceptionsChanged } from "./dialogs";
import { SEVERITY_LABELS, TEAM_LABELS } from "./format";

type SlaRow = RouterOutputs["exceptions"]["slaTable"][number];
type Restricted = RouterOutputs["exceptions"]["restricted"][number];

/** Hours to resolve, type × severity: admins edit a cell (blank or reset = the default), managers read. */
export function SlaTable({ initial, editable }: { initial: SlaRow[]; editable: boolean }) {
  const trpc = useTRPC();
  const table = useQuery(trpc.exceptions.slaTable.queryOptions(undefined, { initialData: initial }));
  const rows = table.data ?? initial;
  const cell = (type: ExceptionType, severity: ExceptionSeverity) => rows.find((r) => r.type === type && r.severity === severity);
  const changedCount = rows.filter((r) => !r.isDefault).length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>SLA: hours to resolve</CardTitle>
        <CardDescription>
          {editable
            ? "An exception is due this many hours after it opens. Change a cell and press Enter or leave it; empty it (or reset) to go back to the default. Applies to exceptions opened or reopened from now on."
            : "An exception is due this many hours after it opens. Only admins change these."}{" "}
          {changedCount > 0 ? `${changedCount} cell${changedCount === 1 ? "" : "s"} differ from the defaults.` : "All cells are at their defaults."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Table aria-label="SLA hours by type and severity">
          <TableHeader>
            <TableRow>
              <TableHead>Type</TableHead>
              <TableHead className="hidden md:table-cell">Team</TableHead>
              {EXCEPTION_SEVERITIES.map((s) => (
                <TableHead key={s} numeric>
                  {SEVERITY_LABELS[s]}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {EXCEPTION_TYPES.map((type) => (
              <TableRow key={type}>
                <TableCell className="font-medium whitespace-nowrap">{EXCEPTION_LABELS[type]}</TableCell>
                <TableCell className="hidden text-muted-foreground md:table-cell">{TEAM_LABELS[OWNING_TEAM[type]]}</TableCell>
                {EXCEPTION_SEVERITIES.map((severity) => {
                  const row = cell(type, severity);
                  if (!row) return <TableCell key={severity} />;
                  return (
                    <TableCell key={severity} numeric className="py-1.5">
                      {editable ? <SlaCell key={`${row.hours}:${row.isDefault}`} row={row} /> : <ReadCell row={row} />}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

function ReadCell({ row }: { row: SlaRow }) {
  return (
    <span className={cn("tabular-nums", !row.isDefault && "font-semibold")} title={row.isDefault ? "Default" : `Default ${row.defaultHours} h`}>
      {row.hours} h{!row.isDefault && <span className="sr-only"> (default {row.defaultHours} h)</span>}
    </span>
  );
}

function SlaCell({ row }: { row: SlaRow }) {
  const trpc = useTRPC();
  const changed = useExceptionsChanged();
  const [value, setValue] = useState(row.isDefault ? "" : String(row.hours));
  const [error, setError] = useState<string | null>(null);
  const id = `sla-${row.type}-${row.severity}`;
  const update = useMutation(
    trpc.exceptions.updateSla.mutationOptions({
      onSuccess: (_rows, vars) => {
        toast.success(`${EXCEPTION_LABELS[row.type]}, ${SEVERITY_LABELS[row.severity].toLowerCase()}: ${vars.hours === null ? `back to the default ${row.defaultHours} h` : `${vars.hours} h`}`);
        changed();
      },
      onError: (e) => {
        const api = apiErrorOf(e);
        setError(api.details?.fields?.hours?.join(", ") ?? api.message);
      },
    }),
  );

  function save(next: string) {
    const text = next.trim();
    const hours = text === "" ? null : Number(text);
    if (hours !== null && (!Number.isInteger(hours) || hours < 1 || hours > 2160)) return setError("1 to 2160 whole hours");
    const current = row.isDefault ? null : row.hours;
    if (hours === current || (hours === row.defaultHours && row.isDefault)) return;
    setError(null);
    update.mutate({ type: row.type, severity: row.severity, hours });
  }

  return (
    <div className="ml-auto grid w-fit justify-items-end gap-0.5">
      <div className="flex items-center gap-1">
        <Label htmlFor={id} className="sr-only">
          {EXCEPTION_LABELS[row.type]}, {SEVERITY_LABELS[row.severity]}: hours (default {row.defaultHours})
        </Label>
        {!row.isDefault && (
          <button
            type="button"
            onClick={() => {
              setValue("");
              save("");
            }}
            className="rounded p-1 text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/70"
            title={`Reset to the default (${row.defaultHours} h)`}
          >
            <RotateCcw className="size-3.5" aria-hidden />
            <span className="sr-only">
              Reset {EXCEPTION_LABELS[row.type]}, {SEVERITY_LABELS[row.severity]} to the default
            </span>
          </button>
        )}
        <Input
          id={id}
          inputMode="numeric"
          value={value}
          placeholder={String(row.defaultHours)}
          onChange={(e) => {
            setValue(e.target.value.replace(/[^\d]/g, ""));
            setError(null);
          }}
          onBlur={(e) => save(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              // Saving happens on blur, once.
              e.currentTarget.blur();
            }
          }}
          disabled={update.isPending}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={cn("h-8 w-16 text-right tabular-nums", !row.isDefault && "border-primary font-semibold")}
        />
      </div>
      <FieldError id={`${id}-error`} className="text-xs">
        {error}
      </FieldError>
    </div>
  );
}

/** Countries and SKUs orders may not ship to or contain without compliance clearing them. */
export function RestrictedList({ initial, editable }: { initial: Restricted[]; editable: boolean }) {
  const trpc = useTRPC();
  const changed = useExceptionsChanged();
  const list = useQuery(trpc.exceptions.restricted.queryOptions(undefined, { initialData: initial }));
  const items = list.data ?? initial;
  const [kind, setKind] = useState<"country" | "product">("country");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ value?: string; reason?: string; form?: string }>({});
  const [removing, setRemoving] = useState<Restricted | null>(null);
  const add = useMutation(
    trpc.exceptions.addRestricted.mutationOptions({
      onSuccess: (item) => {
        toast.success(`${item.value} added to the restricted list`);
        setValue("");
        setReason("");
        setErrors({});
        changed();
      },
      onError: (e) => {
        const api = apiErrorOf(e);
        const f = api.details?.fields ?? {};
        setErrors(f.value || f.reason ? { value: f.value?.join(", "), reason: f.reason?.join(", ") } : { form: api.message });
      },
    }),
  );
  const remove = useMutation(
    trpc.exceptions.removeRestricted.mutationOptions({
      onSuccess: () => {
        toast.success(`${removing?.value ?? "Item"} removed from the restricted list`);
        setRemoving(null);
        changed();
      },
      onError: (e) => toast.error(apiErrorOf(e).message),
    }),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (kind === "country" && !/^[A-Za-z]{2}$/.test(value.trim())) next.value = "A two-letter ISO country code, e.g. IR";
    if (kind === "product" && !value.trim()) next.value = "A SKU";
    if (reason.trim().length < 3) next.reason = "Say why (at least 3 characters)";
    if (next.value || next.reason) return setErrors(next);
    add.mutate({ kind, value: value.trim().toUpperCase(), reason: reason.trim() });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Restricted countries and products</CardTitle>
        <CardDescription>
          Orders shipping to a listed country, or with a listed SKU, wait on a compliance hold until a manager clears them. Applies to orders submitted or edited from now on.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {editable && (
          <form onSubmit={submit} noValidate aria-label="Add to the restricted list" className="flex flex-wrap items-start gap-3 rounded-lg border bg-muted/30 p-3">
            <div className="grid gap-1">
              <Label htmlFor="restricted-kind" className="text-xs">
                Kind
              </Label>
              <NativeSelect id="restricted-kind" value={kind} onChange={(e) => setKind(e.target.value as "country" | "product")} className="w-32">
                <option value="country">Country</option>
                <option value="product">SKU</option>
              </NativeSelect>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="restricted-value" className="text-xs">
                {kind === "country" ? "Country code" : "SKU"}
              </Label>
              <Input
                id="restricted-value"
                value={value}
                onChange={(e) => {
                  setValue(e.target.value.toUpperCase());
                  setErrors((er) => ({ ...er, value: undefined, form: undefined }));
                }}
                maxLength={kind === "country" ? 2 : 60}
                placeholder={kind === "country" ? "IR" : "SKU-…"}
                aria-invalid={!!errors.value || undefined}
                aria-describedby={errors.value ? "restricted-value-error" : undefined}
                className={cn("uppercase", kind === "country" ? "w-20" : "w-40")}
              />
              <FieldError id="restricted-value-error" className="max-w-48 text-xs">
                {errors.value}
              </FieldError>
            </div>
            <div className="grid min-w-48 flex-1 gap-1">
              <Label htmlFor="restricted-reason" className="text-xs">
                Reason
              </Label>
              <Input
                id="restricted-reason"
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  setErrors((er) => ({ ...er, reason: undefined, form: undefined }));
                }}
                maxLength={300}
                placeholder="e.g. Export embargo"
                aria-invalid={!!errors.reason || undefined}
                aria-describedby={errors.reason ? "restricted-reason-error" : undefined}
              />
              <FieldError id="restricted-reason-error" className="text-xs">
                {errors.reason}
              </FieldError>
            </div>
            <Button type="submit" className="mt-5" disabled={add.isPending}>
              <Plus aria-hidden />
              {add.isPending ? "Adding…" : "Add"}
            </Button>
            {errors.form && (
              <p role="alert" className="basis-full text-sm font-medium text-destructive">
                {errors.form}
              </p>
            )}
          </form>
        )}
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing is restricted.</p>
        ) : (
          <Table aria-label="Restricted countries and products">
            <TableHeader>
              <TableRow>
                <TableHead>Kind</TableHead>
                <TableHead>Value</TableHead>
                <TableHead>Reason</TableHead>
                <TableHead className="hidden md:table-cell">Added</TableHead>
                {editable && (
                  <TableHead>
                    <span className="sr-only">Remove</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>
                    <Badge variant={item.kind === "country" ? "info" : "neutral"}>{item.kind === "country" ? "Country" : "SKU"}</Badge>
                  </TableCell>
                  <TableCell className="font-mono">{item.value}</TableCell>
                  <TableCell className="max-w-md">{item.reason}</TableCell>
                  <TableCell className="hidden text-xs text-muted-foreground md:table-cell">
                    {item.createdBy} · <DateTime value={item.createdAt} />
                  </TableCell>
                  {editable && (
                    <TableCell className="w-10">
                      <Button variant="ghost" size="icon" onClick={() => setRemoving(item)} aria-label={`Remove ${item.value}`}>
                        <Trash2 aria-hidden />
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <ConfirmDialog
        target={removing}
        onClose={() => setRemoving(null)}
        title={(r) => `Remove ${r.value} from the restricted list?`}
        description={() => "Orders submitted or edited from now on are no longer held for it. Holds already open stay until someone clears them."}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        cancelLabel="Keep it"
        isPending={remove.isPending}
        onConfirm={(r) => remove.mutate({ id: r.id })}
      />
    </Card>
  );
}
