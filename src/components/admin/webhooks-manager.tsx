"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MoreHorizontal, Webhook } from "lucide-react";
import { useState } from "react";
import { DateTime } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "~/components/ui/dropdown-menu";
import { EmptyState } from "~/components/ui/empty-state";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { CopyableSecret } from "~/components/ui/copyable-secret";
import { Label } from "~/components/ui/label";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, WIDE_ONLY } from "~/components/ui/table";
import { toast } from "~/components/ui/toast";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "~/server/integration/constants";
import { useTRPC, type RouterOutputs } from "~/trpc/react";

/** Below 1280 px the pending count and last attempt step aside, so the row's actions stay in view. */

type Subscription = RouterOutputs["integration"]["webhooks"]["list"]["items"][number];
type Delivery = RouterOutputs["integration"]["webhooks"]["deliveries"]["items"][number];

/** Subscriptions (create, pause, rotate, delete, test ping) and each one's delivery log with Resend. */
export function WebhooksManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.integration.webhooks.list.queryOptions());
  const [events, setEvents] = useState<WebhookEventType[]>(["order.created", "order.submitted"]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [viewing, setViewing] = useState<Subscription | null>(null);
  const [deleting, setDeleting] = useState<Subscription | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.integration.webhooks.pathKey() });
  const failed = (error: unknown) => toast.error(apiErrorOf(error).message);

  const create = useMutation(
    trpc.integration.webhooks.create.mutationOptions({
      onSuccess: (s) => {
        setSecret({ url: s.url, secret: s.secret });
        setErrors({});
        toast.success("Subscription created");
        void invalidate();
      },
      onError: (error) => {
        const fields = apiErrorOf(error).details?.fields ?? {};
        setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.split(".")[0]!, v.join(", ")])));
        failed(error);
      },
    }),
  );
  const update = useMutation(trpc.integration.webhooks.update.mutationOptions({ onSuccess: (s) => (toast.success(s.isActive ? "Subscription active" : "Subscription paused"), void invalidate()), onError: failed }));
  const rotate = useMutation(trpc.integration.webhooks.rotateSecret.mutationOptions({ onSuccess: (s) => (setSecret({ url: s.url, secret: s.secret }), void invalidate()), onError: failed }));
  const remove = useMutation(trpc.integration.webhooks.delete.mutationOptions({ onSuccess: () => (toast.success("Subscription deleted"), setDeleting(null), void invalidate()), onError: failed }));
  const ping = useMutation(
    trpc.integration.webhooks.ping.mutationOptions({
      onSuccess: (d) => {
        if (d.status === "delivered") toast.success(`Test ping delivered (${d.responseStatus})`);
        else toast.error(`Test ping failed: ${d.lastError ?? "no answer"}`);
        void invalidate();
      },
      onError: failed,
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate({ url: String(data.get("url") ?? ""), description: String(data.get("description") ?? "") || null, events }, { onSuccess: () => form.reset() });
  }
  const toggle = (type: WebhookEventType) => setEvents((current) => (current.includes(type) ? current.filter((e) => e !== type) : [...current, type]));

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <form onSubmit={submit} className="grid gap-3 rounded-lg border bg-background p-4" noValidate aria-label="New subscription">
        <div className="flex flex-wrap items-end gap-3">
          <div className="grid gap-1.5">
            <Label htmlFor="webhook-url">URL</Label>
            <Input id="webhook-url" name="url" type="url" placeholder="https://example.com/orderdesk" className="w-96" aria-invalid={!!errors.url} aria-describedby={errors.url ? "webhook-url-error" : undefined} />
            {errors.url && <FieldError id="webhook-url-error">{errors.url}</FieldError>}
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="webhook-description">Description (optional)</Label>
            <Input id="webhook-description" name="description" placeholder="e.g. ERP" className="w-56" />
          </div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create subscription"}
          </Button>
        </div>
        <fieldset className="grid gap-1.5" aria-describedby={errors.events ? "webhook-events-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Events</legend>
          <div className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-4 lg:grid-cols-5">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 font-mono text-xs">
                <input type="checkbox" checked={events.includes(type)} onChange={() => toggle(type)} className="size-3.5" />
                {type}
              </label>
            ))}
          </div>
          {errors.events && <FieldError id="webhook-events-error">{errors.events}</FieldError>}
        </fieldset>
      </form>

      {list.data === undefined ? (
        list.isError ? (
          <p role="status" className="text-sm text-destructive">
            Could not load the subscriptions: {apiErrorOf(list.error).message}
          </p>
        ) : (
          <div className="grid gap-2">
            <Skeleton className="h-9" />
            <Skeleton className="h-9" />
          </div>
        )
      ) : list.data.items.length === 0 ? (
        <EmptyState icon={Webhook} title="No webhook subscriptions yet" description="Subscribe a system’s URL to the events it needs." />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Webhook subscriptions">
            <TableHeader>
              <TableRow>
                <TableHead>URL</TableHead>
                <TableHead>Events</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className={cn(WIDE_ONLY, "text-right")}>Pending</TableHead>
                <TableHead className={WIDE_ONLY}>Last attempt</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((s) => (
                <TableRow key={s.id}>
                  <TableCell className="max-w-56 xl:max-w-80">
                    <div className="truncate font-mono text-xs" title={s.url}>
                      {s.url}
                    </div>
                    {s.description && <div className="truncate text-xs text-muted-foreground">{s.description}</div>}
                  </TableCell>
                  <TableCell className="text-xs" title={s.events.join(", ")}>
                    {s.events.length === 1 ? <span className="font-mono">{s.events[0]}</span> : `${s.events.length} events`}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {s.isActive ? <Badge variant="success">Active</Badge> : <Badge variant="neutral">Paused</Badge>}{" "}
                    {s.health === "failing" && <Badge variant="danger">Failing</Badge>}
                  </TableCell>
                  <TableCell className={cn(WIDE_ONLY, "text-right tabular-nums")}>{s.pendingDeliveries.toLocaleString()}</TableCell>
                  <TableCell className={WIDE_ONLY}>{s.lastAttemptAt ? <DateTime value={s.lastAttemptAt} /> : <span className="text-muted-foreground">Never</span>}</TableCell>
                  <TableCell className="whitespace-nowrap text-right">
                    <Button variant="ghost" size="sm" onClick={() => setViewing(s)} aria-label={`Deliveries of ${s.url}`}>
                      Deliveries
                    </Button>
                    <Button variant="ghost" size="sm" disabled={ping.isPending} onClick={() => ping.mutate({ id: s.id })} aria-label={`Send test ping to ${s.url}`}>
                      Send test ping
                    </Button>
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button variant="ghost" size="icon" aria-label={`More for ${s.url}`}>
                          <MoreHorizontal className="size-4" />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="end">
                        <DropdownMenuItem onSelect={() => update.mutate({ id: s.id, isActive: !s.isActive, version: s.version })}>{s.isActive ? "Pause" : "Activate"}</DropdownMenuItem>
                        <DropdownMenuItem onSelect={() => rotate.mutate({ id: s.id })}>Rotate secret</DropdownMenuItem>
                        <DropdownMenuSeparator />
                        <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(s)}>
                          Delete
                        </DropdownMenuItem>
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <Dialog open={!!secret} onOpenChange={(open) => !open && setSecret(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Copy the signing secret</DialogTitle>
            <DialogDescription>
              The receiver at {secret?.url} checks X-Orderdesk-Signature with it (docs/api.md shows how). This is the only time it is shown; rotate it to get a new one.
            </DialogDescription>
          </DialogHeader>
          {secret && <CopyableSecret value={secret.secret} label="Signing secret" noun="secret" />}
          <DialogFooter>
            <DialogClose asChild>
              <Button>Done</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <Dialog open={!!viewing} onOpenChange={(open) => !open && setViewing(null)}>
        <DialogContent className="sm:max-w-4xl">
          <DialogHeader>
            <DialogTitle>Deliveries to {viewing?.url}</DialogTitle>
            <DialogDescription>Newest first. A failed attempt is retried with growing waits for 24 hours; Resend sends the same event again now.</DialogDescription>
          </DialogHeader>
          {viewing && <DeliveryLog subscriptionId={viewing.id} />}
        </DialogContent>
      </Dialog>

      <ConfirmDialog
        target={deleting}
        onClose={() => setDeleting(null)}
        title={(s) => `Delete the subscription to ${s.url}?`}
        description={() => "No more events are sent to it, and its delivery log goes too. This cannot be undone."}
        confirmLabel="Delete subscription"
        pendingLabel="Deleting…"
        isPending={remove.isPending}
        onConfirm={(s) => remove.mutate({ id: s.id })}
      />
    </div>
  );
}

const STATUS_BADGE = { delivered: "success", pending: "warning", failed: "danger" } as const;

/** One subscription's deliveries: status, response code, duration, attempts, next attempt and last error, with Resend. */
function DeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const log = useQuery({ ...trpc.integration.webhooks.deliveries.queryOptions({ id: subscriptionId, limit: 100 }), refetchInterval: 5_000 });
  const resend = useMutation(
    trpc.integration.webhooks.resend.mutationOptions({
      onSuccess: (d) => {
        if (d.status === "delivered") toast.success(`Resent: delivered (${d.responseStatus})`);
        else toast.error(`Resent: ${d.lastError ?? "not delivered"}`);
        void queryClient.invalidateQueries({ queryKey: trpc.integration.webhooks.pathKey() });
      },
      onError: (error) => toast.error(apiErrorOf(error).message),
    }),
  );
  if (log.isError) {
    return (
      <p role="status" className="text-sm text-destructive">
        Could not load the deliveries: {apiErrorOf(log.error).message}
      </p>
    );
  }
  if (!log.data) return <Skeleton className="h-24" />;
  if (log.data.items.length === 0) return <p className="text-sm text-muted-foreground">Nothing sent yet.</p>;
  return (
    <div className="max-h-[60vh] overflow-auto rounded-md border">
      <Table aria-label="Deliveries">
        <TableHeader>
          <TableRow>
            <TableHead>Time</TableHead>
            <TableHead>Event</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Duration</TableHead>
            <TableHead className="text-right">Attempts</TableHead>
            <TableHead>Next attempt</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {log.data.items.map((d: Delivery) => (
            <TableRow key={d.id}>
              <TableCell className="whitespace-nowrap">
                <DateTime value={d.createdAt} />
              </TableCell>
              <TableCell className="max-w-56">
                <div className="font-mono text-xs">
                  {d.eventType}
                  {d.resendOf && <span className="ml-1 text-muted-foreground">(resend)</span>}
                </div>
                {d.lastError && (
                  <div className="truncate text-xs text-destructive" title={d.lastError}>
                    {d.lastError}
                  </div>
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <Badge variant={STATUS_BADGE[d.status]}>{d.status === "delivered" ? "Delivered" : d.status === "failed" ? "Failed" : "Pending"}</Badge>
                {d.responseStatus !== null && <span className="ml-1 font-mono text-xs tabular-nums">{d.responseStatus}</span>}
              </TableCell>
              <TableCell className="text-right tabular-nums">{d.durationMs === null ? "—" : `${d.durationMs.toLocaleString()} ms`}</TableCell>
              <TableCell className="text-right tabular-nums">{d.attempts}</TableCell>
              <TableCell className="whitespace-nowrap">{d.nextAttemptAt ? <DateTime value={d.nextAttemptAt} /> : <span className="text-muted-foreground">—</span>}</TableCell>
              <TableCell className="text-right">
                {d.attempts > 0 && (
                  <Button variant="ghost" size="sm" disabled={resend.isPending} onClick={() => resend.mutate({ id: d.id })} aria-label={`Resend ${d.eventType} of ${d.createdAt}`}>
                    Resend
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
