"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useId, useState, useSyncExternalStore } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TAtpTimeline } from "~/server/inventory/schemas";
import { useTRPC } from "~/trpc/react";
import { formatDate, formatShortDate, isoDate } from "~/lib/format-date";

type DemandClass = "A" | "B" | "C";
type Point = { date: string; atp: number; inbound: number };

const DAY_MS = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const noSubscribe = () => () => {};

/**
 * Available to promise for the next 90 days as a stepped line: today's ATP, rising on each date stock is
 * expected (marked), in total or for one warehouse, as all customers or one demand class see it. The same
 * points are listed in a table for keyboard and screen-reader users.
 */
export function AtpChart({ sku, initial }: { sku: string; initial: TAtpTimeline }) {
  const trpc = useTRPC();
  const id = useId();
  const [warehouse, setWarehouse] = useState<string>("");
  const [demandClass, setDemandClass] = useState<DemandClass | "">("");
  const isClient = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const query = useQuery(
    trpc.inventory.atpTimeline.queryOptions(
      { sku, demandClass: demandClass || undefined },
      { initialData: demandClass === "" ? initial : undefined, placeholderData: keepPreviousData },
    ),
  );
  const timeline = query.data ?? initial;
  const points: Point[] = warehouse ? (timeline.warehouses.find((w) => w.warehouse === warehouse)?.points ?? []) : timeline.total;
  const data = points.map((p) => ({ ...p, t: toTime(p.date) }));
  const start = toTime(timeline.today);
  const end = start + timeline.horizonDays * DAY_MS;
  const today = points[0];
  const last = points.at(-1);
  const arrivals = points.filter((p) => p.inbound > 0);
  const scope = warehouse ? `in ${warehouse}` : "across warehouses";
  // Describe the data on screen (while another class loads, the previous one stays shown).
  const audience = timeline.demandClass ? `for class ${timeline.demandClass} customers` : "after every hold-back";
  const summary =
    today && last
      ? `Available to promise ${scope} ${audience}: ${today.atp} today${arrivals.length ? `, ${last.atp} after ${arrivals.length} expected arrival${arrivals.length === 1 ? "" : "s"}` : ", no arrivals expected"} in the next ${timeline.horizonDays} days.`
      : "No stock levels.";

  return (
    <figure className="grid gap-3" aria-labelledby={`${id}-caption`}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-warehouse`}>Show</Label>
          <NativeSelect id={`${id}-warehouse`} value={warehouse} onChange={(e) => setWarehouse(e.target.value)} className="w-60">
            <option value="">All warehouses (total)</option>
            {timeline.warehouses.map((w) => (
              <option key={w.warehouse} value={w.warehouse}>
                {w.warehouse}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-class`}>As seen by</Label>
          <NativeSelect
            id={`${id}-class`}
            value={demandClass}
            onChange={(e) => setDemandClass(e.target.value as DemandClass | "")}
            className="w-64"
          >
            <option value="">Everyone (all hold-backs out)</option>
            <option value="A">Class A customers</option>
            <option value="B">Class B customers</option>
            <option value="C">Class C customers</option>
          </NativeSelect>
        </div>
        {query.isFetching && (
          <span className="flex h-9 items-center gap-1.5 text-sm text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin" aria-hidden />
            Updating…
          </span>
        )}
        {query.isError && (
          <span role="alert" className="flex h-9 items-center text-sm text-destructive">
            Could not load the timeline: {apiErrorOf(query.error).message}
          </span>
        )}
      </div>
      <figcaption id={`${id}-caption`} className="text-sm text-muted-foreground">
        {summary}
      </figcaption>
      <div className="h-64 w-full" role="img" aria-label={summary}>
        {isClient && data.length > 0 && (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" className="stroke-border" vertical={false} />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={[start, end]}
                ticks={weekTicks(start, end)}
                tickFormatter={formatTick}
                tick={{ fontSize: 11 }}
                className="text-muted-foreground"
              />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={48} domain={[0, "auto"]} />
              <Tooltip
                labelFormatter={(value) => formatDay(Number(value))}
                formatter={(value, _name, item) => {
                  const inbound = (item?.payload as Point | undefined)?.inbound ?? 0;
                  return [`${String(value)}${inbound > 0 ? ` (+${inbound} arriving)` : ""}`, "ATP"];
                }}
              />
              {arrivals.map((p) => (
                <ReferenceLine
                  key={p.date}
                  x={toTime(p.date)}
                  stroke="var(--color-info)"
                  strokeDasharray="4 3"
                  label={{ value: `+${p.inbound}`, position: "top", fontSize: 11, fill: "var(--color-info)" }}
                />
              ))}
              <Line type="stepAfter" dataKey="atp" stroke="var(--color-primary)" strokeWidth={2} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-muted-foreground hover:text-foreground">Show the timeline as a table</summary>
        <Table aria-label="Available to promise by date" containerClassName="mt-2 max-w-md rounded-md border">
          <TableHeader>
            <TableRow>
              <TableHead>From</TableHead>
              <TableHead numeric>Arriving</TableHead>
              <TableHead numeric>Available to promise</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {points.map((p, i) => (
              <TableRow key={`${p.date}-${i}`}>
                <TableCell>{p.date}</TableCell>
                <TableCell numeric>{p.inbound > 0 ? `+${p.inbound}` : "—"}</TableCell>
                <TableCell numeric>{p.atp}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </figure>
  );
}

function weekTicks(start: number, end: number): number[] {
  const ticks: number[] = [];
  for (let t = start; t <= end; t += 14 * DAY_MS) ticks.push(t);
  return ticks;
}

function formatTick(value: number): string {
  return formatShortDate(isoDate(value));
}

function formatDay(value: number): string {
  return formatDate(isoDate(value));
}
