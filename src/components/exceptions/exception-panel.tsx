"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { useMutation, useQuery } from "@tanstack/react-query";
import { ExternalLink, MapPin, MessageSquarePlus, RotateCcw, UserMinus, UserPlus, XIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { DateTime, Money } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { Textarea } from "~/components/ui/textarea";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { can } from "~/server/auth/permissions";
import { keptLine } from "~/server/orders/manual-price";
import type { Role } from "~/server/auth/roles";
import { canWork, EXCEPTION_LABELS, EXCEPTION_STATUS_LABELS, isActiveException, RESOLUTION_ACTIONS, type ExceptionType } from "~/server/exceptions/constants";
import { type AddressDraft, addressDraftOf, addressErrors, AddressFields, trimAddress } from "~/components/orders/address-fields";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { allowed, type ResolveOption } from "./actions";
import { errorText, useExceptionsChanged } from "./dialogs";
import { SEVERITY_LABELS, SEVERITY_VARIANT, STATUS_VARIANT, TEAM_LABELS } from "./format";
import { SlaTimer } from "./sla-timer";

type Exception = RouterOutputs["exceptions"]["get"];
type Order = RouterOutputs["orders"]["get"];

export type PanelRequests = {
  onResolve: (exception: { id: string; label: string; type: ExceptionType }, options: ResolveOption[], action?: string) => void;
  onDismiss: (exception: { id: string; label: string }) => void;
  onReopen: (exception: { id: string; label: string }) => void;
};

/**
 * The selected exception beside the queue (non-modal: j/k keep moving through the queue and the panel follows).
 * Everything needed to fix it is here: the order, its ship-to (address holds are fixed in place), credit, the
 * ways to resolve, and the history thread.
 */
export function ExceptionPanel({
  id,
  role,
  userId,
  now,
  onClose,
  requests,
}: {
  id: string | null;
  role: Role;
  userId: string;
  now: number | null;
  onClose: () => void;
  requests: PanelRequests;
}) {
  return (
    <DialogPrimitive.Root open={id !== null} onOpenChange={(open) => !open && onClose()} modal={false}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Content
          data-exception-panel=""
          aria-describedby={undefined}
          onInteractOutside={(event) => event.preventDefault()}
          // Esc belongs to a dialog opened over the panel (keys, resolve, note), never to the panel behind it.
          onEscapeKeyDown={(event) => {
            if (document.querySelector("[data-exceptions-modal]")) event.preventDefault();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            document.querySelector<HTMLElement>("[data-queue-current]")?.focus();
          }}
          className="fixed top-0 right-0 z-40 flex h-dvh w-full flex-col border-l bg-background shadow-2xl outline-none data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in sm:w-[min(34rem,100vw)]"
        >
          {id && <PanelBody key={id} id={id} role={role} userId={userId} now={now} requests={requests} />}
          <DialogPrimitive.Close className="absolute top-3.5 right-3.5 rounded-sm p-1 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/70">
            <XIcon className="size-4" aria-hidden />
            <span className="sr-only">Close panel</span>
          </DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

function PanelBody({ id, role, userId, now, requests }: { id: string; role: Role; userId: string; now: number | null; requests: PanelRequests }) {
  const trpc = useTRPC();
  const exception = useQuery(trpc.exceptions.get.queryOptions({ id }));
  const e = exception.data;
  const order = useQuery(trpc.orders.get.queryOptions({ number: e?.order ?? "" }, { enabled: !!e?.order && can(role, "orders.view") }));

  if (exception.isPending) {
    return (
      <div className="grid gap-3 p-5" aria-busy="true">
        <DialogPrimitive.Title className="sr-only">Loading the exception…</DialogPrimitive.Title>
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-72" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (exception.isError) {
    return (
      <div className="grid gap-3 p-5">
        <DialogPrimitive.Title className="text-base font-semibold">The exception could not be loaded</DialogPrimitive.Title>
        <p role="alert" className="text-sm text-destructive">
          {apiErrorOf(exception.error).message}
        </p>
        <Button variant="outline" className="w-fit" onClick={() => void exception.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  const data = exception.data;
  const label = `${EXCEPTION_LABELS[data.type]}${data.order ? ` on ${data.order}` : ""}`;
  const active = isActiveException(data.status);
  const mayWork = canWork(role, data.type);

  return (
    <>
      <header className="border-b px-5 pt-4 pb-3 pr-12">
        <DialogPrimitive.Title className="text-base leading-tight font-semibold">
          {EXCEPTION_LABELS[data.type]}
          {data.order && <span className="font-mono font-medium text-muted-foreground"> · {data.order}</span>}
        </DialogPrimitive.Title>
        <div className="mt-2 flex flex-wrap items-center gap-1.5">
          <Badge variant={SEVERITY_VARIANT[data.severity]}>{SEVERITY_LABELS[data.severity]}</Badge>
          <Badge variant={STATUS_VARIANT[data.status]} data-testid="panel-status">
            {EXCEPTION_STATUS_LABELS[data.status]}
          </Badge>
          <Badge variant="outline">{TEAM_LABELS[data.team]}</Badge>
          <SlaTimer dueAt={data.dueAt} status={data.status} now={now} className="ml-1 text-sm" />
        </div>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
        <div className="grid gap-5">
          <section aria-label="Exception" className="grid gap-3">
            <p className="text-sm">{data.reason}</p>
            <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm">
              <dt className="text-muted-foreground">Assignee</dt>
              <dd data-testid="panel-assignee">{data.assignee?.name ?? <span className="text-muted-foreground">Unassigned ({TEAM_LABELS[data.team]} queue)</span>}</dd>
              <dt className="text-muted-foreground">Opened</dt>
              <dd>
                <DateTime value={data.createdAt} /> by {data.openedBy}
              </dd>
              <dt className="text-muted-foreground">Due</dt>
              <dd>
                <DateTime value={data.dueAt} />
                {data.breachedAt && <span className="text-destructive"> · breached</span>}
              </dd>
              {data.customer && (
                <>
                  <dt className="text-muted-foreground">Customer</dt>
                  <dd className="min-w-0">
                    <Link href={`/customers/${encodeURIComponent(data.customer)}`} className="hover:underline">
                      {data.customerName}
                    </Link>{" "}
                    <span className="font-mono text-xs text-muted-foreground">{data.customer}</span>
                  </dd>
                </>
              )}
              {!active && (
                <>
                  <dt className="text-muted-foreground">{data.status === "dismissed" ? "Dismissed" : "Resolved"}</dt>
                  <dd>
                    {resolutionLabel(data.type, data.resolution)}
                    {data.resolvedBy && ` · ${data.resolvedBy}`}
                    {data.resolvedAt && (
                      <>
                        {" · "}
                        <DateTime value={data.resolvedAt} />
                      </>
                    )}
                    {data.resolutionNote && <span className="block text-muted-foreground">“{data.resolutionNote}”</span>}
                  </dd>
                </>
              )}
              {data.reopenCount > 0 && (
                <>
                  <dt className="text-muted-foreground">Reopened</dt>
                  <dd>{data.reopenCount === 1 ? "once" : `${data.reopenCount} times`}</dd>
                </>
              )}
            </dl>
          </section>

          <WorkActions exception={data} order={order.data} role={role} userId={userId} label={label} requests={requests} active={active} mayWork={mayWork} />

          {data.order && (
            <OrderSection number={data.order} order={order} role={role} customer={data.customer} />
          )}

          <History exception={data} mayWork={mayWork} />
        </div>
      </div>
    </>
  );
}

const OWN_RESOLUTIONS: Record<string, string> = {
  cause_gone: "Resolved on its own (the order no longer has the problem)",
  order_canceled: "The order was canceled",
};
function resolutionLabel(type: ExceptionType, resolution: string | null): string {
  if (!resolution) return "—";
  return RESOLUTION_ACTIONS[type].find((a) => a.action === resolution)?.label ?? OWN_RESOLUTIONS[resolution] ?? resolution.replaceAll("_", " ");
}

function WorkActions({
  exception: e,
  order,
  role,
  userId,
  label,
  requests,
  active,
  mayWork,
}: {
  exception: Exception;
  order: Order | undefined;
  role: Role;
  userId: string;
  label: string;
  requests: PanelRequests;
  active: boolean;
  mayWork: boolean;
}) {
  const trpc = useTRPC();
  const changed = useExceptionsChanged();
  const assign = useMutation(
    trpc.exceptions.assign.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.assignee ? `${label} assigned to ${r.assignee.name}` : `${label} handed back to the team`);
        changed();
      },
      onError: (error) => toast.error(errorText(error, ["assignee"])),
    }),
  );
  const options: ResolveOption[] = e.actions
    .filter((a) => allowed(a.roles, role))
    .map((a) => ({ action: a.action, label: a.label, effect: a.effect, needsNote: a.effect === "cancel_order" }));
  const target = { id: e.id, label, type: e.type };
  const editable = active && !!order && can(role, "orders.edit") && ["draft", "on_hold", "open"].includes(order.status);
  const canEditAddress = e.type === "address_hold" && editable;
  const canEditLines = (e.type === "suspicious_quantity" || e.type === "stockout" || e.type === "duplicate_order") && editable;

  if (!active) {
    return (
      <section aria-label="Actions" className="flex flex-wrap gap-2">
        {mayWork && (
          <Button variant="outline" size="sm" onClick={() => requests.onReopen({ id: e.id, label })}>
            <RotateCcw aria-hidden />
            Reopen…
          </Button>
        )}
      </section>
    );
  }
  if (!mayWork) {
    return (
      <p className="rounded-md border bg-muted/40 p-3 text-sm text-muted-foreground">
        {TEAM_LABELS[e.team]} work {EXCEPTION_LABELS[e.type].toLowerCase()} exceptions; you can follow it and read its history here.
      </p>
    );
  }
  const mine = e.assignee?.id === userId;
  return (
    <section aria-labelledby="panel-actions-heading" className="grid gap-3">
      <h3 id="panel-actions-heading" className="text-sm font-semibold">
        Fix it
      </h3>
      {canEditAddress && order && <AddressForm order={order} />}
      {canEditLines && order && <LinesForm key={order.version} order={order} />}
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <Button
            key={o.action}
            size="sm"
            variant={o.effect === "cancel_order" ? "outline" : o === options[0] && !canEditAddress ? "default" : "secondary"}
            className={cn(o.effect === "cancel_order" && "text-destructive")}
            onClick={() => requests.onResolve(target, options, o.action)}
          >
            {o.label}
          </Button>
        ))}
        <Button size="sm" variant="outline" onClick={() => requests.onDismiss({ id: e.id, label })}>
          Dismiss…
        </Button>
      </div>
      <div className="flex flex-wrap gap-2 border-t pt-3">
        {!mine ? (
          <Button size="sm" variant="ghost" disabled={assign.isPending} onClick={() => assign.mutate({ ids: [e.id], assignee: "me" })}>
            <UserPlus aria-hidden />
            Assign to me
          </Button>
        ) : null}
        {e.assignee !== null && (
          <Button size="sm" variant="ghost" disabled={assign.isPending} onClick={() => assign.mutate({ ids: [e.id], assignee: null })}>
            <UserMinus aria-hidden />
            Unassign
          </Button>
        )}
        {(role === "manager" || role === "admin") && (
          <AssignTo type={e.type} current={e.assignee?.id ?? null} disabled={assign.isPending} onAssign={(id) => assign.mutate({ ids: [e.id], assignee: id })} />
        )}
      </div>
    </section>
  );
}

/**
 * Change the order's lines in place: a quantity, drop a line's backordered part (ship what is reserved), or cancel
 * a line. Saved on the order (its version) with manual prices kept; the rules then keep, close or reopen.
 */
function LinesForm({ order }: { order: Order }) {
  const trpc = useTRPC();
  const changed = useExceptionsChanged();
  const [quantities, setQuantities] = useState<Record<number, string>>(() => Object.fromEntries(order.lines.map((l) => [l.lineNo, String(l.quantity)])));
  const [removed, setRemoved] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const update = useMutation(
    trpc.orders.update.mutationOptions({
      onSuccess: (saved) => {
        toast.success(`Lines of ${saved.number} saved`, { description: saved.status === "on_hold" ? "The order is still on hold." : `The order is ${saved.status.replace("_", " ")}.` });
        setError(null);
        changed();
      },
      onError: (failure) => {
        const e = apiErrorOf(failure);
        setError(e.message);
        if (e.code === "STALE_VERSION") changed();
      },
    }),
  );
  const kept = order.lines.filter((l) => !removed.has(l.lineNo));
  const dirty = removed.size > 0 || order.lines.some((l) => quantities[l.lineNo] !== String(l.quantity));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (kept.length === 0) return setError("Keep at least one line: cancel the order instead.");
    const bad = kept.find((l) => !/^\d+$/.test(quantities[l.lineNo]?.trim() ?? "") || Number(quantities[l.lineNo]) <= 0);
    if (bad) return setError(`Line ${bad.lineNo} (${bad.sku}): the quantity must be a whole number above 0.`);
    update.mutate({ number: order.number, version: order.version, lines: kept.map((l) => keptLine({ ...l, quantity: Number(quantities[l.lineNo]) })) });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="lines-form-title" className="grid gap-2 rounded-lg border bg-muted/30 p-3">
      <h4 id="lines-form-title" className="text-sm font-medium">
        Change the lines
      </h4>
      <ul className="grid gap-1.5">
        {order.lines.map((l) => {
          const gone = removed.has(l.lineNo);
          const id = `panel-line-${l.lineNo}-quantity`;
          return (
            <li key={l.lineNo} className="grid grid-cols-[minmax(0,1fr)_5rem_auto] items-center gap-2 text-sm">
              <Label htmlFor={id} className={cn("grid min-w-0 gap-0 font-mono text-xs", gone && "text-muted-foreground line-through")} title={l.productName}>
                <span className="truncate">
                  {l.lineNo}. {l.sku}
                </span>
                {l.backordered > 0 && <span className="font-sans text-warning-soft-foreground">{l.backordered} backordered</span>}
              </Label>
              <Input
                id={id}
                inputMode="numeric"
                value={quantities[l.lineNo] ?? ""}
                disabled={gone}
                onChange={(ev) => setQuantities((q) => ({ ...q, [l.lineNo]: ev.target.value }))}
                className="h-8 text-right"
              />
              <span className="flex gap-1">
                {l.backordered > 0 && l.quantity > l.backordered && !gone && (
                  <Button type="button" size="sm" variant="ghost" onClick={() => setQuantities((q) => ({ ...q, [l.lineNo]: String(l.quantity - l.backordered) }))}>
                    Ship what is reserved
                  </Button>
                )}
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  className={cn(!gone && "text-destructive")}
                  onClick={() => setRemoved((r) => (r.has(l.lineNo) ? new Set([...r].filter((n) => n !== l.lineNo)) : new Set([...r, l.lineNo])))}
                >
                  {gone ? "Keep line" : "Cancel line"}
                </Button>
              </span>
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      )}
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={!dirty || update.isPending}>
          {update.isPending ? "Saving…" : "Save lines"}
        </Button>
        <span className="text-xs text-muted-foreground">Re-priced and re-reserved; manual prices are kept.</span>
      </div>
    </form>
  );
}

/** Managers hand an exception to someone whose role works its type. */
function AssignTo({ type, current, disabled, onAssign }: { type: ExceptionType; current: string | null; disabled: boolean; onAssign: (userId: string) => void }) {
  const trpc = useTRPC();
  const people = useQuery(trpc.exceptions.assignees.queryOptions({ types: [type] }));
  const others = (people.data ?? []).filter((p) => p.id !== current);
  if (others.length === 0) return null;
  return (
    <div className="flex items-center gap-1.5">
      <Label htmlFor="panel-assign-to" className="text-xs text-muted-foreground">
        Assign to
      </Label>
      <NativeSelect
        id="panel-assign-to"
        value=""
        disabled={disabled}
        onChange={(event) => event.target.value && onAssign(event.target.value)}
        className="h-8 w-44"
      >
        <option value="">Choose a person…</option>
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({TEAM_LABELS[p.role]})
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/** Fix the ship-to in place: saved on the order (its version), whose rules then resolve the hold on their own. */
function AddressForm({ order }: { order: Order }) {
  const trpc = useTRPC();
  const changed = useExceptionsChanged();
  const [values, setValues] = useState<AddressDraft>(() => addressDraftOf({ country: "US", ...order.shipTo }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const update = useMutation(
    trpc.orders.update.mutationOptions({
      onSuccess: (saved) => {
        const stillHeld = saved.exceptions.some((x) => x.type === "address_hold" && isActiveException(x.status));
        if (stillHeld) toast.warning(`Ship-to of ${saved.number} saved, but the address still needs work`, { description: saved.exceptions.find((x) => x.type === "address_hold")?.reason });
        else toast.success(`Ship-to of ${saved.number} saved — address hold resolved`, { description: saved.status === "open" ? "The order is released." : `The order is ${saved.status.replace("_", " ")}.` });
        setErrors({});
        setFormError(null);
        changed();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        const fields = Object.fromEntries(Object.entries(e.details?.fields ?? {}).filter(([k]) => k.startsWith("shipTo.")).map(([k, v]) => [k, v.join(", ")]));
        setErrors(fields);
        setFormError(Object.keys(fields).length === 0 ? e.message : null);
        if (e.code === "STALE_VERSION") changed();
      },
    }),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing = addressErrors(values, "shipTo");
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    update.mutate({ number: order.number, version: order.version, shipTo: trimAddress(values) });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="address-form-title" className="grid gap-3 rounded-lg border bg-muted/30 p-3">
      <h4 id="address-form-title" className="flex items-center gap-1.5 text-sm font-medium">
        <MapPin className="size-4 text-muted-foreground" aria-hidden />
        Correct the ship-to address
      </h4>
      <AddressFields
        legend="Ship to"
        name="shipTo"
        idPrefix="panel-ship-to"
        hideLegend
        value={values}
        onChange={(field, value) => {
          setValues((v) => ({ ...v, [field]: value }));
          setErrors((er) => ({ ...er, [`shipTo.${field}`]: "" }));
          setFormError(null);
        }}
        errors={errors}
      />
      {formError && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {formError}
        </p>
      )}
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save ship-to"}
        </Button>
        <span className="text-xs text-muted-foreground">The hold resolves itself once the address is valid.</span>
      </div>
    </form>
  );
}

function OrderSection({
  number,
  order,
  role,
  customer,
}: {
  number: string;
  order: { isError: boolean; error: unknown; data: Order | undefined };
  role: Role;
  customer: string | null;
}) {
  const trpc = useTRPC();
  const credit = useQuery(trpc.orders.customerPanel.queryOptions({ code: customer ?? "" }, { enabled: !!customer && can(role, "customers.view") }));
  return (
    <section aria-labelledby="panel-order-heading" className="grid gap-3">
      <div className="flex items-center justify-between gap-2">
        <h3 id="panel-order-heading" className="text-sm font-semibold">
          Order <span className="font-mono">{number}</span>
        </h3>
        <Link href={`/orders/${encodeURIComponent(number)}`} className="inline-flex items-center gap-1 text-sm text-primary hover:underline">
          Open the order
          <ExternalLink className="size-3.5" aria-hidden />
        </Link>
      </div>
      {order.isError ? (
        <p role="alert" className="text-sm text-destructive">
          The order could not be loaded: {apiErrorOf(order.error).message}
        </p>
      ) : !order.data ? (
        <Skeleton className="h-32 w-full" />
      ) : (
        <OrderDetails order={order.data} credit={credit.data} />
      )}
    </section>
  );
}

function OrderDetails({ order: data, credit }: { order: Order; credit: RouterOutputs["orders"]["customerPanel"] | undefined }) {
  const order = { data };
  const creditData = credit;
  return (
        <>
          <div className="flex flex-wrap items-center gap-1.5" data-testid="panel-order-status">
            <StatusBadge status={order.data.status} />
            <StatusBadge status={order.data.fulfillmentStatus} />
            <span className="text-xs text-muted-foreground">version {order.data.version}</span>
          </div>
          <div className="rounded-md border">
            <Table aria-label={`Lines of ${data.number}`}>
              <TableHeader>
                <TableRow>
                  <TableHead>SKU</TableHead>
                  <TableHead numeric>Qty</TableHead>
                  <TableHead numeric>Price</TableHead>
                  <TableHead numeric>Backord.</TableHead>
                  <TableHead numeric>Total</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {order.data.lines.map((l) => (
                  <TableRow key={l.lineNo}>
                    <TableCell className="max-w-44">
                      <span className="block font-mono text-xs">{l.sku}</span>
                      <span className="block truncate text-xs text-muted-foreground" title={l.productName}>
                        {l.productName}
                      </span>
                    </TableCell>
                    <TableCell numeric>{l.quantity}</TableCell>
                    <TableCell numeric>
                      <Money amount={l.unitPrice} currency={order.data.currency} />
                      {l.overrideReason && (
                        <span className="block text-xs text-warning-soft-foreground" title={l.overrideReason}>
                          manual
                        </span>
                      )}
                    </TableCell>
                    <TableCell numeric className={cn(l.backordered > 0 && "font-medium text-warning-soft-foreground")}>
                      {l.backordered}
                    </TableCell>
                    <TableCell numeric>
                      <Money amount={l.lineTotal} currency={order.data.currency} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-muted-foreground">Subtotal</dt>
              <dd className="text-right">
                <Money amount={order.data.subtotal} currency={order.data.currency} />
              </dd>
              {order.data.discountTotal !== 0 && (
                <>
                  <dt className="text-muted-foreground">Discount</dt>
                  <dd className="text-right">
                    <Money amount={-order.data.discountTotal} currency={order.data.currency} />
                  </dd>
                </>
              )}
              <dt className="text-muted-foreground">Tax</dt>
              <dd className="text-right">
                <Money amount={order.data.taxTotal} currency={order.data.currency} />
              </dd>
              <dt className="font-medium">Total</dt>
              <dd className="text-right font-medium">
                <Money amount={order.data.total} currency={order.data.currency} />
              </dd>
            </dl>
            <div className="text-sm">
              <p className="text-muted-foreground">Ship to</p>
              {order.data.shipTo ? (
                <address className="not-italic" data-testid="panel-ship-to">
                  {order.data.shipTo.line1}
                  <br />
                  {order.data.shipTo.city}
                  {order.data.shipTo.region ? `, ${order.data.shipTo.region}` : ""} {order.data.shipTo.postalCode}
                  <br />
                  {order.data.shipTo.country}
                </address>
              ) : (
                <p className="text-destructive">No ship-to address</p>
              )}
            </div>
          </div>
          {creditData && (
            <dl className="grid grid-cols-3 gap-2 rounded-md border bg-muted/30 p-2.5 text-sm" aria-label="Customer credit">
              <div>
                <dt className="text-xs text-muted-foreground">Credit limit</dt>
                <dd>
                  <Money amount={creditData.credit.limit} currency={creditData.customer.currency} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">Exposure</dt>
                <dd>
                  <Money amount={creditData.credit.exposure} currency={creditData.customer.currency} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">Available</dt>
                <dd className={cn(creditData.credit.available < 0 && "font-medium text-destructive")}>
                  <Money amount={creditData.credit.available} currency={creditData.customer.currency} />
                </dd>
              </div>
            </dl>
          )}
        </>
  );
}

const EVENT_LABELS: Record<Exception["history"][number]["type"], string> = {
  opened: "Opened",
  assigned: "Assigned",
  unassigned: "Handed back",
  commented: "Note",
  resolved: "Resolved",
  dismissed: "Dismissed",
  reopened: "Reopened",
  breached: "SLA breached",
  changed: "Changed",
};

function History({ exception: e, mayWork }: { exception: Exception; mayWork: boolean }) {
  const trpc = useTRPC();
  const changed = useExceptionsChanged();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const comment = useMutation(
    trpc.exceptions.comment.mutationOptions({
      onSuccess: () => {
        setNote("");
        toast.success("Note added");
        changed();
      },
      onError: (err) => setError(errorText(err, ["note"])),
    }),
  );
  return (
    <section aria-labelledby="panel-history-heading" className="grid gap-3">
      <h3 id="panel-history-heading" className="text-sm font-semibold">
        History
      </h3>
      <ol aria-label="History" className="grid gap-2.5 border-l pl-4">
        {[...e.history].reverse().map((h) => (
          <li key={h.id} className="relative text-sm">
            <span aria-hidden className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-border ring-2 ring-background" />
            <p>
              <span className="font-medium">{EVENT_LABELS[h.type]}</span>
              {h.type === "assigned" && typeof h.details.assignee === "string" && <> to {h.details.assignee}</>}
              {(h.type === "resolved" || h.type === "dismissed") && typeof h.details.resolution === "string" && h.type === "resolved" && (
                <span className="text-muted-foreground"> · {resolutionLabel(e.type, h.details.resolution)}</span>
              )}
            </p>
            {h.note && <p className="whitespace-pre-wrap text-muted-foreground">{h.note}</p>}
            <p className="text-xs text-muted-foreground">
              {h.actor} · <DateTime value={h.createdAt} />
            </p>
          </li>
        ))}
      </ol>
      {mayWork && (
        <form
          noValidate
          className="grid gap-2"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!note.trim()) return setError("Write a note");
            comment.mutate({ id: e.id, note: note.trim() });
          }}
        >
          <Label htmlFor="panel-note">Add a note</Label>
          <Textarea
            id="panel-note"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(ev) => {
              setNote(ev.target.value);
              setError(null);
            }}
            placeholder="Called the customer, waiting for a new address…"
            aria-invalid={!!error || undefined}
            aria-describedby={error ? "panel-note-error" : undefined}
          />
          <FieldError id="panel-note-error">{error}</FieldError>
          <Button type="submit" size="sm" variant="secondary" className="w-fit" disabled={comment.isPending}>
            <MessageSquarePlus aria-hidden />
            {comment.isPending ? "Adding…" : "Add note"}
          </Button>
        </form>
      )}
    </section>
  );
}
