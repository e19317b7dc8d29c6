"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";
import { apiErrorOf } from "~/lib/trpc-error";
import { EXCEPTION_LABELS, isActiveException, isBlocking } from "~/server/exceptions/constants";
import type { TOrder } from "~/server/orders/schemas";
import { useTRPC } from "~/trpc/react";
import { useOrderChanged } from "./use-order-changed";

/** A manager releases a held order: its open blocking exceptions are resolved with the note and it opens. */
export function ReleaseHoldDialog({ order, open, onOpenChange }: { order: TOrder; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const changed = useOrderChanged();
  const [note, setNote] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const openExceptions = order.exceptions.filter((e) => isActiveException(e.status) && isBlocking(e.type));

  const release = useMutation(
    trpc.orders.releaseHold.mutationOptions({
      onSuccess: (released) => {
        toast.success(`Hold released on ${released.number}`, { description: "The order is open and moves on to fulfillment." });
        setNote("");
        setFailure(null);
        onOpenChange(false);
        changed();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setFailure(e.message);
        toast.error(`Could not release ${order.number}`, { description: e.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    release.mutate({ number: order.number, version: order.version, ...(note.trim() ? { note: note.trim() } : {}) });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Release hold on {order.number}?</DialogTitle>
            <DialogDescription>
              {openExceptions.length > 0
                ? "These exceptions are resolved as released, with your note:"
                : "No open exception is recorded for this hold; the order opens at once."}
            </DialogDescription>
          </DialogHeader>
          {openExceptions.length > 0 && (
            <ul className="grid gap-1 text-sm">
              {openExceptions.map((e) => (
                <li key={e.id} className="rounded-md border bg-muted/40 px-3 py-2">
                  <span className="font-medium">{EXCEPTION_LABELS[e.type]}</span>
                  <span className="text-muted-foreground"> — {e.reason}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="grid gap-1.5">
            <Label htmlFor="release-note">Note (optional)</Label>
            <Textarea
              id="release-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={500}
              rows={3}
              placeholder="e.g. Credit approved by finance until the 30th"
            />
          </div>
          {failure && (
            <p role="alert" className="rounded-md border border-destructive/30 bg-danger-soft px-3 py-2 text-sm text-danger-soft-foreground">
              {failure}
            </p>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Keep on hold</Button>
            </DialogClose>
            <Button type="submit" disabled={release.isPending}>
              {release.isPending ? "Releasing…" : "Release hold"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
