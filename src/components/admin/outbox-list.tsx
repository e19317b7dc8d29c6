"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { ChevronDown, Mail, Paperclip, RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";
import { LoadMore } from "~/components/list/load-more";
import { DateTime } from "~/components/shell/money";
import { Badge, type BadgeVariant } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { QueryState } from "~/components/ui/query-state";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, WIDE_ONLY } from "~/components/ui/table";
import { toast } from "~/components/ui/toast";
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

/**
 * The outbox, newest first, filtered by status (in the URL): status, attempts, last error and sent time per
 * message; a message opens to show its text, attachments and payload; a failed one can be sent again.
 */
export function OutboxList({ status, canRetry, sending }: { status: OutboxStatus | undefined; canRetry: boolean; sending: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.integration.retryOutboxMessage.mutationOptions({
      onSuccess: (m) => {
        toast.success(sending ? `"${m.subject}" will be sent again` : `"${m.subject}" is pending again (sending is off)`);
        void queryClient.invalidateQueries({ queryKey: trpc.integration.outbox.pathKey() });
      },
      onError: (error) => toast.error(apiErrorOf(error).message),
    }),
  );
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
      <QueryState
        query={query}
        noun="the outbox"
        skeletons={6}
        empty={
          rows.length === 0 ? (
            <EmptyState
                    icon={Mail}
                    title={status ? `No ${STATUS[status].label.toLowerCase()} messages` : "The outbox is empty"}
                    description={sending ? "Customer e-mails appear here as they are queued, and stay listed once sent." : "Customer e-mails wait here while sending is off."}
                  />
          ) : null
        }
      >
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
                  <TableHead numeric>Attempts</TableHead>
                  <TableHead className={WIDE_ONLY}>Last error</TableHead>
                  <TableHead className={WIDE_ONLY}>Sent</TableHead>
                  {canRetry && (
                    <TableHead>
                      <span className="sr-only">Actions</span>
                    </TableHead>
                  )}
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
                        <TableCell numeric>{m.attempts}</TableCell>
                        <TableCell className={cn(WIDE_ONLY, "max-w-64")}>
                          {m.lastError ? (
                            <span className="block truncate text-xs text-destructive" title={m.lastError}>
                              {m.lastError}
                            </span>
                          ) : (
                            <span className="text-muted-foreground">—</span>
                          )}
                        </TableCell>
                        <TableCell className={cn(WIDE_ONLY, "whitespace-nowrap")}>
                          {m.sentAt ? <DateTime value={m.sentAt} /> : m.status === "pending" && m.nextAttemptAt ? <span className="text-xs text-muted-foreground">retry <DateTime value={m.nextAttemptAt} /></span> : <span className="text-muted-foreground">—</span>}
                        </TableCell>
                        {canRetry && (
                          <TableCell>
                            {m.status === "failed" && (
                              <Button variant="outline" size="sm" disabled={retry.isPending && retry.variables?.id === m.id} onClick={() => retry.mutate({ id: m.id })} aria-label={`Retry: ${m.subject}`}>
                                <RotateCw aria-hidden />
                                Retry
                              </Button>
                            )}
                          </TableCell>
                        )}
                      </TableRow>
                      {isOpen && (
                        <TableRow className="bg-muted/40 hover:bg-muted/40">
                          <TableCell colSpan={canRetry ? 9 : 8} className="pt-0">
                            <div id={panel} className="grid gap-3 rounded-md border bg-background p-3 text-sm">
                              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
                                <dt className="text-muted-foreground">To</dt>
                                <dd className="break-all">{m.recipient ?? "—"}</dd>
                                <dt className="text-muted-foreground">Topic</dt>
                                <dd className="font-mono">{m.topic}</dd>
                                <dt className="text-muted-foreground">Sent</dt>
                                <dd>{m.sentAt ? <DateTime value={m.sentAt} /> : "not yet"}</dd>
                                <dt className="text-muted-foreground">Attempts</dt>
                                <dd>
                                  {m.attempts}
                                  {m.status === "pending" && m.nextAttemptAt ? (
                                    <>
                                      {" "}
                                      (next <DateTime value={m.nextAttemptAt} />)
                                    </>
                                  ) : null}
                                </dd>
                                {m.lastError && (
                                  <>
                                    <dt className="text-muted-foreground">Last error</dt>
                                    <dd className="break-all text-destructive">{m.lastError}</dd>
                                  </>
                                )}
                                {m.attachments.length > 0 && (
                                  <>
                                    <dt className="text-muted-foreground">Attached</dt>
                                    <dd className="flex flex-wrap gap-2">
                                      {m.attachments.map((a) => (
                                        <span key={`${a.kind}-${a.ref}`} className="inline-flex items-center gap-1">
                                          <Paperclip aria-hidden className="size-3" />
                                          {a.kind === "invoice_pdf" ? (
                                            <a href={`/invoices/${encodeURIComponent(a.ref)}/pdf`} className="underline">
                                              {a.ref}.pdf
                                            </a>
                                          ) : (
                                            `${a.kind} ${a.ref}`
                                          )}
                                        </span>
                                      ))}
                                    </dd>
                                  </>
                                )}
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
      </QueryState>
    </div>
  );
}
