"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { FileUp } from "lucide-react";
import Link from "next/link";
import { LoadMore } from "~/components/list/load-more";
import { DateTime } from "~/components/shell/money";
import { EmptyState } from "~/components/ui/empty-state";
import { QueryState } from "~/components/ui/query-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, WIDE_ONLY } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";
import { type Import, ImportStatusBadge, isActive, KIND_LABEL } from "./import-display";

/** Below 1280 px who uploaded and the kind step aside (the file name says most of it). */

/** "12 imported · 3 skipped · 1 failed", the parts that are not zero. */
function outcome(i: Import) {
  const parts = [
    i.importedRows > 0 && `${i.importedRows.toLocaleString()} imported`,
    i.skippedRows > 0 && `${i.skippedRows.toLocaleString()} skipped`,
    i.failedRows > 0 && `${i.failedRows.toLocaleString()} failed`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** Uploaded files and their runs, newest first; one still running is refreshed every few seconds. */
export function ImportsList() {
  const trpc = useTRPC();
  const kinds = useQuery(trpc.imports.kinds.queryOptions());
  const query = useInfiniteQuery({
    ...trpc.imports.list.infiniteQueryOptions({ limit: 20 }, { getNextPageParam: (last) => last.nextCursor }),
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((i) => isActive(i.status))) ? 3_000 : false),
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const label = (kind: Import["kind"]) => kinds.data?.items.find((k) => k.kind === kind)?.label ?? KIND_LABEL[kind];

  return (
    <section aria-labelledby="recent-imports" className="grid gap-3">
      <h2 id="recent-imports" className="text-base font-semibold">
        Recent imports
      </h2>
      <QueryState
        query={query}
        noun="the imports"
        empty={
          rows.length === 0 ? (
            <EmptyState icon={FileUp} title="Nothing imported yet" description="Files you upload are listed here with what became of their rows." />
          ) : null
        }
      >
        <>
          <div className="min-w-0 rounded-lg border bg-background">
            <Table aria-label="Recent imports">
              <TableHeader>
                <TableRow>
                  <TableHead>File</TableHead>
                  <TableHead className={WIDE_ONLY}>Kind</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead numeric>Rows</TableHead>
                  <TableHead numeric>Problems</TableHead>
                  <TableHead>Result</TableHead>
                  <TableHead className={WIDE_ONLY}>By</TableHead>
                  <TableHead>Uploaded</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell className="w-full max-w-0">
                      <Link href={`/admin/import/${i.id}`} className="block truncate font-medium hover:underline" title={i.fileName}>
                        {i.fileName}
                      </Link>
                      <span className="block truncate text-xs text-muted-foreground xl:hidden">{label(i.kind)}</span>
                    </TableCell>
                    <TableCell className={`${WIDE_ONLY} whitespace-nowrap`}>{label(i.kind)}</TableCell>
                    <TableCell>
                      <ImportStatusBadge status={i.status} />
                    </TableCell>
                    <TableCell numeric>{i.totalRows.toLocaleString()}</TableCell>
                    <TableCell numeric className={i.invalidRows + i.failedRows > 0 ? "text-destructive" : "text-muted-foreground"}>
                      {(i.invalidRows + i.failedRows).toLocaleString()}
                    </TableCell>
                    <TableCell className="text-xs whitespace-nowrap">{outcome(i) ?? <span className="text-muted-foreground">—</span>}</TableCell>
                    <TableCell className={`${WIDE_ONLY} max-w-40 truncate`} title={i.createdBy}>
                      {i.createdBy}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      <DateTime value={i.createdAt} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <LoadMore shown={rows.length} noun="import" query={query} />
        </>
      </QueryState>
    </section>
  );
}
