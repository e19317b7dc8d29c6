"use client";

import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { CircleCheck, Keyboard, LoaderCircle, TriangleAlert, UserPlus, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "~/components/ui/toast";
import { DateTime } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Input } from "~/components/ui/input";
import { Kbd } from "~/components/ui/kbd";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { Role } from "~/server/auth/roles";
import { EXCEPTION_LABELS, EXCEPTION_SEVERITIES, EXCEPTION_STATUS_LABELS, EXCEPTION_TYPES, SLA_STATES, type ExceptionType } from "~/server/exceptions/constants";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { canWorkAll, commonActions, type ResolveOption } from "./actions";
import { errorText, KeysDialog, NoteDialog, ResolveDialog, useExceptionsChanged, type Target } from "./dialogs";
import { ExceptionPanel } from "./exception-panel";
import { AGE_BUCKETS, AGE_LABELS, SEVERITY_LABELS, SEVERITY_VARIANT, SLA_LABELS, STATUS_VARIANT, TEAM_LABELS } from "./format";
import { DEFAULT_VIEW, hasFilters, listInput, parseQueueParams, QUEUE_STATUSES, queueHref, toQueryString, type QueueParams, type QueueView } from "./queue-params";
import { SavedViews, type SavedViewsOf } from "~/components/shell/saved-views";
import { SlaTimer, useNow } from "./sla-timer";

type Page = RouterOutputs["exceptions"]["list"];
type Item = Page["items"][number];
type Counts = RouterOutputs["exceptions"]["counts"];

const PAGE_SIZE = 50;
const TABS: { id: QueueView; label: string }[] = [
  { id: "mine", label: "My queue" },
  { id: "team", label: "Team" },
  { id: "all", label: "All" },
];

const labelOf = (item: Pick<Item, "type" | "order">) => `${EXCEPTION_LABELS[item.type]}${item.order ? ` on ${item.order}` : ""}`;
const targetOf = (item: Item): Target => ({ id: item.id, label: labelOf(item) });

const QUEUE_VIEWS_OF: SavedViewsOf = {
  list: "exceptions",
  path: "/exceptions",
  allLabel: "No filters",
  canonical: (query) => toQueryString(parseQueueParams(new URLSearchParams(query))),
  example: "Breached credit holds",
  noun: "exceptions",
};

/** Keys typed into a field, a menu or a modal dialog are never shortcuts. */
function isTypingOrModal(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (target?.closest("input:not([type=checkbox]):not([type=radio]), textarea, select, [contenteditable=''], [contenteditable=true], [role=combobox], [role=menu], [role=listbox]")) return true;
  const dialogs = [...document.querySelectorAll('[role="dialog"], [role="alertdialog"]')].filter((d) => !d.hasAttribute("data-exception-panel"));
  return dialogs.length > 0;
}

/**
 * The exception queue: tabs (mine, team, all) with counts, filters in the URL, saved views, the table most urgent
 * first with SLA timers, bulk actions on the checked rows, a side panel, and keyboard shortcuts (? lists them).
 */
export function ExceptionQueue({
  params,
  role,
  userId,
  initialPage,
  initialCounts,
}: {
  params: QueueParams;
  role: Role;
  userId: string;
  initialPage: Page;
  initialCounts: Counts;
}) {
  const trpc = useTRPC();
  const now = useNow();
  const input = listInput(params);
  const view = input.view;
  const query = toQueryString(params);
  const list = useInfiniteQuery(
    trpc.exceptions.list.infiniteQueryOptions(
      { ...input, limit: PAGE_SIZE },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // The first page's param must stay undefined (no cursor): a null one would be sent as `cursor: null` on refetch.
        initialData: { pages: [initialPage], pageParams: [undefined as unknown as null] },
        refetchInterval: 60_000,
      },
    ),
  );
  const counts = useQuery(trpc.exceptions.counts.queryOptions(undefined, { initialData: initialCounts, refetchInterval: 60_000 }));
  const items: Item[] = list.data?.pages.flatMap((p) => p.items) ?? [];

  const [currentId, setCurrentId] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [panelId, setPanelId] = useState<string | null>(null);
  const [resolving, setResolving] = useState<{ targets: Target[]; options: ResolveOption[]; action?: string } | null>(null);
  const [dismissing, setDismissing] = useState<Target[] | null>(null);
  const [commenting, setCommenting] = useState<Target[] | null>(null);
  const [reopening, setReopening] = useState<Target[] | null>(null);
  const [keysOpen, setKeysOpen] = useState(false);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());

  const visibleChecked = items.filter((i) => checked.has(i.id));
  const current = items.find((i) => i.id === currentId) ?? null;
  /** What a shortcut or bulk button acts on: the checked rows, else the current one. */
  const targets = visibleChecked.length > 0 ? visibleChecked : current ? [current] : [];

  const changed = useExceptionsChanged();
  const assign = useMutation(
    trpc.exceptions.assign.mutationOptions({
      onSuccess: (r, vars) => {
        const n = r.ids.length;
        toast.success(n === 1 ? `${labelOf(items.find((i) => i.id === vars.ids[0]) ?? { type: "credit_hold", order: null })} assigned to you` : `${n} exceptions assigned to you`);
        changed();
      },
      onError: (error) => toast.error("Could not assign", { description: errorText(error, ["assignee", "ids"]) }),
    }),
  );

  function move(delta: number) {
    if (items.length === 0) return;
    const index = items.findIndex((i) => i.id === currentId);
    const next = index === -1 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, index + delta));
    const id = items[next]!.id;
    setCurrentId(id);
    if (panelId) setPanelId(id);
    rowRefs.current.get(id)?.scrollIntoView({ block: "nearest" });
  }

  function assignToMe(rows: Item[]) {
    if (rows.length === 0) return toast.info("Choose an exception first (j/k or the checkboxes)");
    if (!canWorkAll(rows.map((r) => r.type), role)) return toast.error("You cannot take these", { description: "Each type is worked by its team; managers take any." });
    assign.mutate({ ids: rows.map((r) => r.id), assignee: "me" });
  }
  function openResolve(rows: Item[]) {
    if (rows.length === 0) return toast.info("Choose an exception first (j/k or the checkboxes)");
    setResolving({ targets: rows.map(targetOf), options: commonActions(rows.map((r) => r.type), role) });
  }
  function openDismiss(rows: Item[]) {
    if (rows.length === 0) return toast.info("Choose an exception first (j/k or the checkboxes)");
    if (!canWorkAll(rows.map((r) => r.type), role)) return toast.error("You cannot dismiss these", { description: "Each type is worked by its team; managers any." });
    setDismissing(rows.map(targetOf));
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTypingOrModal(event)) return;
    const onControl = !!(event.target as HTMLElement | null)?.closest("a, button, summary");
    switch (event.key) {
      case "j":
      case "ArrowDown":
        if (event.key === "ArrowDown" && !(event.target as HTMLElement)?.closest("[data-queue-table]")) return;
        event.preventDefault();
        move(1);
        break;
      case "k":
      case "ArrowUp":
        if (event.key === "ArrowUp" && !(event.target as HTMLElement)?.closest("[data-queue-table]")) return;
        event.preventDefault();
        move(-1);
        break;
      case "Enter":
        if (onControl || !current) return;
        event.preventDefault();
        setPanelId(current.id);
        break;
      case "x":
        if (!current) return;
        event.preventDefault();
        setChecked((s) => toggle(s, current.id, !s.has(current.id)));
        break;
      case "a":
        event.preventDefault();
        assignToMe(targets);
        break;
      case "r":
        event.preventDefault();
        openResolve(targets);
        break;
      case "d":
        event.preventDefault();
        openDismiss(targets);
        break;
      case "c":
        event.preventDefault();
        if (!current) return void toast.info("Choose an exception first (j/k)");
        setCommenting([targetOf(current)]);
        break;
      case "?":
        event.preventDefault();
        setKeysOpen(true);
        break;
    }
  }
  // Re-registered on each render so the listener sees the current rows and selection.
  useEffect(() => {
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  });

  const allChecked = items.length > 0 && visibleChecked.length === items.length;
  const panelRequests = {
    onResolve: (e: { id: string; label: string; type: ExceptionType }, options: ResolveOption[], action?: string) =>
      setResolving({ targets: [{ id: e.id, label: e.label }], options, action }),
    onDismiss: (e: Target) => setDismissing([e]),
    onReopen: (e: Target) => setReopening([e]),
  };

  return (
    <div className={cn("grid min-w-0 grid-cols-[minmax(0,1fr)] gap-3 transition-[padding]", panelId && "2xl:pr-[35rem]")}>
      <nav aria-label="Queues" className="-mb-px flex items-end gap-0.5 overflow-x-auto border-b">
        {TABS.map((tab) => {
          const active = tab.id === view;
          const count = counts.data?.[tab.id];
          return (
            <Link
              key={tab.id}
              href={queueHref({ ...params, view: tab.id })}
              aria-current={active ? "page" : undefined}
              className={cn(
                "inline-flex h-10 shrink-0 items-center gap-1.5 border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70",
                active ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
              )}
            >
              {tab.label}
              <span className={cn("min-w-5 rounded-full px-1.5 text-center text-xs leading-5 tabular-nums", active ? "bg-primary text-primary-foreground" : "bg-muted text-muted-foreground")}>
                {count === undefined ? "…" : count.toLocaleString("en-US")}
                <span className="sr-only"> active</span>
              </span>
            </Link>
          );
        })}
        <button
          type="button"
          onClick={() => setKeysOpen(true)}
          className="mb-1.5 ml-auto inline-flex shrink-0 items-center gap-1.5 rounded-md px-2 py-1 text-xs text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/70"
        >
          <Keyboard className="size-3.5" aria-hidden />
          Keys <Kbd>?</Kbd>
        </button>
      </nav>

      <SavedViews of={QUEUE_VIEWS_OF} currentQuery={query} />
      <QueueFilters key={query} params={params} />

      <div className="flex min-h-9 flex-wrap items-center gap-2" role="toolbar" aria-label="Bulk actions">
        {visibleChecked.length > 0 ? (
          <>
            <span className="text-sm font-medium">{visibleChecked.length} selected</span>
            <Button size="sm" variant="outline" onClick={() => assignToMe(visibleChecked)} disabled={assign.isPending}>
              <UserPlus aria-hidden />
              Assign to me
            </Button>
            <Button size="sm" variant="outline" onClick={() => openResolve(visibleChecked)}>
              <CircleCheck aria-hidden />
              Resolve…
            </Button>
            <Button size="sm" variant="outline" onClick={() => openDismiss(visibleChecked)}>
              Dismiss…
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setChecked(new Set())}>
              Clear selection
            </Button>
          </>
        ) : (
          <p className="text-xs text-muted-foreground">
            Most urgent first: breached, due within the hour, then by severity and due time. <Kbd>j</Kbd> <Kbd>k</Kbd> move, <Kbd>Enter</Kbd> opens, <Kbd>x</Kbd> selects.
          </p>
        )}
        {list.isFetching && !list.isFetchingNextPage && <LoaderCircle className="ml-auto size-4 animate-spin text-muted-foreground" aria-label="Refreshing" />}
      </div>

      {list.isError ? (
        <EmptyState
          role="alert"
          icon={TriangleAlert}
          title="The queue could not be loaded"
          description={apiErrorOf(list.error).message}
          action={
            <Button variant="outline" onClick={() => void list.refetch()}>
              Try again
            </Button>
          }
        />
      ) : items.length === 0 ? (
        <EmptyState
          icon={CircleCheck}
          title={hasFilters(params) ? "No exceptions match these filters" : view === "mine" ? "Your queue is clear" : "No active exceptions"}
          description={hasFilters(params) ? "Try another filter, or clear them." : "Credit holds, price approvals, address problems and stockouts land here as orders run into them."}
          action={
            hasFilters(params) ? (
              <Button asChild variant="outline">
                <Link href={queueHref({ view: params.view })}>Clear filters</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <div className="rounded-lg border bg-background" data-queue-table="">
          <Table aria-label="Exceptions" aria-describedby="queue-keys-hint">
            <TableHeader>
              <TableRow>
                <TableHead className="w-8">
                  <input
                    type="checkbox"
                    aria-label="Select all shown"
                    checked={allChecked}
                    ref={(el) => {
                      if (el) el.indeterminate = visibleChecked.length > 0 && !allChecked;
                    }}
                    onChange={(e) => setChecked(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())}
                    className="size-4 align-middle accent-primary"
                  />
                </TableHead>
                <TableHead>Exception</TableHead>
                <TableHead>SLA</TableHead>
                <TableHead>Order</TableHead>
                <TableHead className="hidden lg:table-cell">Customer</TableHead>
                <TableHead>Assignee</TableHead>
                <TableHead className="hidden xl:table-cell">Reason</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => {
                const isCurrent = item.id === currentId;
                const isOpen = item.id === panelId;
                return (
                  <TableRow
                    key={item.id}
                    ref={(el) => {
                      if (el) rowRefs.current.set(item.id, el);
                      else rowRefs.current.delete(item.id);
                    }}
                    tabIndex={isCurrent ? 0 : -1}
                    data-queue-current={isCurrent ? "" : undefined}
                    aria-current={isCurrent ? "true" : undefined}
                    data-testid={`exception-row-${item.order ?? item.id}`}
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest("a, button, input")) return;
                      setCurrentId(item.id);
                      setPanelId(item.id);
                    }}
                    className={cn(
                      "cursor-pointer outline-none",
                      isCurrent && "bg-primary/5 shadow-[inset_3px_0_0_var(--color-primary)] hover:bg-primary/10",
                      isOpen && "bg-primary/10",
                    )}
                  >
                    <TableCell className="w-8">
                      <input
                        type="checkbox"
                        aria-label={`Select ${labelOf(item)}`}
                        checked={checked.has(item.id)}
                        onChange={(e) => setChecked((s) => toggle(s, item.id, e.target.checked))}
                        className="size-4 align-middle accent-primary"
                      />
                    </TableCell>
                    <TableCell className="min-w-40">
                      <button
                        type="button"
                        className="text-left font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/70"
                        onClick={() => {
                          setCurrentId(item.id);
                          setPanelId(item.id);
                        }}
                      >
                        {EXCEPTION_LABELS[item.type]}
                      </button>
                      <span className="mt-0.5 flex flex-wrap items-center gap-1">
                        <Badge variant={SEVERITY_VARIANT[item.severity]}>{SEVERITY_LABELS[item.severity]}</Badge>
                        {item.status !== "open" && <Badge variant={STATUS_VARIANT[item.status]}>{EXCEPTION_STATUS_LABELS[item.status]}</Badge>}
                        {item.reopenCount > 0 && <Badge variant="outline">Reopened</Badge>}
                      </span>
                    </TableCell>
                    <TableCell>
                      {item.status === "resolved" || item.status === "dismissed" ? (
                        <span className="text-xs text-muted-foreground">
                          {EXCEPTION_STATUS_LABELS[item.status]} <DateTime value={item.resolvedAt} />
                        </span>
                      ) : (
                        <SlaTimer dueAt={item.dueAt} status={item.status} now={now} />
                      )}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {item.order ? (
                        <Link href={`/orders/${encodeURIComponent(item.order)}`} className="font-mono text-primary hover:underline">
                          {item.order}
                        </Link>
                      ) : (
                        "—"
                      )}
                      <span className="block text-xs text-muted-foreground lg:hidden">{item.customerName}</span>
                    </TableCell>
                    <TableCell className="hidden max-w-48 lg:table-cell">
                      {item.customer ? (
                        <>
                          <Link href={queueHref({ ...params, customer: item.customer })} className="block truncate hover:underline" title={`Only ${item.customerName}`}>
                            {item.customerName}
                          </Link>
                          <span className="font-mono text-xs text-muted-foreground">{item.customer}</span>
                        </>
                      ) : (
                        "—"
                      )}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {item.assignee ? (
                        <span className={cn(item.assignee.id === userId && "font-medium")}>{item.assignee.id === userId ? `${item.assignee.name} (you)` : item.assignee.name}</span>
                      ) : (
                        <span className="text-muted-foreground">{TEAM_LABELS[item.team]}</span>
                      )}
                    </TableCell>
                    <TableCell className="hidden max-w-sm text-muted-foreground xl:table-cell">
                      <span className="line-clamp-2" title={item.reason}>
                        {item.reason}
                      </span>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      <p id="queue-keys-hint" className="sr-only">
        Press j and k to move through the exceptions, Enter to open one, x to select, a to assign to yourself, r to resolve, question mark for all keys.
      </p>
      {items.length > 0 && (
        <div className="flex items-center justify-between text-sm text-muted-foreground">
          <span>
            Showing {items.length.toLocaleString("en-US")}
            {counts.data && !hasFilters(params) && (params.status ?? "active") === "active" ? ` of ${counts.data[view].toLocaleString("en-US")}` : ""}
          </span>
          {list.hasNextPage && (
            <Button variant="outline" size="sm" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          )}
        </div>
      )}

      <ExceptionPanel id={panelId} role={role} userId={userId} now={now} onClose={() => setPanelId(null)} requests={panelRequests} />
      <ResolveDialog
        targets={resolving?.targets ?? null}
        options={resolving?.options ?? []}
        initialAction={resolving?.action}
        onClose={() => setResolving(null)}
        onDone={() => setChecked(new Set())}
      />
      <NoteDialog kind="dismiss" targets={dismissing} onClose={() => setDismissing(null)} onDone={() => setChecked(new Set())} />
      <NoteDialog kind="comment" targets={commenting} onClose={() => setCommenting(null)} />
      <NoteDialog kind="reopen" targets={reopening} onClose={() => setReopening(null)} />
      <KeysDialog open={keysOpen} onOpenChange={setKeysOpen} />
    </div>
  );
}

function toggle(set: ReadonlySet<string>, key: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

/** The filter bar: selects apply at once, text fields on Enter or Apply; everything lives in the URL. */
function QueueFilters({ params }: { params: QueueParams }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const value = (key: string) => {
      const v = data.get(key);
      return typeof v === "string" && v.trim() ? v.trim() : undefined;
    };
    const next: QueueParams = {
      ...params,
      type: value("type") as QueueParams["type"],
      severity: value("severity") as QueueParams["severity"],
      sla: value("sla") as QueueParams["sla"],
      age: value("age") as QueueParams["age"],
      status: value("status") as QueueParams["status"],
      assignee: value("assignee") as QueueParams["assignee"],
      customer: value("customer")?.toUpperCase(),
    };
    startTransition(() => router.push(queueHref(next)));
  }
  const submitOnChange = () => formRef.current && apply(formRef.current);
  const extra = (["order", "sku", "warehouse", "team", "days"] as const).filter((k) => params[k]);
  const extraLabel = { order: "Order", sku: "SKU", warehouse: "Warehouse", team: "Team", days: "Opened in the last days" } as const;

  return (
    <form
      ref={formRef}
      method="get"
      action="/exceptions"
      role="search"
      aria-label="Filter exceptions"
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
      className="grid gap-2 rounded-lg border bg-background p-3"
    >
      {params.view && params.view !== DEFAULT_VIEW && <input type="hidden" name="view" value={params.view} />}
      <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
        <Filter id="f-type" name="type" label="Type" value={params.type} any="All types" options={EXCEPTION_TYPES.map((t) => [t, EXCEPTION_LABELS[t]])} onChange={submitOnChange} className="w-40" />
        <Filter id="f-severity" name="severity" label="Severity" value={params.severity} any="Any" options={EXCEPTION_SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]])} onChange={submitOnChange} className="w-28" />
        <Filter id="f-sla" name="sla" label="SLA" value={params.sla} any="Any" options={SLA_STATES.map((s) => [s, SLA_LABELS[s]])} onChange={submitOnChange} className="w-36" />
        <Filter id="f-age" name="age" label="Age" value={params.age} any="Any age" options={AGE_BUCKETS.map((a) => [a, AGE_LABELS[a]])} onChange={submitOnChange} className="w-32" />
        <Filter
          id="f-assignee"
          name="assignee"
          label="Assignee"
          value={params.assignee === "me" || params.assignee === "none" ? params.assignee : undefined}
          any="Anyone"
          options={[
            ["me", "Me"],
            ["none", "Unassigned"],
          ]}
          onChange={submitOnChange}
          className="w-32"
        />
        <Filter
          id="f-status"
          name="status"
          label="Status"
          value={params.status === "active" ? undefined : params.status}
          any="Active"
          options={QUEUE_STATUSES.filter((s) => s !== "active").map((s) => [s, s === "any" ? "Any status" : EXCEPTION_STATUS_LABELS[s]])}
          onChange={submitOnChange}
          className="w-32"
        />
        <div className="grid gap-1">
          <Label htmlFor="f-customer" className="text-xs">
            Customer code
          </Label>
          <Input id="f-customer" name="customer" defaultValue={params.customer} placeholder="e.g. C-0042" className="h-9 w-28 uppercase placeholder:normal-case" />
        </div>
        <Button type="submit" variant="secondary" disabled={isPending}>
          {isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
          Apply
        </Button>
        {hasFilters(params) && (
          <Button asChild variant="ghost">
            <Link href={queueHref({ view: params.view })}>Clear</Link>
          </Button>
        )}
      </div>
      {extra.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <span className="text-muted-foreground">Also filtered by</span>
          {extra.map((k) => (
            <span key={k} className="inline-flex items-center gap-1 rounded-full border bg-muted px-2 py-0.5">
              {extraLabel[k]}: <span className="font-mono">{k === "team" ? TEAM_LABELS[params.team!] : params[k]}</span>
              <Link href={queueHref({ ...params, [k]: undefined })} aria-label={`Remove the ${extraLabel[k].toLowerCase()} filter`} className="rounded-full p-0.5 hover:bg-background">
                <X className="size-3" aria-hidden />
              </Link>
            </span>
          ))}
        </div>
      )}
    </form>
  );
}

function Filter({
  id,
  name,
  label,
  value,
  any,
  options,
  onChange,
  className,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  any: string;
  options: readonly (readonly [string, string])[];
  onChange: () => void;
  className?: string;
}) {
  return (
    <div className="grid gap-1">
      <Label htmlFor={id} className="text-xs">
        {label}
      </Label>
      <NativeSelect id={id} name={name} defaultValue={value ?? ""} onChange={onChange} className={className}>
        <option value="">{any}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

export function QueueSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-2">
      <span className="sr-only">Loading the queue…</span>
      <Skeleton className="h-10 w-80" />
      <Skeleton className="h-16 w-full" />
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-11 w-full" />
      ))}
    </div>
  );
}
