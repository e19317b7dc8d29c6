"use client";

import { useMutation } from "@tanstack/react-query";
import { Ban, Pencil, Send, XCircle } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";
import { formatMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import { findPurchaseOrderTransition } from "~/server/purchasing/purchase-order-states";
import type { TPurchaseOrder } from "~/server/purchasing/schemas";
import { useTRPC } from "~/trpc/react";
import { usePurchasingChanged } from "./use-purchasing-changed";

/** May `role` move the purchase order to `to` by hand (per the transition table)? */
function mayTransition(po: TPurchaseOrder, to: TPurchaseOrder["status"], role: Role): boolean {
  const t = findPurchaseOrderTransition(po.status, to);
  return !!t && t.by !== "receiving" && t.by.includes(role);
}

/** What the purchase order's status and the user's role allow: edit a draft, send, short-close, cancel. */
export function PurchaseOrderActions({ po, role }: { po: TPurchaseOrder; role: Role }) {
  const trpc = useTRPC();
  const changed = usePurchasingChanged();
  const [dialog, setDialog] = useState<"close" | "cancel" | null>(null);
  const manages = can(role, "purchasing.manage");
  const canEdit = manages && po.status === "draft";
  const canSend = manages && mayTransition(po, "sent", role);
  const canClose = manages && mayTransition(po, "closed", role);
  const canCancel = manages && mayTransition(po, "canceled", role) && po.received === 0;

  const send = useMutation(
    trpc.purchasing.orders.send.mutationOptions({
      onSuccess: (sent) => {
        toast.success(`${sent.number} sent to ${sent.vendor.name}`, {
          description: `${sent.quantity} units, ${formatMoney(sent.total, sent.currency)}; now inbound to ${sent.warehouse.code}.`,
        });
        changed();
      },
      onError: (error) => toast.error(`Could not send ${po.number}`, { description: apiErrorOf(error).message }),
    }),
  );
  const cancel = useMutation(
    trpc.purchasing.orders.cancel.mutationOptions({
      onSuccess: (canceled) => {
        toast.success(`${canceled.number} canceled`, { description: "Its quantities are no longer expected." });
        setDialog(null);
        changed();
      },
      onError: (error) => toast.error(`Could not cancel ${po.number}`, { description: apiErrorOf(error).message }),
    }),
  );

  if (!canEdit && !canSend && !canClose && !canCancel) return null;
  return (
    <>
      {canEdit && (
        <Button asChild variant="outline">
          <Link href={`/purchasing/${encodeURIComponent(po.number)}/edit`}>
            <Pencil aria-hidden />
            Edit draft
          </Link>
        </Button>
      )}
      {canSend && (
        <Button disabled={send.isPending} onClick={() => send.mutate({ number: po.number, version: po.version })}>
          <Send aria-hidden />
          {send.isPending ? "Sending…" : "Send to vendor"}
        </Button>
      )}
      {canClose && (
        <Button variant="outline" onClick={() => setDialog("close")}>
          <Ban aria-hidden />
          Close short
        </Button>
      )}
      {canCancel && (
        <Button variant="outline" onClick={() => setDialog("cancel")}>
          <XCircle aria-hidden />
          Cancel
        </Button>
      )}
      <ClosePurchaseOrderDialog po={po} open={dialog === "close"} onOpenChange={(open) => setDialog(open ? "close" : null)} />
      <ConfirmDialog
        target={dialog === "cancel" ? po : null}
        onClose={() => setDialog(null)}
        title={(p) => `Cancel ${p.number}?`}
        description={(p) =>
          `${p.vendor.name} will not deliver it: its ${p.quantity} units stop being inbound to ${p.warehouse.code}. This cannot be undone.`
        }
        confirmLabel="Cancel purchase order"
        pendingLabel="Canceling…"
        cancelLabel="Keep it"
        isPending={cancel.isPending}
        onConfirm={(p) => cancel.mutate({ number: p.number, version: p.version })}
      />
    </>
  );
}

/** Short-close: what was not received stops being inbound. A reason is required. */
function ClosePurchaseOrderDialog({ po, open, onOpenChange }: { po: TPurchaseOrder; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const changed = usePurchasingChanged();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const outstanding = po.lines.filter((l) => l.remaining > 0);
  const close = useMutation(
    trpc.purchasing.orders.close.mutationOptions({
      onSuccess: (closed) => {
        toast.success(`${closed.number} closed`, { description: `Reason: ${closed.closeReason ?? reason}` });
        setReason("");
        setError(null);
        onOpenChange(false);
        changed();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        setError(apiError.details?.fields?.reason?.join(", ") ?? apiError.message);
        toast.error(`Could not close ${po.number}`, { description: apiError.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setError("Say why the rest will not be delivered");
      return;
    }
    setError(null);
    close.mutate({ number: po.number, reason: reason.trim(), version: po.version });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Close {po.number} short?</DialogTitle>
            <DialogDescription>
              {outstanding.length > 0
                ? `Not delivered: ${outstanding.map((l) => `${l.remaining} × ${l.sku}`).join(", ")}. These stop being inbound; what was received stays. This cannot be undone.`
                : "Nothing remains to be received."}
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="close-reason">Reason</Label>
            <Textarea
              id="close-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              rows={3}
              required
              placeholder="e.g. Vendor discontinued the item"
              aria-invalid={!!error}
              aria-describedby={error ? "close-reason-error" : undefined}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              }}
            />
            <FieldError id="close-reason-error">{error}</FieldError>
            <p className="text-xs text-muted-foreground">Kept in the purchase order&apos;s history. Ctrl+Enter confirms.</p>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Keep it open</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={close.isPending}>
              {close.isPending ? "Closing…" : "Close purchase order"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
