"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";
import { formatMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TOrder } from "~/server/orders/schemas";
import { useTRPC } from "~/trpc/react";
import { useOrderChanged } from "./use-order-changed";

/** May this partly shipped order be closed ("ship what we have, cancel the rest")? */
export function isClosable(order: TOrder): boolean {
  return (
    order.kind === "order" &&
    (order.status === "open" || order.status === "on_hold") &&
    order.lines.some((l) => l.shipped > 0) &&
    order.lines.some((l) => l.shipped < l.quantity)
  );
}

/** "Ship what we have, cancel the rest": a reason and a confirmation; lines come down to what shipped. */
export function CloseOrderDialog({ order, open, onOpenChange }: { order: TOrder; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const changed = useOrderChanged();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const rest = order.lines.filter((l) => l.shipped < l.quantity);
  const close = useMutation(
    trpc.orders.close.mutationOptions({
      onSuccess: (closed) => {
        toast.success(`${closed.number} closed: shipped what we had, canceled the rest`, {
          description: `New total ${formatMoney(closed.total, closed.currency)} (was ${formatMoney(order.total, order.currency)}).`,
        });
        setReason("");
        onOpenChange(false);
        changed();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        setError(apiError.details?.fields?.reason?.join(", ") ?? apiError.message);
        toast.error(`Could not close ${order.number}`, { description: apiError.message });
      },
    }),
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setError("Say why the rest is canceled");
            setError(null);
            close.mutate({ number: order.number, reason: reason.trim(), version: order.version });
          }}
        >
          <DialogHeader>
            <DialogTitle>Close {order.number}: ship what we have, cancel the rest?</DialogTitle>
            <DialogDescription>
              Not shipped and canceled: {rest.map((l) => `${l.quantity - l.shipped} × ${l.sku}`).join(", ")}. Shipments that have not left are canceled, reserved
              stock is released to other orders and each line comes down to what shipped. This cannot be undone.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="close-order-reason">Reason</Label>
            <Textarea
              id="close-order-reason"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setError(null);
              }}
              maxLength={500}
              rows={3}
              required
              placeholder="e.g. Customer takes the partial delivery; the rest is no longer needed"
              aria-invalid={!!error}
              aria-describedby={error ? "close-order-reason-error" : undefined}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              }}
            />
            <FieldError id="close-order-reason-error">{error}</FieldError>
            <p className="text-xs text-muted-foreground">Shown in the order&apos;s timeline. Ctrl+Enter confirms.</p>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Keep it open</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={close.isPending}>
              {close.isPending ? "Closing…" : "Close order"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
