"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TTransfer } from "~/server/inventory/transfer-schemas";
import { useTRPC } from "~/trpc/react";

/** Receive / Cancel of an in-transit transfer, each behind a confirmation. */
export function TransferActions({ transfer }: { transfer: TTransfer }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"receive" | "cancel" | null>(null);
  const [reason, setReason] = useState("");

  const changed = () => {
    setDialog(null);
    void queryClient.invalidateQueries({ queryKey: trpc.transfers.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.inventory.pathKey() });
    router.refresh();
  };
  const receive = useMutation(
    trpc.transfers.receive.mutationOptions({
      onSuccess: (received) => {
        const filled = received.allocatedToBackorders;
        toast.success(`${received.number} received in ${received.to}: ${received.quantity} × ${received.sku}`, {
          description:
            filled.length > 0
              ? `Reserved for backorders: ${filled.map((a) => `${a.quantity} for ${a.orderNumber}`).join(", ")}.`
              : `Now on hand in ${received.to}.`,
        });
        changed();
      },
      onError: (error) => toast.error(`Could not receive ${transfer.number}`, { description: apiErrorOf(error).message }),
    }),
  );
  const cancel = useMutation(
    trpc.transfers.cancel.mutationOptions({
      onSuccess: (canceled) => {
        toast.success(`${canceled.number} canceled`, { description: `${canceled.quantity} × ${canceled.sku} back on hand in ${canceled.from}.` });
        changed();
      },
      onError: (error) => toast.error(`Could not cancel ${transfer.number}`, { description: apiErrorOf(error).message }),
    }),
  );
  if (transfer.status !== "in_transit") return null;
  const pending = receive.isPending || cancel.isPending;

  return (
    <div className="flex gap-1.5">
      <Button size="sm" variant="outline" onClick={() => setDialog("receive")} aria-label={`Receive ${transfer.number}`}>
        Receive
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setDialog("cancel")} aria-label={`Cancel ${transfer.number}`}>
        Cancel
      </Button>
      <Dialog open={dialog !== null} onOpenChange={(open) => !open && setDialog(null)}>
        <DialogContent>
          {dialog === "receive" && (
            <>
              <DialogHeader>
                <DialogTitle>Receive {transfer.number}?</DialogTitle>
                <DialogDescription>
                  {transfer.quantity} × {transfer.sku} ({transfer.productName}) arrive on hand in {transfer.to}. Backorders waiting there take them first.
                </DialogDescription>
              </DialogHeader>
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="outline">Not yet</Button>
                </DialogClose>
                <Button onClick={() => receive.mutate({ number: transfer.number })} disabled={pending}>
                  {receive.isPending ? "Receiving…" : `Receive in ${transfer.to}`}
                </Button>
              </DialogFooter>
            </>
          )}
          {dialog === "cancel" && (
            <form
              className="grid gap-4"
              onSubmit={(event) => {
                event.preventDefault();
                cancel.mutate({ number: transfer.number, reason: reason.trim() || undefined });
              }}
            >
              <DialogHeader>
                <DialogTitle>Cancel {transfer.number}?</DialogTitle>
                <DialogDescription>
                  The {transfer.quantity} × {transfer.sku} go back on hand in {transfer.from}; {transfer.to} stops expecting them. This cannot be undone.
                </DialogDescription>
              </DialogHeader>
              <div className="grid gap-1.5">
                <Label htmlFor={`cancel-reason-${transfer.number}`}>Reason (optional)</Label>
                <Input id={`cancel-reason-${transfer.number}`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
              </div>
              <DialogFooter>
                <DialogClose asChild>
                  <Button type="button" variant="outline">
                    Keep it
                  </Button>
                </DialogClose>
                <Button type="submit" variant="destructive" disabled={pending}>
                  {cancel.isPending ? "Canceling…" : "Cancel transfer"}
                </Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
