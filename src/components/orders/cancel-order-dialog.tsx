"use client";

import { useMutation } from "@tanstack/react-query";
import { AlertTriangle, RotateCcw } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TOrder } from "~/server/orders/schemas";
import { useTRPC } from "~/trpc/react";
import { useOrderChanged } from "./use-order-changed";

/** Cancels an order or quote: a reason is required; the cancel carries the version on screen. */
export function CancelOrderDialog({ order, open, onOpenChange }: { order: TOrder; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const changed = useOrderChanged();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  const [isReloading, startReload] = useTransition();
  const noun = order.kind === "quote" ? "quote" : "order";

  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: (canceled) => {
        toast.success(`${canceled.number} canceled`, { description: `Reason: ${canceled.canceledReason ?? reason}` });
        setReason("");
        setFailure(null);
        onOpenChange(false);
        changed();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setReasonError(e.details?.fields?.reason?.join(", ") ?? null);
        setFailure({ message: e.message, stale: e.code === "STALE_VERSION" });
        toast.error(`Could not cancel ${order.number}`, { description: e.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(`Say why the ${noun} is canceled`);
      return;
    }
    setReasonError(null);
    setFailure(null);
    cancel.mutate({ number: order.number, reason: reason.trim(), version: order.version });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>
              Cancel {noun} {order.number}?
            </DialogTitle>
            <DialogDescription>
              {order.kind === "quote"
                ? "The quote can no longer be converted. This cannot be undone."
                : "Reserved stock is released and open exceptions on the order are closed. This cannot be undone."}
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="cancel-reason">Reason</Label>
            <Textarea
              id="cancel-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              required
              rows={3}
              placeholder="e.g. Customer ordered by mistake; confirmed by phone"
              aria-invalid={!!reasonError}
              aria-describedby={reasonError ? "cancel-reason-error" : undefined}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              }}
            />
            <FieldError id="cancel-reason-error">{reasonError}</FieldError>
            <p className="text-xs text-muted-foreground">Shown on the order and in its timeline. Ctrl+Enter confirms.</p>
          </div>
          {failure && (
            <div role="alert" className="grid gap-2 rounded-md border border-destructive/30 bg-danger-soft p-3 text-sm text-danger-soft-foreground">
              <p className="flex items-start gap-2">
                <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
                {failure.message}
              </p>
              {failure.stale && (
                <div>
                  <Button
                    type="button"
                    size="sm"
                    variant="outline"
                    disabled={isReloading}
                    onClick={() => startReload(() => {
                      changed();
                      setFailure(null);
                    })}
                  >
                    <RotateCcw aria-hidden />
                    {isReloading ? "Reloading…" : "Reload"}
                  </Button>
                </div>
              )}
            </div>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Keep {noun}</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={cancel.isPending || isReloading}>
              {cancel.isPending ? "Canceling…" : `Cancel ${noun}`}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
