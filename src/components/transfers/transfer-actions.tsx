"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TTransfer } from "~/server/inventory/transfer-schemas";
import { useTRPC } from "~/trpc/react";

const describeLines = (lines: { sku: string; quantity: number }[]) => lines.map((l) => `${l.quantity} × ${l.sku}`).join(", ");

/**
 * Receive / Cancel of an open transfer, each behind a confirmation. Receiving asks per SKU what arrived
 * (all that is in transit by default): what is left stays in transit.
 */
export function TransferActions({ transfer }: { transfer: TTransfer }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"receive" | "cancel" | null>(null);
  const [reason, setReason] = useState("");
  const open = transfer.lines.filter((l) => l.inTransit > 0);
  const [arrived, setArrived] = useState<Record<string, string>>({});
  const arrivedOf = (sku: string, inTransit: number) => arrived[sku] ?? String(inTransit);
  const receipt = open.map((l) => ({ sku: l.sku, inTransit: l.inTransit, quantity: Number(arrivedOf(l.sku, l.inTransit)) }));
  const receiptProblem = receipt.some((r) => !Number.isInteger(r.quantity) || r.quantity < 0 || r.quantity > r.inTransit)
    ? "Each quantity is a whole number from 0 to what is in transit."
    : receipt.every((r) => r.quantity === 0)
      ? "Receive at least one unit."
      : null;

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
        const title = received.status === "received" ? `${received.number} received in ${received.to}` : `${received.number} partly received in ${received.to}`;
        toast.success(`${title}: ${received.received} of ${received.quantity} units`, {
          description:
            filled.length > 0
              ? `Reserved for backorders: ${filled.map((a) => `${a.quantity} for ${a.orderNumber}`).join(", ")}.`
              : received.inTransit > 0
                ? `${received.inTransit} still in transit.`
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
        toast.success(`${canceled.number} canceled`, { description: `What was in transit is back on hand in ${canceled.from}.` });
        changed();
      },
      onError: (error) => toast.error(`Could not cancel ${transfer.number}`, { description: apiErrorOf(error).message }),
    }),
  );
  if (transfer.status !== "in_transit" && transfer.status !== "partially_received") return null;
  const pending = receive.isPending || cancel.isPending;

  return (
    <div className="flex gap-1.5">
      <Button size="sm" variant="outline" onClick={() => {
          setArrived({});
          setDialog("receive");
        }} aria-label={`Receive ${transfer.number}`}>
        Receive
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setDialog("cancel")} aria-label={`Cancel ${transfer.number}`}>
        Cancel
      </Button>
      <Dialog open={dialog !== null} onOpenChange={(open) => !open && setDialog(null)}>
        <DialogContent>
          {dialog === "receive" && (
            <form
              className="grid gap-4"
              onSubmit={(event) => {
                event.preventDefault();
                if (receiptProblem) return;
                receive.mutate({ number: transfer.number, lines: receipt.map(({ sku, quantity }) => ({ sku, quantity })) });
              }}
            >
              <DialogHeader>
                <DialogTitle>Receive {transfer.number}?</DialogTitle>
                <DialogDescription>
                  What arrived goes on hand in {transfer.to} (backorders waiting there take it first); anything less than shipped stays in transit.
                </DialogDescription>
              </DialogHeader>
              <table className="w-full text-sm" aria-label={`Lines of ${transfer.number}`}>
                <thead className="text-left text-xs text-muted-foreground">
                  <tr>
                    <th className="py-1 font-medium">SKU</th>
                    <th className="py-1 text-right font-medium">In transit</th>
                    <th className="py-1 text-right font-medium">Arrived</th>
                  </tr>
                </thead>
                <tbody>
                  {open.map((l) => (
                    <tr key={l.sku} className="border-t">
                      <td className="py-1.5">
                        <div className="font-mono text-xs">{l.sku}</div>
                        <div className="max-w-56 truncate text-xs text-muted-foreground" title={l.productName}>
                          {l.productName}
                        </div>
                      </td>
                      <td className="py-1.5 text-right tabular-nums">{l.inTransit}</td>
                      <td className="py-1.5 text-right">
                        <Label htmlFor={`receive-${transfer.number}-${l.sku}`} className="sr-only">
                          Arrived of {l.sku}
                        </Label>
                        <Input
                          id={`receive-${transfer.number}-${l.sku}`}
                          type="number"
                          min={0}
                          max={l.inTransit}
                          step={1}
                          value={arrivedOf(l.sku, l.inTransit)}
                          onChange={(e) => setArrived((current) => ({ ...current, [l.sku]: e.target.value }))}
                          className="ml-auto w-24 text-right"
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {receiptProblem && (
                <p className="text-sm text-destructive" role="alert">
                  {receiptProblem}
                </p>
              )}
              <DialogFooter>
                <DialogClose asChild>
                  <Button type="button" variant="outline">
                    Not yet
                  </Button>
                </DialogClose>
                <Button type="submit" disabled={pending || !!receiptProblem}>
                  {receive.isPending ? "Receiving…" : `Receive in ${transfer.to}`}
                </Button>
              </DialogFooter>
            </form>
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
                  What is still in transit ({describeLines(open.map((l) => ({ sku: l.sku, quantity: l.inTransit })))}) goes back on hand in {transfer.from};{" "}
                  {transfer.to} stops expecting it. This cannot be undone.
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
