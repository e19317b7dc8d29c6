"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { DateOnly, Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { formatMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TOrder } from "~/server/orders/schemas";
import { useTRPC } from "~/trpc/react";
import { useOrderChanged } from "./use-order-changed";

/** Converts a quote into a submitted order, re-priced today, and opens the new order. */
export function ConvertQuoteDialog({ quote, open, onOpenChange }: { quote: TOrder; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const changed = useOrderChanged();
  const [failure, setFailure] = useState<string | null>(null);

  const convert = useMutation(
    trpc.quotes.convert.mutationOptions({
      onSuccess: (order) => {
        const repriced = order.total !== quote.total;
        toast.success(`${quote.number} converted to order ${order.number}`, {
          description: `${order.status === "on_hold" ? "On hold" : "Submitted"} · total ${formatMoney(order.total, order.currency)}${
            repriced ? ` (quote was ${formatMoney(quote.total, quote.currency)})` : ""
          }`,
        });
        onOpenChange(false);
        changed();
        router.push(`/orders/${encodeURIComponent(order.number)}`);
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setFailure(e.message);
        toast.error(`Could not convert ${quote.number}`, { description: e.message });
      },
    }),
  );

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Convert {quote.number} to an order?</DialogTitle>
          <DialogDescription>
            The new order is priced at today&apos;s prices, submitted at once and checked for holds. The quote is closed and links to it.
          </DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-2 gap-y-1 text-sm">
          <dt className="text-muted-foreground">Customer</dt>
          <dd className="text-right">{quote.customerName}</dd>
          <dt className="text-muted-foreground">Lines</dt>
          <dd className="text-right tabular-nums">{quote.lines.length}</dd>
          <dt className="text-muted-foreground">Quoted total</dt>
          <dd className="text-right">
            <Money amount={quote.total} currency={quote.currency} />
          </dd>
          <dt className="text-muted-foreground">Valid until</dt>
          <dd className="text-right">
            <DateOnly value={quote.validUntil} />
          </dd>
        </dl>
        {failure && (
          <p role="alert" className="rounded-md border border-destructive/30 bg-danger-soft px-3 py-2 text-sm text-danger-soft-foreground">
            {failure}
          </p>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Not now</Button>
          </DialogClose>
          <Button
            disabled={convert.isPending}
            onClick={() => {
              setFailure(null);
              convert.mutate({ number: quote.number });
            }}
          >
            {convert.isPending ? "Converting…" : "Convert to order"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
