"use client";

import { Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import type { RouterOutputs } from "~/trpc/react";

export type RecentDuplicate = RouterOutputs["orders"]["recentDuplicates"][number];

/** "3 minutes ago" in the user's language. */
export function minutesAgo(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return "less than a minute ago";
  return new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }).format(-minutes, "minute");
}

/** Asked before submitting when the same customer got an order with the same lines in the last 10 minutes. */
export function DuplicateOrderDialog({
  duplicates,
  onConfirm,
  onCancel,
  isPending,
}: {
  duplicates: RecentDuplicate[] | null;
  onConfirm: () => void;
  onCancel: () => void;
  isPending: boolean;
}) {
  const [first, ...others] = duplicates ?? [];
  return (
    <Dialog open={!!duplicates} onOpenChange={(open) => !open && onCancel()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Possible duplicate order</DialogTitle>
          <DialogDescription>
            {first && (
              <>
                {first.number} with the same lines was entered {minutesAgo(first.createdAt)} by {first.createdBy}. Submit anyway?
              </>
            )}
          </DialogDescription>
        </DialogHeader>
        {first && (
          <ul className="grid gap-1 rounded-md border bg-muted/40 px-3 py-2 text-sm">
            {[first, ...others].map((d) => (
              <li key={d.number} className="flex items-baseline justify-between gap-4">
                <span>
                  <span className="font-medium">{d.number}</span> <span className="text-muted-foreground">· {d.createdBy} · {minutesAgo(d.createdAt)}</span>
                </span>
                <Money amount={d.total} currency={d.currency} />
              </li>
            ))}
          </ul>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Don’t submit</Button>
          </DialogClose>
          <Button onClick={onConfirm} disabled={isPending}>
            {isPending ? "Submitting…" : "Submit anyway"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
