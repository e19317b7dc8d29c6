"use client";

import { AlarmClock, CircleAlert, Hourglass, PauseCircle, UserX } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DateOnly, DateTime, Money } from "~/components/shell/money";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import { EXCEPTION_LABELS, EXCEPTION_TYPES, type ExceptionType } from "~/server/exceptions/constants";
import type { RouterOutputs } from "~/trpc/react";
import { AGE_BUCKETS, AGE_LABELS, AGE_SHORT, formatHours, type AgeBucket } from "./format";
import { queueHref, type QueueParams } from "./queue-params";
import { formatShortDate, SERVER_LOCALE } from "~/lib/format-date";

type Dashboard = RouterOutputs["exceptions"]["dashboard"];

/** Older is warmer: the age buckets' colours. */
const AGE_COLORS: Record<AgeBucket, string> = {
  lt_1h: "oklch(0.80 0.09 235)",
  "1h_4h": "oklch(0.64 0.14 250)",
  "4h_24h": "oklch(0.76 0.15 75)",
  "1d_3d": "oklch(0.66 0.19 45)",
  gt_3d: "oklch(0.55 0.21 27)",
};
const TREND = { opened: "oklch(0.55 0.17 255)", resolved: "oklch(0.60 0.15 150)", breached: "oklch(0.58 0.22 27)" };

/** Dashboard links open the whole desk's queue (not a team's). */
const q = (params: Partial<QueueParams>) => queueHref({ view: "all", ...params });

const noSubscribe = () => () => {};
const useIsClient = () =>
  useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );

export function ExceptionDashboard({ data }: { data: Dashboard }) {
  const totalHeld = data.holds.value;
  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-5">
      <section aria-label="Now" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
        <Tile href={q({})} label="Open exceptions" value={data.open.total} icon={CircleAlert} />
        <Tile href={q({ sla: "breached" })} label="Breached now" value={data.open.breached} icon={AlarmClock} tone={data.open.breached > 0 ? "danger" : undefined} />
        <Tile href={q({ sla: "due_soon" })} label="Due within the hour" value={data.open.dueSoon} icon={Hourglass} tone={data.open.dueSoon > 0 ? "warning" : undefined} />
        <Tile href={q({ assignee: "none" })} label="Unassigned" value={data.open.unassigned} icon={UserX} />
        <Tile href="/orders?status=on_hold" label="Orders on hold" value={data.holds.count} icon={PauseCircle}>
          {totalHeld.map((v) => (
            <Money key={v.currency} amount={v.total} currency={v.currency} className="block text-left text-xs text-muted-foreground" />
          ))}
        </Tile>
      </section>

      <div className="grid min-w-0 gap-5 xl:grid-cols-2">
        <OpenByTypeAndAge rows={data.openByTypeAndAge} />
        <Trend trend={data.trend} />
      </div>

      <div className="grid min-w-0 gap-5 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Time to resolve by type</CardTitle>
            <CardDescription>Resolved in the last 30 days: hours from opened to resolved.</CardDescription>
          </CardHeader>
          <CardContent>
            <HoursTable
              label="Time to resolve by type"
              first="Type"
              rows={data.timeToResolveByType.map((r) => ({ key: r.type, name: EXCEPTION_LABELS[r.type], href: q({ type: r.type, status: "resolved" }), ...r }))}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Time to resolve by person</CardTitle>
            <CardDescription>Resolved by hand in the last 30 days (not those that went away on their own).</CardDescription>
          </CardHeader>
          <CardContent>
            <HoursTable label="Time to resolve by person" first="Person" rows={data.timeToResolveByPerson.map((r) => ({ key: r.person, name: r.person, ...r }))} />
          </CardContent>
        </Card>
      </div>

      <section aria-labelledby="top-heading" className="grid min-w-0 gap-3">
        <h2 id="top-heading" className="text-sm font-semibold">
          Where exceptions come from <span className="font-normal text-muted-foreground">(opened in the last 30 days, top 10)</span>
        </h2>
        <div className="grid gap-5 md:grid-cols-2 2xl:grid-cols-4">
          <TopList title="Customers" rows={data.topCustomers} href={(r) => q({ status: "any", days: "30", customer: r.key })} mono />
          <TopList title="SKUs" rows={data.topSkus} href={(r) => q({ status: "any", days: "30", sku: r.key })} mono />
          <TopList title="Warehouses" rows={data.topWarehouses} href={(r) => q({ status: "any", days: "30", warehouse: r.key })} mono />
          <TopList
            title="Vendors"
            rows={data.topVendors}
            href={(r) => `/purchasing/vendors/${encodeURIComponent(r.key)}`}
            note="Stockouts of the SKUs they supply; links open the vendor"
          />
        </div>
      </section>

      <div className="grid min-w-0 gap-5 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Orders on hold by value</CardTitle>
            <CardDescription>The largest held orders and what holds them.</CardDescription>
          </CardHeader>
          <CardContent>
            <OrdersTable
              label="Orders on hold by value"
              rows={data.holds.orders.map((o) => ({ ...o, when: <DateTime value={o.since} timeStyle={null} />, whenLabel: "Held since" }))}
              empty="No order is on hold."
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>At risk today</CardTitle>
            <CardDescription>Orders with an active exception past due, or wanted by tomorrow.</CardDescription>
          </CardHeader>
          <CardContent>
            <OrdersTable
              label="Orders at risk today"
              rows={data.atRisk.map((o) => ({ ...o, when: o.requestedDate ? <DateOnly value={o.requestedDate} /> : <DateTime value={o.dueAt} timeStyle={null} />, whenLabel: "Wanted or due" }))}
              empty="Nothing at risk today."
            />
          </CardContent>
        </Card>
      </div>
      <p className="text-xs text-muted-foreground">
        As of <DateTime value={data.generatedAt} />. Every number opens the queue filtered the same way.
      </p>
    </div>
  );
}

function Tile({
  href,
  label,
  value,
  icon: Icon,
  tone,
  children,
}: {
  href: string;
  label: string;
  value: number;
  icon: React.ComponentType<{ className?: string; "aria-hidden"?: boolean }>;
  tone?: "danger" | "warning";
  children?: React.ReactNode;
}) {
  return (
    <Link
      href={href}
      className={cn(
        "group grid gap-1 rounded-lg border bg-card p-4 shadow-xs transition-colors outline-none hover:border-primary/50 hover:bg-accent/40 focus-visible:ring-[3px] focus-visible:ring-ring/70",
        tone === "danger" && "border-danger/30 bg-danger-soft",
        tone === "warning" && "border-warning/30 bg-warning-soft",
      )}
    >
      <span className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
        <Icon className="size-3.5" aria-hidden />
        {label}
      </span>
      <span className={cn("text-2xl font-semibold tabular-nums", tone === "danger" && "text-danger-soft-foreground", tone === "warning" && "text-warning-soft-foreground")}>
        {value.toLocaleString("en-US")}
      </span>
      {children}
    </Link>
  );
}

function OpenByTypeAndAge({ rows }: { rows: Dashboard["openByTypeAndAge"] }) {
  const router = useRouter();
  const isClient = useIsClient();
  const types = EXCEPTION_TYPES.filter((t) => rows.some((r) => r.type === t && r.count > 0));
  const count = (type: ExceptionType, age: AgeBucket) => rows.find((r) => r.type === type && r.age === age)?.count ?? 0;
  const chart = types.map((type) => ({ type, label: EXCEPTION_LABELS[type], ...Object.fromEntries(AGE_BUCKETS.map((a) => [a, count(type, a)])) }));
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>Open by type and age</CardTitle>
        <CardDescription>Active exceptions by how long they have been open. Click a bar or a number to see them.</CardDescription>
      </CardHeader>
      <CardContent className="grid min-w-0 gap-4">
        {types.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing open.</p>
        ) : (
          <>
            <div className="h-64 min-w-0" role="img" aria-label="Stacked bars of the open exceptions per type by age; the same numbers are in the table below.">
              {isClient && (
                <ResponsiveContainer width="100%" height="100%">
                   <BarChart accessibilityLayer={false} data={chart} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
                    <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                    <XAxis type="number" allowDecimals={false} fontSize={12} />
                    <YAxis type="category" dataKey="label" width={130} fontSize={12} />
                    <Tooltip cursor={{ fill: "var(--color-muted)" }} />
                    <Legend
                      formatter={(value: string) => AGE_LABELS[value as AgeBucket] ?? value}
                      itemSorter={(item) => AGE_BUCKETS.indexOf(String(item.dataKey) as AgeBucket)}
                      wrapperStyle={{ fontSize: 12 }}
                    />
                    {AGE_BUCKETS.map((age) => (
                      <Bar
                        key={age}
                        dataKey={age}
                        name={age}
                        stackId="age"
                        fill={AGE_COLORS[age]}
                        cursor="pointer"
                        onClick={(entry: { payload?: { type?: ExceptionType } }) => entry.payload?.type && router.push(q({ type: entry.payload.type, age }))}
                      />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              )}
            </div>
            <Table aria-label="Open exceptions by type and age">
              <TableHeader>
                <TableRow>
                  <TableHead>Type</TableHead>
                  {AGE_BUCKETS.map((a) => (
                    <TableHead key={a} numeric title={AGE_LABELS[a]}>
                      <span aria-hidden>{AGE_SHORT[a]}</span>
                      <span className="sr-only">{AGE_LABELS[a]}</span>
                    </TableHead>
                  ))}
                  <TableHead numeric>All</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {types.map((type) => (
                  <TableRow key={type}>
                    <TableCell className="whitespace-nowrap">
                      <Link href={q({ type })} className="hover:underline">
                        {EXCEPTION_LABELS[type]}
                      </Link>
                    </TableCell>
                    {AGE_BUCKETS.map((age) => {
                      const n = count(type, age);
                      return (
                        <TableCell key={age} numeric>
                          {n === 0 ? (
                            <span className="text-muted-foreground">·</span>
                          ) : (
                            <Link href={q({ type, age })} className="text-primary hover:underline" aria-label={`${n} ${EXCEPTION_LABELS[type]} open ${AGE_LABELS[age].toLowerCase()}`}>
                              {n}
                            </Link>
                          )}
                        </TableCell>
                      );
                    })}
                    <TableCell numeric className="font-medium">
                      <Link href={q({ type })} className="hover:underline" aria-label={`All ${EXCEPTION_LABELS[type]} open`}>
                        {AGE_BUCKETS.reduce((n, a) => n + count(type, a), 0)}
                      </Link>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function Trend({ trend }: { trend: Dashboard["trend"] }) {
  const isClient = useIsClient();
  const totals = trend.reduce((t, d) => ({ opened: t.opened + d.opened, resolved: t.resolved + d.resolved, breached: t.breached + d.breached }), { opened: 0, resolved: 0, breached: 0 });
  const short = (day: string) => formatShortDate(day, { locale: isClient ? undefined : SERVER_LOCALE });
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>Last 30 days</CardTitle>
        <CardDescription>
          Opened {totals.opened.toLocaleString("en-US")} · resolved {totals.resolved.toLocaleString("en-US")} · breached {totals.breached.toLocaleString("en-US")}, per day.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid min-w-0 gap-3">
        <div className="h-64 min-w-0" role="img" aria-label={`Exceptions per day over the last 30 days: ${totals.opened} opened, ${totals.resolved} resolved, ${totals.breached} breached.`}>
          {isClient && (
            <ResponsiveContainer width="100%" height="100%">
              <LineChart accessibilityLayer={false} data={trend} margin={{ left: 0, right: 16, top: 4, bottom: 4 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tickFormatter={short} fontSize={12} minTickGap={24} />
                <YAxis allowDecimals={false} fontSize={12} width={36} />
                <Tooltip labelFormatter={(d) => short(String(d))} />
                <Legend itemSorter={(item) => ["opened", "resolved", "breached"].indexOf(String(item.dataKey))} wrapperStyle={{ fontSize: 12 }} />
                <Line type="monotone" dataKey="opened" name="Opened" stroke={TREND.opened} strokeWidth={2} dot={false} />
                <Line type="monotone" dataKey="resolved" name="Resolved" stroke={TREND.resolved} strokeWidth={2} dot={false} />
                <Line type="monotone" dataKey="breached" name="Breached" stroke={TREND.breached} strokeWidth={2} dot={false} strokeDasharray="4 3" />
              </LineChart>
            </ResponsiveContainer>
          )}
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          <Link href={q({ sla: "breached" })} className="text-primary hover:underline">
            Breached now
          </Link>
          <span aria-hidden className="text-muted-foreground">
            ·
          </span>
          <Link href={q({ status: "resolved" })} className="text-primary hover:underline">
            Resolved
          </Link>
          <span aria-hidden className="text-muted-foreground">
            ·
          </span>
          <Link href={q({ status: "any", age: "lt_1h" })} className="text-primary hover:underline">
            Opened in the last hour
          </Link>
        </div>
      </CardContent>
    </Card>
  );
}

function HoursTable({ label, first, rows }: { label: string; first: string; rows: { key: string; name: string; href?: string; count: number; meanHours: number; p90Hours: number }[] }) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">Nothing resolved in the last 30 days.</p>;
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>{first}</TableHead>
          <TableHead numeric>Resolved</TableHead>
          <TableHead numeric>Mean</TableHead>
          <TableHead numeric>p90</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell className="max-w-48 truncate">
              {r.href ? (
                <Link href={r.href} className="hover:underline">
                  {r.name}
                </Link>
              ) : (
                r.name
              )}
            </TableCell>
            <TableCell numeric>{r.count.toLocaleString("en-US")}</TableCell>
            <TableCell numeric>{formatHours(r.meanHours)}</TableCell>
            <TableCell numeric>{formatHours(r.p90Hours)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function TopList({ title, rows, href, mono, note }: { title: string; rows: { key: string; label: string; count: number }[]; href: (row: { key: string }) => string; mono?: boolean; note?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle asChild>
          <h3>{title}</h3>
        </CardTitle>
        {note && <CardDescription className="text-xs">{note}</CardDescription>}
      </CardHeader>
      <CardContent className="px-4">
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">None in the last 30 days.</p>
        ) : (
          <ol className="grid gap-1.5" aria-label={`Top ${title.toLowerCase()}`}>
            {rows.map((r) => (
              <li key={r.key}>
                <Link href={href(r)} className="group grid grid-cols-[1fr_auto] items-center gap-x-2 rounded text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70">
                  <span className="min-w-0 truncate group-hover:underline" title={`${r.key} · ${r.label}`}>
                    <span className={cn(mono && "font-mono text-xs")}>{r.key}</span> <span className="text-muted-foreground">{r.label}</span>
                  </span>
                  <span className="text-right font-medium tabular-nums">{r.count}</span>
                  <span aria-hidden className="col-span-2 mt-0.5 h-1 rounded-full bg-muted">
                    <span className="block h-1 rounded-full bg-primary/60" style={{ width: `${(r.count / max) * 100}%` }} />
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

function OrdersTable({
  label,
  rows,
  empty,
}: {
  label: string;
  rows: { number: string; customer: string; customerName: string; total: number; currency: string; types: string[]; when: React.ReactNode; whenLabel: string }[];
  empty: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>Order</TableHead>
          <TableHead>Customer</TableHead>
          <TableHead numeric>Total</TableHead>
          <TableHead>{rows[0]!.whenLabel}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((o) => (
          <TableRow key={o.number}>
            <TableCell className="whitespace-nowrap">
              <Link href={q({ order: o.number })} className="font-mono text-primary hover:underline" title="Its exceptions in the queue">
                {o.number}
              </Link>
              <span className="block text-xs text-muted-foreground">{o.types.map((t) => EXCEPTION_LABELS[t as ExceptionType] ?? t).join(", ")}</span>
            </TableCell>
            <TableCell className="max-w-44">
              <Link href={q({ customer: o.customer })} className="block truncate hover:underline" title={o.customerName}>
                {o.customerName}
              </Link>
              <span className="font-mono text-xs text-muted-foreground">{o.customer}</span>
            </TableCell>
            <TableCell numeric>
              <Money amount={o.total} currency={o.currency} />
            </TableCell>
            <TableCell className="text-xs whitespace-nowrap">{o.when}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
