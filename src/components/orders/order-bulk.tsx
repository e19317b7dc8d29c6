"use client";

import { useMutation } from "@tanstack/react-query";
import { Ban, Download, LoaderCircle, UserRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { createContext, useContext, useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Textarea } from "~/components/ui/textarea";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TOrderSummary } from "~/server/orders/schemas";
import { useTRPC } from "~/trpc/react";
import { orderCsv, orderCsvFileName } from "./order-csv";

type Selection = { items: TOrderSummary[]; selected: Set<string>; toggle: (number: string, on: boolean) => void; setAll: (on: boolean) => void };
const SelectionContext = createContext<Selection | null>(null);
const useSelection = () => {
  const value = useContext(SelectionContext);
  if (!value) throw new Error("OrderSelection is missing");
  return value;
};

/**
 * The rows picked for a bulk action on this page. Mount it with `key={query}`: another page, sort or
 * filter starts with nothing selected.
 */
export function OrderSelection({ items, children }: { items: TOrderSummary[]; children: React.ReactNode }) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const toggle = (number: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(number);
      else next.delete(number);
      return next;
    });
  const setAll = (on: boolean) => setSelected(on ? new Set(items.map((o) => o.number)) : new Set());
  return <SelectionContext.Provider value={{ items, selected, toggle, setAll }}>{children}</SelectionContext.Provider>;
}

const checkboxClass = "mr-2 size-4 rounded border-input align-middle accent-primary";

export function SelectAllCheckbox({ noun }: { noun: string }) {
  const { items, selected, setAll } = useSelection();
  const all = items.length > 0 && selected.size === items.length;
  return (
    <input
      type="checkbox"
      className={checkboxClass}
      aria-label={`Select all ${noun} on this page`}
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = selected.size > 0 && !all;
      }}
      onChange={(e) => setAll(e.target.checked)}
    />
  );
}

export function RowCheckbox({ number }: { number: string }) {
  const { selected, toggle } = useSelection();
  return <input type="checkbox" className={checkboxClass} aria-label={`Select ${number}`} checked={selected.has(number)} onChange={(e) => toggle(number, e.target.checked)} />;
}

function download(fileName: string, body: string) {
  const url = URL.createObjectURL(new Blob([body], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * Bulk actions over the selection: export it as CSV (built here from the rows on screen), export every
 * order the filters match (the streamed /orders/export route), cancel the selected drafts (one cancel
 * use case each, in turn; failures are listed per order).
 */
export function OrderBulkBar({
  kind,
  exportHref,
  mayCancel,
  assignees,
  today,
  view,
}: {
  kind: "order" | "quote";
  exportHref: string;
  mayCancel: boolean;
  /** The list's View menu (columns and density), at the end of the bar. */
  view?: React.ReactNode;
  /** Who the selection can be given to; null when the user may not assign. */
  assignees: { id: string; name: string }[] | null;
  today: string;
}) {
  const { items, selected, setAll } = useSelection();
  const noun = kind === "quote" ? "quotes" : "orders";
  const picked = items.filter((o) => selected.has(o.number));
  const drafts = picked.filter((o) => o.status === "draft");
  const [open, setOpen] = useState(false);
  const [assigning, setAssigning] = useState(false);
  return (
    <div role="toolbar" aria-label={`Bulk actions on ${noun}`} className="mb-2 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted-foreground" aria-live="polite">
        {selected.size ? `${selected.size} selected` : `Select ${noun} for bulk actions`}
      </span>
      {selected.size > 0 && (
        <Button variant="ghost" size="sm" onClick={() => setAll(false)}>
          Clear selection
        </Button>
      )}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <Button variant="outline" size="sm" disabled={!picked.length} onClick={() => download(orderCsvFileName(kind, today), orderCsv(picked))}>
          <Download aria-hidden />
          Export selected
        </Button>
        <Button asChild variant="outline" size="sm">
          <a href={exportHref} download>
            <Download aria-hidden />
            Export all matching
          </a>
        </Button>
        {assignees && (
          <Button variant="outline" size="sm" disabled={!picked.length} onClick={() => setAssigning(true)}>
            <UserRound aria-hidden />
            Assign…
          </Button>
        )}
        {mayCancel && (
          <Button variant="outline" size="sm" disabled={!drafts.length} onClick={() => setOpen(true)}>
            <Ban aria-hidden />
            Cancel drafts{drafts.length ? ` (${drafts.length})` : ""}
          </Button>
        )}
        {view}
      </div>
      {mayCancel && <CancelDraftsDialog numbers={drafts.map((o) => o.number)} skipped={picked.length - drafts.length} open={open} onOpenChange={setOpen} />}
      {assignees && <AssignDialog numbers={picked.map((o) => o.number)} noun={noun} assignees={assignees} open={assigning} onOpenChange={setAssigning} />}
    </div>
  );
}

function CancelDraftsDialog({ numbers, skipped, open, onOpenChange }: { numbers: string[]; skipped: number; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failures, setFailures] = useState<{ number: string; message: string }[]>([]);
  const cancel = useMutation(trpc.orders.cancel.mutationOptions());
  const [running, setRunning] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError("Say why the drafts are canceled");
      return;
    }
    setReasonError(null);
    setRunning(true);
    const failed: { number: string; message: string }[] = [];
    let done = 0;
    // One at a time: each cancel is its own transaction (and its own reservation release).
    for (const number of numbers) {
      try {
        await cancel.mutateAsync({ number, reason: reason.trim() });
        done++;
      } catch (error) {
        failed.push({ number, message: apiErrorOf(error).message });
      }
    }
    setRunning(false);
    setFailures(failed);
    if (done) toast.success(`${done} draft${done === 1 ? "" : "s"} canceled`, { description: `Reason: ${reason.trim()}` });
    if (failed.length) toast.error(`${failed.length} could not be canceled`);
    else {
      setReason("");
      onOpenChange(false);
    }
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setFailures([]);
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>
              Cancel {numbers.length} draft{numbers.length === 1 ? "" : "s"}
            </DialogTitle>
            <DialogDescription>
              {numbers.join(", ")}
              {skipped > 0 && ` — ${skipped} selected order${skipped === 1 ? " is" : "s are"} not a draft and stay${skipped === 1 ? "s" : ""} as ${skipped === 1 ? "it is" : "they are"}.`}
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="bulk-cancel-reason">Reason</Label>
            <Textarea
              id="bulk-cancel-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={!!reasonError}
              aria-describedby={reasonError ? "bulk-cancel-reason-error" : undefined}
              maxLength={500}
            />
            <FieldError id="bulk-cancel-reason-error">{reasonError}</FieldError>
          </div>
          {failures.length > 0 && (
            <div role="alert" className="rounded-md border border-destructive/30 bg-danger-soft p-3 text-sm text-danger-soft-foreground">
              <p className="font-medium">Not canceled:</p>
              <ul className="mt-1 list-disc pl-5">
                {failures.map((f) => (
                  <li key={f.number}>
                    <span className="font-mono">{f.number}</span>: {f.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Keep them
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={running || !numbers.length}>
              {running && <LoaderCircle className="animate-spin" aria-hidden />}
              Cancel drafts
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Gives the selected orders to one desk user (or to nobody), all in one call: all or none. */
export function AssignDialog({
  numbers,
  noun,
  assignees,
  open,
  onOpenChange,
}: {
  numbers: string[];
  noun: string;
  /** null while the list is still loading. */
  assignees: { id: string; name: string }[] | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [assignee, setAssignee] = useState("");
  const [error, setError] = useState<string | null>(null);
  const assign = useMutation(trpc.orders.assign.mutationOptions());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!assignee) {
      setError("Choose who looks after them, or Nobody");
      return;
    }
    setError(null);
    try {
      const result = await assign.mutateAsync({ numbers, assignee: assignee === "none" ? null : assignee });
      const who = result.assignee?.name ?? "nobody";
      const moved = result.changed.length;
      toast.success(moved ? `${moved} ${moved === 1 ? noun.slice(0, -1) : noun} assigned to ${who}` : `Already assigned to ${who}`);
      setAssignee("");
      onOpenChange(false);
      router.refresh();
    } catch (e) {
      setError(apiErrorOf(e).message);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>
              Assign {numbers.length} {numbers.length === 1 ? noun.slice(0, -1) : noun}
            </DialogTitle>
            <DialogDescription>{numbers.join(", ")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="bulk-assignee">Assign to</Label>
            <NativeSelect
              id="bulk-assignee"
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
              aria-invalid={!!error}
              aria-describedby={error ? "bulk-assignee-error" : undefined}
            >
              <option value="">{assignees ? "Choose…" : "Loading people…"}</option>
              <option value="none">Nobody (unassign)</option>
              {assignees?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </NativeSelect>
            <FieldError id="bulk-assignee-error">{error}</FieldError>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={assign.isPending || !numbers.length}>
              {assign.isPending && <LoaderCircle className="animate-spin" aria-hidden />}
              Assign
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
