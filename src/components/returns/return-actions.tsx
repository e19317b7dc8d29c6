"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, PackageCheck, RotateCcw, ShieldCheck, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";
import { formatMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import type { TReturn } from "~/server/billing/schemas";
import { useTRPC } from "~/trpc/react";
import { receiveSummary } from "./receive-summary";

type DialogKind = "approve" | "reject" | "receive";

function useReturnChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.returns.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
    router.refresh();
  };
}

/** What the return's status and the user's role allow: a manager approves or rejects a requested return, the warehouse receives an approved one. */
export function ReturnActions({ rma, role }: { rma: TReturn; role: Role }) {
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const canDecide = can(role, "returns.approve") && rma.status === "requested";
  const canReceive = can(role, "returns.receive") && rma.status === "approved";
  if (!canDecide && !canReceive) return null;
  const close = (open: boolean) => !open && setDialog(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canDecide && (
        <>
          <Button onClick={() => setDialog("approve")}>
            <ShieldCheck aria-hidden />
            Approve
          </Button>
          <Button variant="outline" className="text-destructive hover:bg-destructive/10 hover:text-destructive" onClick={() => setDialog("reject")}>
            <XCircle aria-hidden />
            Reject
          </Button>
        </>
      )}
      {canReceive && (
        <Button onClick={() => setDialog("receive")}>
          <PackageCheck aria-hidden />
          Receive
        </Button>
      )}
      {(dialog === "approve" || dialog === "reject") && <DecideDialog rma={rma} approve={dialog === "approve"} open onOpenChange={close} />}
      {dialog === "receive" && <ReceiveDialog rma={rma} open onOpenChange={close} />}
    </div>
  );
}

type DialogProps = { rma: TReturn; open: boolean; onOpenChange: (open: boolean) => void };

function Failure({ failure, onReload, reloading }: { failure: { message: string; stale: boolean }; onReload: () => void; reloading: boolean }) {
  return (
    <div role="alert" className="grid gap-2 rounded-md border border-destructive/30 bg-danger-soft p-3 text-sm text-danger-soft-foreground">
      <p className="flex items-start gap-2">
        <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
        {failure.message}
      </p>
      {failure.stale && (
        <div>
          <Button type="button" size="sm" variant="outline" disabled={reloading} onClick={onReload}>
            <RotateCcw aria-hidden />
            {reloading ? "Reloading…" : "Reload"}
          </Button>
        </div>
      )}
    </div>
  );
}

/** Approve (a note is optional) or reject (say why) a return that waits for a manager. */
function DecideDialog({ rma, approve, open, onOpenChange }: DialogProps & { approve: boolean }) {
  const trpc = useTRPC();
  const changed = useReturnChanged();
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  const [reloading, startReload] = useTransition();
  const money = formatMoney(rma.value, rma.currency);
  const decide = useMutation(
    trpc.returns.decide.mutationOptions({
      onSuccess: (decided) => {
        if (decided.status === "approved") toast.success(`${decided.number} approved`, { description: "The warehouse receives the goods; the credit note is issued then." });
        else toast.success(`${decided.number} rejected`, { description: decided.decisionNote ?? undefined });
        onOpenChange(false);
        changed();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setNoteError(e.details?.fields?.note?.join(", ") ?? null);
        setFailure(e.details?.fields?.note ? null : { message: e.message, stale: e.code === "STALE_VERSION" || e.code === "RETURN_DECIDED" });
        toast.error(`Could not ${approve ? "approve" : "reject"} ${rma.number}`, { description: e.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!approve && !note.trim()) {
      setNoteError("Say why the return is rejected");
      return;
    }
    setNoteError(null);
    setFailure(null);
    decide.mutate({ id: rma.number, approve, note: note.trim() || null, version: rma.version });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>
              {approve ? "Approve" : "Reject"} {rma.number}?
            </DialogTitle>
            <DialogDescription>
              {approve
                ? `${rma.customer.name} may send back goods worth ${money} with tax. The warehouse receives them and a credit note is issued then.`
                : `Nothing comes back on this return and no credit note is issued. ${rma.customer.name}'s rep sees your reason on the order.`}
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="decide-note">{approve ? "Note (optional)" : "Reason"}</Label>
            <Textarea
              id="decide-note"
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                setNoteError(null);
              }}
              maxLength={500}
              rows={3}
              required={!approve}
              placeholder={approve ? "e.g. Damaged in transit, photos checked" : "e.g. Outside the 30-day return window"}
              aria-invalid={!!noteError || undefined}
              aria-describedby={noteError ? "decide-note-error" : undefined}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              }}
            />
            <FieldError id="decide-note-error">{noteError}</FieldError>
          </div>
          {failure && <Failure failure={failure} reloading={reloading} onReload={() => startReload(() => { changed(); onOpenChange(false); })} />}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Not now</Button>
            </DialogClose>
            <Button type="submit" variant={approve ? "default" : "destructive"} disabled={decide.isPending || reloading}>
              {decide.isPending ? (approve ? "Approving…" : "Rejecting…") : approve ? "Approve return" : "Reject return"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The goods are here: restock or scrap them and issue the credit note, after saying exactly what will happen. */
function ReceiveDialog({ rma, open, onOpenChange }: DialogProps) {
  const trpc = useTRPC();
  const changed = useReturnChanged();
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  const [reloading, startReload] = useTransition();
  const receive = useMutation(
    trpc.returns.receive.mutationOptions({
      onSuccess: (received) => {
        const units = received.lines.reduce((n, l) => n + l.quantity, 0);
        toast.success(`${received.number} received: ${units} unit${units === 1 ? "" : "s"}`, {
          description: received.creditNote
            ? `Credit note ${received.creditNote.number} for ${formatMoney(received.creditNote.total, received.currency)} issued to ${received.customer.name}.`
            : "Nothing to credit: the units were free of charge.",
        });
        onOpenChange(false);
        changed();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setFailure({ message: e.message, stale: e.code === "STALE_VERSION" || e.code === "RETURN_CLOSED" || e.code === "RETURN_NOT_APPROVED" });
        toast.error(`Could not receive ${rma.number}`, { description: e.message });
      },
    }),
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Receive {rma.number}?</DialogTitle>
          <DialogDescription>Confirm when the goods are in the warehouse. This cannot be undone.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-2 text-sm">
          <p className="font-medium" data-testid="receive-summary">
            {receiveSummary(rma)}.
          </p>
          <p>
            A credit note for their share of what was invoiced — about {formatMoney(rma.value, rma.currency)} with tax — is issued to {rma.customer.name} and applied to
            the open invoices of {rma.order} first.
          </p>
        </div>
        {failure && <Failure failure={failure} reloading={reloading} onReload={() => startReload(() => { changed(); onOpenChange(false); })} />}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Not now</Button>
          </DialogClose>
          <Button disabled={receive.isPending || reloading} onClick={() => { setFailure(null); receive.mutate({ id: rma.number, version: rma.version }); }}>
            {receive.isPending ? "Receiving…" : "Receive and credit"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
