"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ChevronDown, Mail } from "lucide-react";
import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";
import { LoadMore } from "~/components/list/load-more";
import { DateTime } from "~/components/shell/money";
import { Badge, type BadgeVariant } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { OutboxStatus } from "~/server/integration/constants";
import { useTRPC } from "~/trpc/react";

const STATUS: Record<OutboxStatus, { label: string; variant: BadgeVariant }> = {
  pending: { label: "Pending", variant: "warning" },
  sent: { label: "Sent", variant: "success" },
  failed: { label: "Failed", variant: "danger" },
};

/** "email.shipment_confirmation" → "Shipment confirmation (e-mail)". */
function topicLabel(topic: string): string {
  const [channel, ...rest] = topic.split(".");
  const name = rest.join(".").replace(/[_-]+/g, " ");
  if (!name) return topic;
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}${channel === "email" ? " (e-mail)" : ` (${channel})`}`;
}

/** The outbox, newest first, filtered by status (in the URL); a message opens to show its body and payload. */
export function OutboxList({ status }: { status: OutboxStatus | undefined }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const query = useInfiniteQuery(trpc.integration.outbox.infiniteQueryOptions({ limit: 50, status }, { getNextPageParam: (last) => last.nextCursor }));
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Label htmlFor="outbox-status">Status</Label>
        <NativeSelect
          id="outbox-status"
          value={status ?? ""}
          onChange={(e) => router.push(e.target.value ? `/admin/outbox?status=${e.target.value}` : "/admin/outbox")}
          className="w-44"
        >
          <option value="">All messages</option>
          {(Object.keys(STATUS) as OutboxStatus[]).map((s) => (
            <option key={s} value={s}>
              {STATUS[s].label}
            </option>
          ))}
        </NativeSelect>
      </div>
      {query.isPending ? (
        <div aria-busy="true" className="grid gap-2">
          <span className="sr-only">Loading the outbox…</span>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-10" />
          ))}
        </div>
      ) : query.isError ? (
        <EmptyState
          role="alert"
          title="The outbox could not be loaded"
          description={apiErrorOf(query.error).message}
          action={
            <Button variant="outline" onClick={() => void query.refetch()}>
              Try again
            </Button>
          }
        />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={Mail}
          title={status ? `No ${STATUS[status].label.toLowerCase()} messages` : "The outbox is empty"}
          description="Customer e-mails (shipment confirmations, deliveries) wait here until sending exists."
        />
      ) : (
        <>
          <div className="min-w-0 rounded-lg border bg-background">
            <Table aria-label="Outbox messages">
              <TableHeader>
                <TableRow>
                  <TableHead className="w-8">
                    <span className="sr-only">Open</span>
                  </TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Subject</TableHead>
                  <TableHead className="hidden lg:table-cell">Recipient</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead numeric className="hidden lg:table-cell">
                    Attempts
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((m) => {
                  const isOpen = open.has(m.id);
                  const panel = `outbox-${m.id}`;
                  return (
                    <Fragment key={m.id}>
                      <TableRow className={cn(isOpen && "border-b-0 bg-muted/40")}>
                        <TableCell>
                          <Button
                            variant="ghost"
                            size="icon"
                            className="size-7"
                            aria-expanded={isOpen}
                            aria-controls={panel}
                            onClick={() => toggle(m.id)}
                            aria-label={`${isOpen ? "Hide" : "Show"} message: ${m.subject}`}
                          >
                            <ChevronDown aria-hidden className={cn("transition-transform", isOpen && "rotate-180")} />
                          </Button>
                        </TableCell>
                        <TableCell className="whitespace-nowrap">
                          <DateTime value={m.createdAt} />
                        </TableCell>
                        <TableCell className="max-w-0 w-full">
                          <span className="block truncate font-medium" title={m.subject}>
                            {m.subject}
                          </span>
                          <span className="block truncate text-xs text-muted-foreground">{topicLabel(m.topic)}</span>
                        </TableCell>
                        <TableCell className="hidden max-w-56 truncate lg:table-cell" title={m.recipient ?? undefined}>
                          {m.recipient ?? <span className="text-muted-foreground">—</span>}
                        </TableCell>
                        <TableCell>
                          <Badge variant={STATUS[m.status].variant}>{STATUS[m.status].label}</Badge>
                        </TableCell>
                        <TableCell numeric className="hidden lg:table-cell">
                          {m.attempts}
                        </TableCell>
                      </TableRow>
                      {isOpen && (
                        <TableRow className="bg-muted/40 hover:bg-muted/40">
                          <TableCell colSpan={6} className="pt-0">
                            <div id={panel} className="grid gap-3 rounded-md border bg-background p-3 text-sm">
                              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
                                <dt className="text-muted-foreground">To</dt>
                                <dd className="break-all">{m.recipient ?? "—"}</dd>
                                <dt className="text-muted-foreground">Topic</dt>
                                <dd className="font-mono">{m.topic}</dd>
                                <dt className="text-muted-foreground">Sent</dt>
                                <dd>{m.sentAt ? <DateTime value={m.sentAt} /> : "not yet"}</dd>
                              </dl>
                              <pre className="overflow-x-auto font-sans text-sm whitespace-pre-wrap">{m.body}</pre>
                              <details>
                                <summary className="cursor-pointer text-xs text-muted-foreground">Payload</summary>
                                <pre className="mt-1 overflow-x-auto rounded bg-muted p-2 font-mono text-xs">{JSON.stringify(m.payload, null, 2)}</pre>
                              </details>
                            </div>
                          </TableCell>
                        </TableRow>
                      )}
                    </Fragment>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <LoadMore shown={rows.length} noun="message" query={query} />
        </>
      )}
    </div>
  );
}
