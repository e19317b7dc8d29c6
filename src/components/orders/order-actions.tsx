"use client";

import { useMutation } from "@tanstack/react-query";
import { ArrowRightLeft, CircleStop, Copy, Pencil, Printer, Send, ShieldCheck, XCircle } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { formatMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import { isActiveException } from "~/server/exceptions/constants";
import type { TOrder } from "~/server/orders/schemas";
import { EDITABLE_STATUSES, findTransition } from "~/server/orders/state-machine";
import { useTRPC } from "~/trpc/react";
import { CancelOrderDialog } from "./cancel-order-dialog";
import { CloseOrderDialog, isClosable } from "./close-order-dialog";
import { ConvertQuoteDialog } from "./convert-quote-dialog";
import { draftFromOrder, EditOrderDialog, isDraftDirty, type EditDraft } from "./edit-order-dialog";
import { ReleaseHoldDialog } from "./release-hold-dialog";
import { useOrderChanged } from "./use-order-changed";

/** May `role` move an order from its status to `to` by hand (per the transition table)? */
function mayTransition(order: TOrder, to: TOrder["status"], role: Role): boolean {
  const t = findTransition(order.status, to);
  return !!t && t.by.includes(role);
}

/** What an order's state and the user's role allow, as buttons; each opens its dialog or runs at once. */
export function OrderActions({ order, role, today }: { order: TOrder; role: Role; today: string }) {
  const trpc = useTRPC();
  const changed = useOrderChanged();
  const [dialog, setDialog] = useState<"edit" | "cancel" | "release" | "convert" | "close" | null>(null);
  const [draft, setDraftState] = useState<EditDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const isQuote = order.kind === "quote";
  const expired = isQuote && !!order.validUntil && order.validUntil < today;

  const canEdit = can(role, "orders.edit") && EDITABLE_STATUSES.includes(order.status) && !(isQuote && order.convertedTo);
  const canSubmit = !isQuote && can(role, "orders.submit") && mayTransition(order, "submitted", role);
  const canConvert = isQuote && order.status === "draft" && !order.convertedTo && can(role, "quotes.convert");
  const canRelease = !isQuote && order.status === "on_hold" && can(role, "orders.releaseHold") && mayTransition(order, "open", role);
  // An order with units out of the door is closed (or its shipments canceled first), not canceled: the server refuses it.
  const hasShipped = !isQuote && order.lines.some((l) => l.shipped > 0);
  const canCancel = can(role, "orders.cancel") && mayTransition(order, "canceled", role) && !hasShipped;
  const canDuplicate = !isQuote && can(role, "orders.create");
  const canClose = can(role, "orders.close") && isClosable(order);

  const submit = useMutation(
    trpc.orders.submit.mutationOptions({
      onSuccess: (submitted) => {
        const held = submitted.status === "on_hold";
        const message = `${submitted.number} submitted${held ? " — on hold" : ""}`;
        const description = held
          ? (submitted.exceptions.find((e) => isActiveException(e.status))?.reason ?? "A manager has to release it.")
          : `Open · total ${formatMoney(submitted.total, submitted.currency)}`;
        if (held) toast.warning(message, { description });
        else toast.success(message, { description });
        changed();
      },
      onError: (error) => toast.error(`Could not submit ${order.number}`, { description: apiErrorOf(error).message }),
    }),
  );

  // The draft of an edit survives closing the dialog; it starts over when the order changed and nothing was typed.
  const currentDraft = draft && (isDraftDirty(draft, order) || draft.conflict || draft.baseVersion === order.version) ? draft : null;
  function openEdit() {
    if (!currentDraft) setDraftState(draftFromOrder(order));
    setRestored(!!currentDraft && isDraftDirty(currentDraft, order));
    setDialog("edit");
  }
  const setDraft = (update: (d: EditDraft) => EditDraft) => setDraftState((d) => update(d ?? draftFromOrder(order)));

  const nothing = !canEdit && !canSubmit && !canConvert && !canRelease && !canCancel && !canDuplicate && !canClose && !isQuote;
  if (nothing) return null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {canRelease && (
        <Button onClick={() => setDialog("release")}>
          <ShieldCheck aria-hidden />
          Release hold
        </Button>
      )}
      {canSubmit && (
        <Button onClick={() => submit.mutate({ number: order.number })} disabled={submit.isPending}>
          <Send aria-hidden />
          {submit.isPending ? "Submitting…" : "Submit order"}
        </Button>
      )}
      {canConvert && (
        <Button
          onClick={() => setDialog("convert")}
          disabled={expired}
          title={expired ? `Expired on ${order.validUntil}: duplicate it into a new order instead` : undefined}
        >
          <ArrowRightLeft aria-hidden />
          Convert to order
        </Button>
      )}
      {canEdit && (
        <Button variant="outline" onClick={openEdit}>
          <Pencil aria-hidden />
          Edit
        </Button>
      )}
      {canDuplicate && (
        // A new, unsaved order in the entry page, prefilled from this one (customer changeable); nothing is saved here.
        <Button asChild variant="outline">
          <Link href={`/orders/new?from=${encodeURIComponent(order.number)}`}>
            <Copy aria-hidden />
            Duplicate
          </Link>
        </Button>
      )}
      {isQuote && (
        <Button asChild variant="outline">
          <a href={`/quotes/${encodeURIComponent(order.number)}/pdf`} target="_blank" rel="noopener">
            <Printer aria-hidden />
            Print quote
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        </Button>
      )}
      {canClose && (
        <Button variant="outline" onClick={() => setDialog("close")}>
          <CircleStop aria-hidden />
          Close order
        </Button>
      )}
      {canCancel && (
        <Button variant="outline" className="text-destructive hover:bg-destructive/10 hover:text-destructive" onClick={() => setDialog("cancel")}>
          <XCircle aria-hidden />
          {isQuote ? "Cancel quote" : "Cancel order"}
        </Button>
      )}

      {canEdit && currentDraft && (
        <EditOrderDialog
          order={order}
          open={dialog === "edit"}
          onOpenChange={(open) => setDialog(open ? "edit" : null)}
          draft={currentDraft}
          setDraft={setDraft}
          restored={restored}
        />
      )}
      {canCancel && <CancelOrderDialog order={order} open={dialog === "cancel"} onOpenChange={(open) => setDialog(open ? "cancel" : null)} />}
      {canClose && <CloseOrderDialog order={order} open={dialog === "close"} onOpenChange={(open) => setDialog(open ? "close" : null)} />}
      {canRelease && <ReleaseHoldDialog order={order} open={dialog === "release"} onOpenChange={(open) => setDialog(open ? "release" : null)} />}
      {canConvert && <ConvertQuoteDialog quote={order} open={dialog === "convert"} onOpenChange={(open) => setDialog(open ? "convert" : null)} />}
    </div>
  );
}
