"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Ban, Download, Play, RotateCw, Trash2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { LoadMore } from "~/components/list/load-more";
import { DateTime } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { QueryState } from "~/components/ui/query-state";
import { Label } from "~/components/ui/label";
import { PageHeader } from "~/components/ui/page-header";
import { NativeSelect } from "~/components/ui/select";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { toast } from "~/components/ui/toast";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { ImportKindName } from "~/server/imports/constants";
import { useTRPC } from "~/trpc/react";
import { count, doneRows, errorReportHref, type Import, ImportStatusBadge, isActive, KIND_LABEL, RowStatusBadge } from "./import-display";

type RowFilter = "problems" | "pending" | "imported" | "skipped" | "all";
const ROW_FILTERS: { value: RowFilter; label: string }[] = [
  { value: "problems", label: "Problems (refused or failed)" },
  { value: "imported", label: "Imported" },
  { value: "skipped", label: "Skipped (already there)" },
  { value: "pending", label: "Not imported yet" },
  { value: "all", label: "All rows" },
];

/** Where an imported row's result (an order number, a customer code, a SKU) is seen in the desk. */
function resultHref(kind: ImportKindName, result: string): string | null {
  if (kind === "orders") return `/orders/${encodeURIComponent(result)}`;
  if (kind === "customers") return `/customers/${encodeURIComponent(result)}`;
  if (kind === "products") return `/products/${encodeURIComponent(result)}`;
  return null;
}

/** The list where a completed import's records are. */
const LIST_OF: Record<ImportKindName, { href: string; label: string }> = {
  orders: { href: "/orders", label: "Orders" },
  customers: { href: "/customers", label: "Customers" },
  products: { href: "/products", label: "Products" },
  price_list_items: { href: "/admin/pricing", label: "Pricing" },
  stock_counts: { href: "/inventory", label: "Inventory" },
};

const problemsOf = (i: Import) => i.invalidRows + i.failedRows;

/**
 * One import, read from the server by id (so a reload shows the same): the check's summary and problems
 * before anything is written, Start / Discard, the run's progress (polled every second while queued or
 * running) with Cancel, and the rows by outcome with links to what they made.
 */
export function ImportDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({ ...trpc.imports.get.queryOptions({ id }), refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? 1_000 : false) });
  const kinds = useQuery(trpc.imports.kinds.queryOptions());
  const [discarding, setDiscarding] = useState<Import | null>(null);
  const item = query.data;
  const status = item?.status;

  // A new status (started, finished, canceled) changes which rows are where: read them again.
  useEffect(() => {
    if (!status) return;
    void queryClient.invalidateQueries({ queryKey: trpc.imports.rows.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.imports.list.pathKey() });
  }, [status, queryClient, trpc]);

  const changed = (i: Import) => queryClient.setQueryData(trpc.imports.get.queryKey({ id }), i);
  const failed = (error: unknown) => toast.error(apiErrorOf(error).message);
  const start = useMutation(trpc.imports.start.mutationOptions({ onSuccess: (i) => (changed(i), toast.success(`Importing ${count(i.validRows, "row")}`)), onError: failed }));
  const cancel = useMutation(trpc.imports.cancel.mutationOptions({ onSuccess: (i) => (changed(i), toast.success("Import canceled: what was imported stays")), onError: failed }));
  const discard = useMutation(
    trpc.imports.discard.mutationOptions({ onSuccess: (i) => (changed(i), setDiscarding(null), toast.success("Upload discarded: nothing was written")), onError: failed }),
  );
  const busy = start.isPending || cancel.isPending || discard.isPending;

  const back = (
    <p className="mb-2 text-sm">
      <Link href="/admin/import" className="text-muted-foreground hover:text-foreground hover:underline">
        ← Import
      </Link>
    </p>
  );

  if (!item) {
    return (
      <>
        {back}
        {query.isError ? (
          <EmptyState
            title="This import could not be loaded"
            description={apiErrorOf(query.error).message}
            action={
              <Button variant="outline" onClick={() => void query.refetch()}>
                Try again
              </Button>
            }
          />
        ) : (
          <div aria-busy="true" className="grid gap-3">
            <span className="sr-only">Loading the import…</span>
            <Skeleton className="h-8 w-72" />
            <Skeleton className="h-40" />
          </div>
        )}
      </>
    );
  }

  const label = kinds.data?.items.find((k) => k.kind === item.kind)?.label ?? KIND_LABEL[item.kind];
  const problems = problemsOf(item);
  const actions = (
    <>
      {problems > 0 && (
        <Button variant="outline" asChild>
          <a href={errorReportHref(item.id)} download>
            <Download aria-hidden />
            Download error report
          </a>
        </Button>
      )}
      {item.status === "ready" && (
        <>
          <Button variant="outline" disabled={busy} onClick={() => setDiscarding(item)}>
            <Trash2 aria-hidden />
            Discard
          </Button>
          <Button disabled={busy || item.validRows === 0} onClick={() => start.mutate({ id: item.id })}>
            <Play aria-hidden />
            {start.isPending ? "Starting…" : `Import ${count(item.validRows, "valid row")}`}
          </Button>
        </>
      )}
      {(item.status === "queued" || item.status === "running") && (
        <Button variant="outline" disabled={busy} onClick={() => cancel.mutate({ id: item.id })}>
          <Ban aria-hidden />
          {cancel.isPending ? "Canceling…" : "Cancel import"}
        </Button>
      )}
      {(item.status === "canceled" || item.status === "failed") && item.validRows > 0 && (
        <Button disabled={busy} onClick={() => start.mutate({ id: item.id })}>
          <RotateCw aria-hidden />
          {start.isPending ? "Starting…" : "Start again"}
        </Button>
      )}
    </>
  );

  return (
    <>
      {back}
      <PageHeader title={<span className="block truncate" title={item.fileName}>{item.fileName}</span>} actions={actions}>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
          <ImportStatusBadge status={item.status} />
          <span>
            {label} · uploaded by {item.createdBy} <DateTime value={item.createdAt} />
            {item.startedBy && item.startedAt && (
              <>
                {" "}
                · started by {item.startedBy} <DateTime value={item.startedAt} />
              </>
            )}
          </span>
        </div>
      </PageHeader>

      <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
        <StatusCard item={item} />
        <ImportRows key={item.id} item={item} />
      </div>

      <ConfirmDialog
        target={discarding}
        onClose={() => setDiscarding(null)}
        title={(i) => `Discard ${i.fileName}?`}
        description={() => "Its checked rows are dropped and nothing is imported. Upload the file again to import it later."}
        confirmLabel="Discard upload"
        pendingLabel="Discarding…"
        isPending={discard.isPending}
        onConfirm={(i) => discard.mutate({ id: i.id })}
      />
      <span className="sr-only" aria-live="polite">
        {isActive(item.status) ? `${doneRows(item)} of ${item.validRows} rows done` : ""}
      </span>
    </>
  );
}

function Stat({ label, value, tone }: { label: string; value: number; tone?: "danger" | "success" | "muted" }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd
        className={cn(
          "text-xl font-semibold tabular-nums",
          tone === "danger" && value > 0 && "text-destructive",
          tone === "success" && value > 0 && "text-success",
          tone === "muted" && "text-muted-foreground",
        )}
      >
        {value.toLocaleString()}
      </dd>
    </div>
  );
}

/** What the check found, and what the run did (or is doing). */
function StatusCard({ item }: { item: Import }) {
  const done = doneRows(item);
  const percent = item.validRows > 0 ? Math.min(100, Math.round((done / item.validRows) * 100)) : 0;
  const orders = item.kind === "orders";
  const list = LIST_OF[item.kind];

  let title: string;
  let description: React.ReactNode;
  switch (item.status) {
    case "uploading":
      title = "Uploading";
      description = "The file is still being read and checked.";
      break;
    case "ready":
      title = "Checked: nothing has been written yet";
      description =
        item.validRows === 0
          ? "No row of this file can be imported. Fix the rows below (the error report lists them with the file's columns) and upload it again."
          : `Import writes the ${count(item.validRows, "valid row")}${orders ? ` as ${count(item.groupCount, "order")}` : ""}. ${
              item.invalidRows > 0 ? `The ${count(item.invalidRows, "row")} with problems ${item.invalidRows === 1 ? "is" : "are"} left out: fix them in the error report and upload it again.` : "No row has a problem."
            }`;
      break;
    case "queued":
      title = "Queued: starting shortly";
      description = "You can leave this page: the import runs on the server, and this page shows where it is when you come back.";
      break;
    case "running":
      title = "Importing";
      description = "You can leave this page: the import runs on the server, and this page shows where it is when you come back.";
      break;
    case "completed":
      title = "Import completed";
      description = (
        <>
          {count(item.importedRows, "row")} imported, {count(item.skippedRows, "row")} skipped (already there), {count(item.failedRows, "row")} failed
          {item.finishedAt && (
            <>
              {" "}
              (finished <DateTime value={item.finishedAt} />)
            </>
          )}
          . See them in{" "}
          <Link href={list.href} className="underline hover:text-foreground">
            {list.label}
          </Link>
          .
        </>
      );
      break;
    case "canceled":
      title = "Canceled";
      description = `Stopped after ${count(done, "row")} of ${item.validRows.toLocaleString()}: what was imported stays. Start again goes on with the rest.`;
      break;
    case "discarded":
      title = "Discarded";
      description = "This upload was dropped: nothing was written.";
      break;
    case "failed":
      title = "The import stopped";
      description = `${item.error ?? "An unexpected error stopped it."} ${done > 0 ? `${count(done, "row")} of ${item.validRows.toLocaleString()} were dealt with; ` : ""}Start again goes on where it stopped.`;
      break;
  }

  const showRun = item.status !== "ready" && item.status !== "uploading" && item.status !== "discarded";
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {isActive(item.status) && item.status !== "uploading" && (
          <div className="grid gap-1.5">
            <div className="flex flex-wrap justify-between gap-2 text-sm">
              <span className="font-medium tabular-nums">
                {done.toLocaleString()} of {count(item.validRows, "row")} ({percent}%)
              </span>
              <span className="text-muted-foreground tabular-nums">
                {item.importedRows.toLocaleString()} imported · {item.skippedRows.toLocaleString()} skipped · {item.failedRows.toLocaleString()} failed
              </span>
            </div>
            <div role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={item.validRows} aria-valuenow={done} className="h-2.5 overflow-hidden rounded-full bg-muted">
              <div className="h-full bg-primary transition-[width] duration-500" style={{ width: `${percent}%` }} />
            </div>
          </div>
        )}
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label="Rows in the file" value={item.totalRows} />
          <Stat label="Valid" value={item.validRows} />
          <Stat label="With problems" value={item.invalidRows} tone="danger" />
          {orders && <Stat label="Orders" value={item.groupCount} />}
        </dl>
        {showRun && (
          <dl className="grid grid-cols-2 gap-4 border-t pt-4 sm:grid-cols-4">
            <Stat label="Imported" value={item.importedRows} tone="success" />
            <Stat label="Skipped (already there)" value={item.skippedRows} />
            <Stat label="Failed" value={item.failedRows} tone="danger" />
            <Stat label="Not reached yet" value={item.pendingRows} tone="muted" />
          </dl>
        )}
        {item.unusedColumns.length > 0 && (
          <p className="text-sm text-muted-foreground">
            Not read (the import has no such column):{" "}
            {item.unusedColumns.map((c, i) => (
              <span key={c}>
                {i > 0 && ", "}
                <code className="font-mono text-xs text-foreground">{c}</code>
              </span>
            ))}
          </p>
        )}
      </CardContent>
    </Card>
  );
}

/** The import's rows in file order, by outcome, with a few of each row's cells and a link to what it made. */
function ImportRows({ item }: { item: Import }) {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<RowFilter>(() => (problemsOf(item) > 0 ? "problems" : item.status === "completed" ? "imported" : "all"));
  const query = useInfiniteQuery({
    ...trpc.imports.rows.infiniteQueryOptions({ id: item.id, status: filter, limit: 50 }, { getNextPageParam: (last) => last.nextCursor }),
    refetchInterval: isActive(item.status) ? 2_000 : false,
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  // The first columns of the file; the third and fourth only where there is room.
  const shown = item.columns.slice(0, 4);
  const chosen = ROW_FILTERS.find((f) => f.value === filter)!;

  return (
    <section aria-labelledby="import-rows" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="import-rows" className="text-base font-semibold">
          Rows
        </h2>
        <div className="flex items-center gap-2">
          <Label htmlFor="import-rows-filter">Show</Label>
          <NativeSelect id="import-rows-filter" className="w-64" value={filter} onChange={(e) => setFilter(e.target.value as RowFilter)}>
            {ROW_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      <QueryState
        query={query}
        noun="the rows"
        skeletonClassName="h-9"
        empty={
          rows.length === 0 ? (
            <EmptyState title={filter === "all" ? "No rows" : `No rows: ${chosen.label.toLowerCase()}`} description={filter === "problems" ? "Every row of the file passed the check." : undefined} />
          ) : null
        }
      >
        <>
          <div className="min-w-0 rounded-lg border bg-background">
            <Table aria-label={`Rows: ${chosen.label}`}>
              <TableHeader>
                <TableRow>
                  <TableHead numeric className="w-14">
                    Row
                  </TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Message</TableHead>
                  {shown.map((c, i) => (
                    <TableHead key={c} className={cn("font-mono", i >= 2 && "hidden xl:table-cell")}>
                      {c}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => {
                  const href = r.result ? resultHref(item.kind, r.result) : null;
                  const problem = r.status === "invalid" || r.status === "failed";
                  return (
                    <TableRow key={r.rowNo}>
                      <TableCell numeric className="text-muted-foreground">
                        {r.rowNo}
                      </TableCell>
                      <TableCell>
                        <RowStatusBadge status={r.status} />
                      </TableCell>
                      <TableCell className={cn("min-w-56 text-sm", problem && "text-destructive")}>
                        {r.result && r.status === "imported" && (
                          <>
                            {href ? (
                              <Link href={href} className="font-medium text-foreground underline-offset-4 hover:underline">
                                {r.result}
                              </Link>
                            ) : (
                              <span className="font-medium text-foreground">{r.result}</span>
                            )}
                            {r.message && <span className="text-muted-foreground"> · </span>}
                          </>
                        )}
                        {r.message && r.status === "skipped" && r.result && href ? (
                          <span className="text-muted-foreground">
                            {r.message.replace(r.result, "")}
                            <Link href={href} className="font-medium text-foreground underline-offset-4 hover:underline">
                              {r.result}
                            </Link>
                          </span>
                        ) : (
                          r.message && <span className={cn(!problem && "text-muted-foreground")}>{r.message}</span>
                        )}
                        {!r.message && !r.result && <span className="text-muted-foreground">—</span>}
                      </TableCell>
                      {shown.map((c, i) => (
                        <TableCell key={c} className={cn("max-w-36 truncate font-mono text-xs", i >= 2 && "hidden xl:table-cell")} title={r.values[i] ?? ""}>
                          {r.values[i] || <span className="text-muted-foreground">—</span>}
                        </TableCell>
                      ))}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <LoadMore shown={rows.length} noun="row" query={query} />
        </>
      </QueryState>
    </section>
  );
}
