"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "~/components/ui/toast";
import { FormError, LoadError, SectionHeader, TableSkeleton } from "~/components/pricing/shared";
import { Button } from "~/components/ui/button";
import { SaveBar } from "./row-controls";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { focusSoon } from "./format";

/** Business days when a warehouse has no row for a region nor a default ("*") row (the server's DEFAULT_TRANSIT_DAYS). */
const FALLBACK_DAYS = 3;
const ANY = "*";

type TransitRow = RouterOutputs["policies"]["transitTimes"]["items"][number];
type Warehouse = { code: string; name: string };
/** One region (a row of the grid) with the days from each warehouse, as typed ("" = no row of its own). */
type DraftRegion = { key: number; region: string; days: Record<string, string> };

let nextKey = 1;

function gridOf(rows: TransitRow[]): DraftRegion[] {
  const regions = [ANY, ...[...new Set(rows.map((r) => r.region))].filter((r) => r !== ANY).sort()];
  return regions.map((region) => ({
    key: nextKey++,
    region,
    days: Object.fromEntries(rows.filter((r) => r.region === region).map((r) => [r.warehouse, String(r.days)])),
  }));
}
const comparable = (grid: DraftRegion[]) =>
  JSON.stringify(grid.map((g) => ({ region: g.region.trim().toUpperCase(), days: Object.fromEntries(Object.entries(g.days).filter(([, d]) => d.trim() !== "").sort()) })));

/** Days in transit from each warehouse to each ship-to region, as one grid: regions down, warehouses across. */
export function TransitPanel({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const times = useQuery(trpc.policies.transitTimes.queryOptions({}));
  const warehouses = useQuery({ ...trpc.inventory.warehouses.queryOptions({}), staleTime: 5 * 60_000 });
  const header = (
    <SectionHeader
      title="Transit times"
      description={
        <>
          Business days from the day an order ships to the day it arrives, by warehouse and the ship-to region (state or province code as on addresses). The &quot;Any other region&quot; row is a
          warehouse&apos;s default for regions without their own row; with neither, {FALLBACK_DAYS} business days apply. An empty cell uses the default shown in grey.
        </>
      }
    />
  );
  const failed = times.error ?? warehouses.error;
  if (failed) {
    return (
      <>
        {header}
        <LoadError
          what="the transit times"
          error={failed}
          onRetry={() => {
            void times.refetch();
            void warehouses.refetch();
          }}
        />
      </>
    );
  }
  if (!times.data || !warehouses.data) {
    return (
      <>
        {header}
        <TableSkeleton label="Loading transit times…" />
      </>
    );
  }
  // Active warehouses, and any other the table already names.
  const columns: Warehouse[] = warehouses.data.items.filter((w) => w.isActive || times.data.items.some((t) => t.warehouse === w.code)).map((w) => ({ code: w.code, name: w.name }));
  for (const t of times.data.items) if (!columns.some((c) => c.code === t.warehouse)) columns.push({ code: t.warehouse, name: t.warehouseName });
  return (
    <>
      {header}
      <TransitGrid initial={times.data.items} warehouses={columns} canManage={canManage} />
    </>
  );
}

function TransitGrid({ initial, warehouses, canManage }: { initial: TransitRow[]; warehouses: Warehouse[]; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const uid = useId();
  const [base, setBase] = useState(() => gridOf(initial));
  const [grid, setGrid] = useState(base);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const errorsId = `${uid}-errors`;
  const dirty = comparable(grid) !== comparable(base);


  const save = useMutation(
    trpc.policies.saveTransitTimes.mutationOptions({
      onSuccess: (saved) => {
        const next = gridOf(saved.items);
        setBase(next);
        setGrid(next);
        setFields({});
        setFormErrors([]);
        queryClient.setQueryData(trpc.policies.transitTimes.queryKey({}), saved);
        toast.success("Transit times saved", { description: "Promise dates of orders submitted from now on use them." });
      },
      onError: (error, input) => {
        const api = apiErrorOf(error);
        const byCell: Record<string, string> = {};
        const form: string[] = [];
        for (const [key, messages] of Object.entries(api.details?.fields ?? {})) {
          const m = /^times\.(\d+)\.(\w+)/.exec(key);
          // A server error `times.N.…` names the N-th cell sent: find its row by region.
          const cell = m ? input.times[Number(m[1])] : undefined;
          const row = cell ? grid.find((g) => g.region.trim().toUpperCase() === cell.region) : undefined;
          if (cell && row) {
            byCell[m![2] === "region" ? `${row.key}.region` : `${row.key}.${cell.warehouse}`] = messages.join(", ");
            form.push(`${regionLabel(row.region)} from ${cell.warehouse}: ${messages.join(", ")}`);
          } else form.push(`${key}: ${messages.join(", ")}`);
        }
        if (form.length === 0) form.push(api.message);
        setFields(byCell);
        setFormErrors(form);
        toast.error("Could not save the transit times", { description: api.message });
        focusSoon(errorsId);
      },
    }),
  );

  const fallbackFor = (warehouse: string) => {
    const own = grid.find((g) => g.region === ANY)?.days[warehouse]?.trim();
    return own && /^\d+$/.test(own) ? Number(own) : FALLBACK_DAYS;
  };

  function setCell(key: number, warehouse: string, value: string) {
    setGrid((current) => current.map((g) => (g.key === key ? { ...g, days: { ...g.days, [warehouse]: value.replace(/[^\d]/g, "") } } : g)));
    setFields((current) => {
      const { [`${key}.${warehouse}`]: _gone, ...rest } = current;
      return rest;
    });
  }

  function setRegion(key: number, region: string) {
    setGrid((current) => current.map((g) => (g.key === key ? { ...g, region: region.toUpperCase() } : g)));
    setFields((current) => {
      const { [`${key}.region`]: _gone, ...rest } = current;
      return rest;
    });
  }

  function addRegion() {
    const row: DraftRegion = { key: nextKey++, region: "", days: {} };
    setGrid((current) => [...current, row]);
    focusSoon(`${uid}-${row.key}-region`);
  }

  function removeRegion(key: number) {
    setGrid((current) => current.filter((g) => g.key !== key));
    focusSoon(`${uid}-add`);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const seen = new Map<string, number>();
    for (const g of grid) {
      const region = g.region.trim().toUpperCase();
      if (!region) problems[`${g.key}.region`] = "Enter a region code, e.g. CA";
      else if (seen.has(region)) problems[`${g.key}.region`] = `${region} is listed twice`;
      seen.set(region, g.key);
      for (const w of warehouses) {
        const text = g.days[w.code]?.trim() ?? "";
        if (text && Number(text) > 60) problems[`${g.key}.${w.code}`] = "At most 60 business days";
      }
    }
    if (Object.keys(problems).length > 0) {
      setFields(problems);
      setFormErrors([]);
      const first = Object.keys(problems)[0]!;
      const [key, what] = first.split(".");
      document.getElementById(`${uid}-${key}-${what === "region" ? "region" : what}`)?.focus();
      return;
    }
    const times = grid.flatMap((g) =>
      warehouses.flatMap((w) => {
        const text = g.days[w.code]?.trim() ?? "";
        if (!text) return [];
        return [{ warehouse: w.code, region: g.region.trim().toUpperCase(), days: Number(text) }];
      }),
    );
    setFields({});
    setFormErrors([]);
    save.mutate({ times });
  }

  const errorId = (key: string) => `${uid}-${key.replaceAll(".", "-")}-error`;

  return (
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label="Transit times">
      <div id={errorsId} tabIndex={-1} className="outline-none">
        {formErrors.length > 0 && (
          <FormError>
            <span className="font-medium">The transit times were not saved:</span>
            <ul className="mt-1 list-disc pl-5">
              {formErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </FormError>
        )}
      </div>
      <div className="min-w-0 overflow-x-auto rounded-lg border bg-background">
        <Table aria-label="Business days in transit by region and warehouse">
          <TableHeader>
            <TableRow>
              <TableHead className="min-w-44">Ship-to region</TableHead>
              {warehouses.map((w) => (
                <TableHead key={w.code} numeric className="min-w-28">
                  <span className="block font-mono text-xs">{w.code}</span>
                  <span className="block max-w-40 truncate text-xs font-normal text-muted-foreground" title={w.name}>
                    {w.name}
                  </span>
                </TableHead>
              ))}
              {canManage && (
                <TableHead className="w-12">
                  <span className="sr-only">Remove</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {grid.map((g) => {
              const isAny = g.region === ANY && g.key === grid.find((x) => x.region === ANY)?.key;
              const name = isAny ? "Any other region" : g.region.trim() || "New region";
              return (
                <TableRow key={g.key} className={cn(isAny && "bg-muted/40")}>
                  <TableCell className="align-top">
                    {isAny ? (
                      <span className="inline-flex h-8 items-center font-medium">
                        Any other region <span className="ml-1 font-mono text-xs text-muted-foreground">(*)</span>
                      </span>
                    ) : canManage ? (
                      <div className="grid gap-1">
                        <Label htmlFor={`${uid}-${g.key}-region`} className="sr-only">
                          Region code
                        </Label>
                        <Input
                          id={`${uid}-${g.key}-region`}
                          value={g.region}
                          maxLength={40}
                          placeholder="e.g. CA"
                          onChange={(e) => setRegion(g.key, e.target.value)}
                          className="h-8 w-28 font-mono uppercase placeholder:font-sans placeholder:normal-case"
                          aria-invalid={!!fields[`${g.key}.region`] || undefined}
                          aria-describedby={fields[`${g.key}.region`] ? errorId(`${g.key}.region`) : undefined}
                        />
                        <FieldError id={errorId(`${g.key}.region`)} className="text-xs">
                          {fields[`${g.key}.region`]}
                        </FieldError>
                      </div>
                    ) : (
                      <span className="font-mono">{g.region}</span>
                    )}
                  </TableCell>
                  {warehouses.map((w) => {
                    const key = `${g.key}.${w.code}`;
                    const value = g.days[w.code] ?? "";
                    const fallback = isAny ? FALLBACK_DAYS : fallbackFor(w.code);
                    return (
                      <TableCell key={w.code} numeric className="align-top">
                        {canManage ? (
                          <div className="ml-auto grid w-fit justify-items-end gap-1">
                            <Label htmlFor={`${uid}-${g.key}-${w.code}`} className="sr-only">
                              {name} from {w.code}: business days
                            </Label>
                            <Input
                              id={`${uid}-${g.key}-${w.code}`}
                              inputMode="numeric"
                              value={value}
                              placeholder={String(fallback)}
                              onChange={(e) => setCell(g.key, w.code, e.target.value)}
                              className="h-8 w-16 text-right tabular-nums placeholder:text-muted-foreground/60"
                              aria-invalid={!!fields[key] || undefined}
                              aria-describedby={fields[key] ? errorId(key) : undefined}
                            />
                            <FieldError id={errorId(key)} className="text-xs">
                              {fields[key]}
                            </FieldError>
                          </div>
                        ) : value ? (
                          <span className="tabular-nums">{value}</span>
                        ) : (
                          <span className="text-muted-foreground tabular-nums" title="No row of its own: the default">
                            {fallback}
                            <span className="sr-only"> (default)</span>
                          </span>
                        )}
                      </TableCell>
                    );
                  })}
                  {canManage && (
                    <TableCell className="align-top">
                      {!isAny && (
                        <Button type="button" variant="ghost" size="icon" className="size-8 text-destructive hover:text-destructive" onClick={() => removeRegion(g.key)} aria-label={`Remove ${name}`} title="Remove row">
                          <Trash2 aria-hidden />
                        </Button>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {canManage && (
        <div className="flex flex-wrap items-center gap-2">
          <SaveBar
            dirty={dirty}
            pending={save.isPending}
            saveLabel="Save transit times"
            onDiscard={() => {
              setGrid(base);
              setFields({});
              setFormErrors([]);
            }}
          >
            <Button id={`${uid}-add`} type="button" variant="outline" onClick={addRegion}>
              <Plus aria-hidden />
              Add region
            </Button>
          </SaveBar>
        </div>
      )}
    </form>
  );
}

function regionLabel(region: string) {
  return region === ANY ? "Any other region" : region || "New region";
}
