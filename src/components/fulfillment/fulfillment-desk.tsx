"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { ClipboardCheck, ClipboardList, FileText, PackageCheck, PackageOpen, Search, TriangleAlert, Truck } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { DateOnly, DateTime } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import type { TShipment } from "~/server/fulfillment/schemas";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { DESK_TABS, type DeskTab } from "./desk-tabs";
import { PackDialog } from "./pack-dialog";
import { QueueTabs } from "./queue-tabs";
import { SelectCheckbox, toggleKey } from "./select-checkbox";
import { ShipDialog } from "./ship-dialog";
import { TrackingLink } from "./tracking-link";
import { useFulfillmentChanged } from "./use-fulfillment-changed";

type Desk = RouterOutputs["fulfillment"]["desk"];
type ReadyOrder = Desk["readyToPlan"]["orders"][number];


/** Each queue: the tab's short label and the panel's heading. */
const QUEUES: Record<DeskTab, { tab: string; heading: string }> = {
  ready: { tab: "Ready to plan", heading: "Ready to plan" },
  planned: { tab: "To pick", heading: "Planned — to pick" },
  picking: { tab: "Picking", heading: "Picking" },
  picked: { tab: "To pack", heading: "Picked — to pack" },
  packed: { tab: "To ship", heading: "Packed — to ship" },
  shipped: { tab: "Shipped today", heading: "Shipped today" },
};

const countOf = (desk: Desk | undefined, tab: DeskTab): number | null => {
  if (!desk) return null;
  switch (tab) {
    case "ready":
      return desk.readyToPlan.count;
    case "planned":
      return desk.planned.count;
    case "picking":
      return desk.picking.count;
    case "picked":
      return desk.picked.count;
    case "packed":
      return desk.packed.count;
    case "shipped":
      return desk.shippedToday.count;
  }
};

/**
 * A warehouse's fulfillment desk: orders whose reserved units are not on a shipment yet, then its
 * shipments by stage. The queue in view is kept in the URL (`?tab=`) beside the warehouse.
 */
export function FulfillmentDesk({ warehouse, initialTab, role }: { warehouse: { code: string; name: string }; initialTab: DeskTab; role: Role }) {
  const trpc = useTRPC();
  const [tab, setTab] = useState<DeskTab>(initialTab);
  const desk = useQuery(trpc.fulfillment.desk.queryOptions({ warehouse: warehouse.code }, { refetchInterval: 60_000 }));

  function choose(next: DeskTab) {
    setTab(next);
    const url = new URL(window.location.href);
    url.searchParams.set("warehouse", warehouse.code);
    if (next === "ready") url.searchParams.delete("tab");
    else url.searchParams.set("tab", next);
    window.history.replaceState(window.history.state, "", url);
  }

  const tabs = DESK_TABS.map((id) => ({ id, label: QUEUES[id].tab, count: countOf(desk.data, id) }));
  const panelId = `desk-panel-${tab}`;
  const count = countOf(desk.data, tab);

  return (
    <div className="grid min-w-0 gap-4">
      <QueueTabs label={`Queues of ${warehouse.name}`} tabs={tabs} current={tab} onChange={choose} idPrefix="desk" />
      <section id={panelId} role="tabpanel" aria-labelledby={`desk-tab-${tab}`} tabIndex={-1} className="grid min-w-0 gap-3 outline-none">
        <h2 className="text-sm font-semibold">
          {QUEUES[tab].heading}{" "}
          {count !== null && <span className="font-normal text-muted-foreground">({count.toLocaleString("en-US")})</span>}
        </h2>
        {desk.isPending ? (
          <QueueSkeleton />
        ) : desk.isError ? (
          <EmptyState
            role="alert"
            icon={TriangleAlert}
            title={`The queues of ${warehouse.code} could not be loaded`}
            description={apiErrorOf(desk.error).message}
            action={
              <Button variant="outline" onClick={() => void desk.refetch()}>
                Try again
              </Button>
            }
          />
        ) : tab === "ready" ? (
          <ReadyToPlan key={warehouse.code} desk={desk.data} warehouse={warehouse} canPlan={can(role, "fulfillment.plan")} />
        ) : tab === "planned" ? (
          <PlannedQueue key={warehouse.code} queue={desk.data.planned} warehouse={warehouse} canPick={can(role, "fulfillment.pick")} />
        ) : (
          <ShipmentQueue tab={tab} queue={queueOf(desk.data, tab)} warehouse={warehouse} role={role} />
        )}
      </section>
    </div>
  );
}

function queueOf(desk: Desk, tab: Exclude<DeskTab, "ready" | "planned">) {
  return tab === "picking" ? desk.picking : tab === "picked" ? desk.picked : tab === "packed" ? desk.packed : desk.shippedToday;
}

function QueueSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-2">
      <span className="sr-only">Loading the queue…</span>
      <Skeleton className="h-9 w-72" />
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}

/** Rows shown vs. the queue's exact count. */
function Shown({ shown, count, noun }: { shown: number; count: number; noun: string }) {
  if (shown >= count) return null;
  return (
    <p className="text-xs text-muted-foreground">
      Showing the first {shown.toLocaleString("en-US")} of {count.toLocaleString("en-US")} {noun}.
    </p>
  );
}

function FilterField({ id, value, onChange, label, placeholder = "Filter" }: { id: string; value: string; onChange: (v: string) => void; label: string; placeholder?: string }) {
  return (
    <div className="relative w-full max-w-60 min-w-36 flex-1">
      <Label htmlFor={id} className="sr-only">
        {label}
      </Label>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input id={id} type="search" value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} className="pl-8" />
    </div>
  );
}

const matches = (filter: string, ...values: (string | null | undefined)[]) => {
  const f = filter.trim().toLowerCase();
  return !f || values.some((v) => v?.toLowerCase().includes(f));
};

/** Orders with stock reserved here that is not on a shipment yet: plan one, several, or any order by number. */
function ReadyToPlan({ desk, warehouse, canPlan }: { desk: Desk; warehouse: { code: string; name: string }; canPlan: boolean }) {
  const trpc = useTRPC();
  const changed = useFulfillmentChanged();
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const plan = useMutation(trpc.fulfillment.plan.mutationOptions());
  const orders = desk.readyToPlan.orders.filter((o) => matches(filter, o.order, o.customerName));
  const chosen = [...selected].filter((n) => desk.readyToPlan.orders.some((o) => o.order === n));

  async function planOrders(numbers: string[]) {
    setPending(new Set(numbers));
    const planned: { number: string; order: string }[] = [];
    const failed: { order: string; message: string }[] = [];
    for (const number of numbers) {
      try {
        const result = await plan.mutateAsync({ number, warehouse: warehouse.code });
        planned.push(...result.shipments.map((s) => ({ number: s.number, order: s.order })));
      } catch (error) {
        failed.push({ order: number, message: apiErrorOf(error).message });
      }
    }
    setPending(new Set());
    setSelected((s) => new Set([...s].filter((n) => !numbers.includes(n))));
    if (planned.length > 0) {
      toast.success(planned.length === 1 ? `${planned[0]!.number} planned for ${planned[0]!.order}` : `${planned.length} shipments planned`, {
        description: `${planned.map((p) => `${p.number} (${p.order})`).join(", ")} — now in “To pick”.`,
      });
    }
    if (failed.length > 0) {
      toast.error(failed.length === 1 ? `Could not plan ${failed[0]!.order}` : `${failed.length} orders could not be planned`, {
        description: failed.map((f) => (failed.length === 1 ? f.message : `${f.order}: ${f.message}`)).join(" "),
      });
    }
    changed();
    return { planned, failed };
  }

  const allShown = orders.length > 0 && orders.every((o) => selected.has(o.order));
  const someShown = orders.some((o) => selected.has(o.order));
  const busy = pending.size > 0;

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
          <FilterField id="ready-filter" label="Filter by order or customer" value={filter} onChange={setFilter} placeholder="Filter orders" />
          {canPlan && (
            <Button disabled={chosen.length === 0 || busy} onClick={() => void planOrders(chosen)}>
              <ClipboardList aria-hidden />
              {busy && pending.size > 1 ? "Planning…" : `Plan selected${chosen.length > 0 ? ` (${chosen.length})` : ""}`}
            </Button>
          )}
        </div>
        {canPlan && <PlanByNumber warehouse={warehouse} onPlan={planOrders} busy={busy} />}
      </div>
      {desk.readyToPlan.orders.length === 0 ? (
        <EmptyState
          icon={ClipboardCheck}
          title={`Nothing waiting to be planned in ${warehouse.code}`}
          description={`Open orders with stock reserved in ${warehouse.name} that is not on a shipment yet appear here, oldest promise date first.`}
        />
      ) : orders.length === 0 ? (
        <EmptyState icon={Search} title={`No order matches “${filter.trim()}”`} description="The filter looks at the orders shown; plan any other open order by its number." />
      ) : (
        <div className="min-w-0 rounded-lg border bg-background">
          <Table aria-label="Orders ready to plan">
            <TableHeader>
              <TableRow>
                {canPlan && (
                  <TableHead className="w-8">
                    <SelectCheckbox
                      label="Select all orders shown"
                      checked={allShown}
                      indeterminate={someShown && !allShown}
                      onChange={(on) => setSelected((s) => orders.reduce((acc, o) => toggleKey(acc, o.order, on), new Set(s)))}
                    />
                  </TableHead>
                )}
                <TableHead>Order</TableHead>
                <TableHead>Customer</TableHead>
                <TableHead>Promised</TableHead>
                <TableHead numeric>Units</TableHead>
                {canPlan && (
                  <TableHead className="text-right">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {orders.map((o: ReadyOrder) => (
                <TableRow key={o.order} data-state={selected.has(o.order) ? "selected" : undefined}>
                  {canPlan && (
                    <TableCell>
                      <SelectCheckbox label={`Select ${o.order}`} checked={selected.has(o.order)} onChange={(on) => setSelected((s) => toggleKey(s, o.order, on))} />
                    </TableCell>
                  )}
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    <Link href={`/orders/${encodeURIComponent(o.order)}`} className="text-primary hover:underline">
                      {o.order}
                    </Link>
                  </TableCell>
                  <TableCell className="max-w-0 w-full truncate" title={o.customerName}>
                    {o.customerName}
                  </TableCell>
                  <TableCell>
                    <DateOnly value={o.promisedDate} />
                  </TableCell>
                  <TableCell numeric>{o.units}</TableCell>
                  {canPlan && (
                    <TableCell className="text-right">
                      <Button size="sm" variant="outline" disabled={busy} onClick={() => void planOrders([o.order])} aria-label={`Plan ${o.order}`}>
                        {pending.has(o.order) ? "Planning…" : "Plan"}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Shown shown={desk.readyToPlan.orders.length} count={desk.readyToPlan.count} noun="orders, oldest promise first" />
    </>
  );
}

/** Any open order by its number (a scanned order sheet, or one beyond the first page of the queue). */
function PlanByNumber({
  warehouse,
  onPlan,
  busy,
}: {
  warehouse: { code: string };
  onPlan: (numbers: string[]) => Promise<{ failed: { message: string }[] }>;
  busy: boolean;
}) {
  const [number, setNumber] = useState("");
  const [error, setError] = useState<string | null>(null);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = number.trim().toUpperCase();
    if (!value) {
      setError("Enter an order number");
      return;
    }
    setError(null);
    const { failed } = await onPlan([value]);
    if (failed.length > 0) setError(failed[0]!.message);
    else setNumber("");
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex items-start gap-2" aria-label="Plan an order by number">
      <div className="grid gap-1">
        <Label htmlFor="plan-order-number" className="sr-only">
          Order number to plan from {warehouse.code}
        </Label>
        <Input
          id="plan-order-number"
          value={number}
          onChange={(e) => {
            setNumber(e.target.value);
            setError(null);
          }}
          placeholder="Order number"
          className="w-40 font-mono"
          aria-invalid={!!error}
          aria-describedby={error ? "plan-order-number-error" : undefined}
        />
        <FieldError id="plan-order-number-error" className="max-w-72 text-xs">
          {error}
        </FieldError>
      </div>
      <Button type="submit" variant="outline" disabled={busy}>
        Plan order
      </Button>
    </form>
  );
}

/** Planned shipments: choose several and batch them into a pick list. */
function PlannedQueue({ queue, warehouse, canPick }: { queue: Desk["planned"]; warehouse: { code: string; name: string }; canPick: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const changed = useFulfillmentChanged();
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const rows = queue.shipments.filter((s) => matches(filter, s.number, s.order, s.customerName));
  const chosen = [...selected].filter((n) => queue.shipments.some((s) => s.number === n));
  const create = useMutation(
    trpc.fulfillment.createPickList.mutationOptions({
      onSuccess: (list) => {
        toast.success(`Pick list ${list.number} created`, {
          description: `${list.shipments.length} shipment${list.shipments.length === 1 ? "" : "s"}, ${list.picks.length} SKU${list.picks.length === 1 ? "" : "s"} in bin order.`,
        });
        changed();
        router.push(`/fulfillment/pick-lists/${encodeURIComponent(list.number)}`);
      },
      onError: (error) => toast.error("Could not create the pick list", { description: apiErrorOf(error).message }),
    }),
  );
  const allShown = rows.length > 0 && rows.every((s) => selected.has(s.number));
  const someShown = rows.some((s) => selected.has(s.number));

  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <FilterField id="planned-filter" label="Filter by shipment, order or customer" value={filter} onChange={setFilter} placeholder="Filter shipments" />
        {canPick && (
          <Button disabled={chosen.length === 0 || create.isPending} onClick={() => create.mutate({ warehouse: warehouse.code, shipments: chosen })}>
            <ClipboardList aria-hidden />
            {create.isPending ? "Creating…" : `Create pick list${chosen.length > 0 ? ` (${chosen.length})` : ""}`}
          </Button>
        )}
      </div>
      {queue.shipments.length === 0 ? (
        <EmptyState
          icon={ClipboardList}
          title={`No planned shipments in ${warehouse.code}`}
          description="Shipments planned from reserved stock wait here until they are put on a pick list."
        />
      ) : rows.length === 0 ? (
        <EmptyState icon={Search} title={`No shipment matches “${filter.trim()}”`} />
      ) : (
        <div className="min-w-0 rounded-lg border bg-background">
          <Table aria-label="Planned shipments">
            <TableHeader>
              <TableRow>
                {canPick && (
                  <TableHead className="w-8">
                    <SelectCheckbox
                      label="Select all shipments shown"
                      checked={allShown}
                      indeterminate={someShown && !allShown}
                      onChange={(on) => setSelected((s) => rows.reduce((acc, r) => toggleKey(acc, r.number, on), new Set(s)))}
                    />
                  </TableHead>
                )}
                <ShipmentHeadings />
                <TableHead className="hidden xl:table-cell">Planned</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((s) => (
                <TableRow key={s.number} data-state={selected.has(s.number) ? "selected" : undefined}>
                  {canPick && (
                    <TableCell>
                      <SelectCheckbox label={`Select ${s.number}`} checked={selected.has(s.number)} onChange={(on) => setSelected((x) => toggleKey(x, s.number, on))} />
                    </TableCell>
                  )}
                  <ShipmentCells shipment={s} />
                  <TableCell className="hidden xl:table-cell">
                    <DateTime value={s.createdAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Shown shown={queue.shipments.length} count={queue.count} noun="shipments, oldest first" />
    </>
  );
}

function ShipmentHeadings() {
  return (
    <>
      <TableHead>Shipment</TableHead>
      <TableHead>Order</TableHead>
      <TableHead>Customer</TableHead>
      <TableHead>Status</TableHead>
      <TableHead numeric>Units</TableHead>
    </>
  );
}

function ShipmentCells({ shipment: s }: { shipment: TShipment }) {
  const short = s.lines.some((l) => l.picked !== null && l.picked < l.quantity);
  return (
    <>
      <TableCell className="font-mono text-xs whitespace-nowrap">
        <Link href={`/fulfillment/shipments/${encodeURIComponent(s.number)}`} className="text-primary hover:underline">
          {s.number}
        </Link>
      </TableCell>
      <TableCell className="font-mono text-xs whitespace-nowrap">
        <Link href={`/orders/${encodeURIComponent(s.order)}`} className="hover:underline">
          {s.order}
        </Link>
      </TableCell>
      <TableCell className="max-w-0 w-full truncate" title={s.customerName}>
        {s.customerName}
      </TableCell>
      <TableCell>
        <StatusBadge status={s.status} />
      </TableCell>
      <TableCell numeric>
        {s.units}
        {short && <span className="ml-1 text-xs font-medium text-warning-soft-foreground">short</span>}
      </TableCell>
    </>
  );
}

/** Shipments on pick lists, picked, packed, and shipped today. */
function ShipmentQueue({
  tab,
  queue,
  warehouse,
  role,
}: {
  tab: "picking" | "picked" | "packed" | "shipped";
  queue: { count: number; shipments: TShipment[] };
  warehouse: { code: string; name: string };
  role: Role;
}) {
  const [filter, setFilter] = useState("");
  const [dialog, setDialog] = useState<{ kind: "pack" | "ship"; shipment: TShipment } | null>(null);
  const rows = queue.shipments.filter((s) => matches(filter, s.number, s.order, s.customerName, s.pickList, s.trackingNumber));
  const canPack = can(role, "fulfillment.pick");
  const canShip = can(role, "fulfillment.ship");
  const pickLists = tab === "picking" ? [...new Set(queue.shipments.map((s) => s.pickList).filter((p): p is string => !!p))] : [];
  const empty = {
    picking: { icon: ClipboardList, title: `Nothing is being picked in ${warehouse.code}`, description: "Shipments on an open pick list appear here until the picker confirms them." },
    picked: { icon: PackageOpen, title: "Nothing waiting to be packed", description: "Picked shipments wait here to be packed (or shipped straight away)." },
    packed: { icon: PackageCheck, title: "Nothing waiting to be shipped", description: "Packed shipments wait here for a carrier and tracking number." },
    shipped: { icon: Truck, title: `Nothing shipped from ${warehouse.code} today`, description: "Shipments that leave today appear here with their tracking links." },
  }[tab];

  return (
    <>
      {pickLists.length > 0 && (
        <nav aria-label="Open pick lists" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted-foreground">Open pick lists:</span>
          {pickLists.map((p) => (
            <Link key={p} href={`/fulfillment/pick-lists/${encodeURIComponent(p)}`} className="rounded-md border bg-background px-2 py-0.5 font-mono text-xs text-primary hover:bg-muted">
              {p}
            </Link>
          ))}
        </nav>
      )}
      {queue.shipments.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <FilterField id={`${tab}-filter`} label="Filter by shipment, order or customer" value={filter} onChange={setFilter} placeholder="Filter shipments" />
        </div>
      )}
      {queue.shipments.length === 0 ? (
        <EmptyState icon={empty.icon} title={empty.title} description={empty.description} />
      ) : rows.length === 0 ? (
        <EmptyState icon={Search} title={`No shipment matches “${filter.trim()}”`} />
      ) : (
        <div className="min-w-0 rounded-lg border bg-background">
          <Table aria-label={`${QUEUES[tab].heading} shipments`}>
            <TableHeader>
              <TableRow>
                <ShipmentHeadings />
                {tab === "picking" && <TableHead>Pick list</TableHead>}
                {tab === "shipped" && <TableHead>Tracking</TableHead>}
                {tab === "shipped" && <TableHead className="hidden xl:table-cell">Shipped</TableHead>}
                {tab !== "shipped" && (
                  <TableHead className="text-right">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((s) => (
                <TableRow key={s.number}>
                  <ShipmentCells shipment={s} />
                  {tab === "picking" && (
                    <TableCell className="font-mono text-xs whitespace-nowrap">
                      {s.pickList ? (
                        <Link href={`/fulfillment/pick-lists/${encodeURIComponent(s.pickList)}`} className="text-primary hover:underline">
                          {s.pickList}
                        </Link>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                    </TableCell>
                  )}
                  {tab === "shipped" && (
                    <TableCell className="min-w-44">
                      <TrackingLink shipment={s} />
                    </TableCell>
                  )}
                  {tab === "shipped" && (
                    <TableCell className="hidden xl:table-cell">
                      <DateTime value={s.shippedAt} timeStyle="short" />
                    </TableCell>
                  )}
                  {tab !== "shipped" && (
                    <TableCell className="text-right whitespace-nowrap">
                      <span className="inline-flex gap-1.5">
                        {tab === "picking" && s.pickList && (
                          <Button asChild size="sm" variant="outline">
                            <Link href={`/fulfillment/pick-lists/${encodeURIComponent(s.pickList)}`} aria-label={`Confirm picks of ${s.number} on ${s.pickList}`}>
                              Confirm picks
                            </Link>
                          </Button>
                        )}
                        {tab === "picked" && canPack && (
                          <Button size="sm" variant="outline" onClick={() => setDialog({ kind: "pack", shipment: s })} aria-label={`Pack ${s.number}`}>
                            Pack
                          </Button>
                        )}
                        {tab === "packed" && (
                          <Button asChild size="sm" variant="ghost">
                            <a href={`/fulfillment/shipments/${encodeURIComponent(s.number)}/packing-slip`} target="_blank" rel="noopener" aria-label={`Packing slip of ${s.number} (PDF, opens in a new tab)`}>
                              <FileText aria-hidden />
                              Slip
                            </a>
                          </Button>
                        )}
                        {(tab === "picked" || tab === "packed") && canShip && (
                          <Button size="sm" variant={tab === "packed" ? "default" : "outline"} onClick={() => setDialog({ kind: "ship", shipment: s })} aria-label={`Ship ${s.number}`}>
                            Ship
                          </Button>
                        )}
                      </span>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Shown shown={queue.shipments.length} count={queue.count} noun="shipments" />
      {dialog?.kind === "pack" && <PackDialog shipment={dialog.shipment} open onOpenChange={(open) => !open && setDialog(null)} />}
      {dialog?.kind === "ship" && <ShipDialog shipment={dialog.shipment} open onOpenChange={(open) => !open && setDialog(null)} />}
    </>
  );
}
