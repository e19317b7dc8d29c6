"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Label } from "~/components/ui/label";
import { ShortcutsDialog, type Shortcut } from "~/components/ui/shortcuts-dialog";
import { Textarea } from "~/components/ui/textarea";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";
import type { ResolveOption } from "./actions";

export type Target = { id: string; label: string };

const describe = (targets: readonly Target[]) => (targets.length === 1 ? targets[0]!.label : `${targets.length} exceptions`);

/** Server errors as text: the field's message first (e.g. "note: …"), never the raw body. */
export function errorText(error: unknown, fields: readonly string[] = []): string {
  const e = apiErrorOf(error);
  const named = fields.flatMap((f) => e.details?.fields?.[f] ?? []);
  return named.length > 0 ? named.join(", ") : e.message;
}

/** Everything an exception change touches: the queue, the counts, the panel, the dashboard, the order. */
export function useExceptionsChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.exceptions.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.orders.get.pathKey() });
  };
}

export function ResolveDialog({
  targets,
  options,
  initialAction,
  onClose,
  onDone,
}: {
  targets: readonly Target[] | null;
  options: readonly ResolveOption[];
  initialAction?: string;
  onClose: () => void;
  onDone?: () => void;
}) {
  return (
    <Dialog open={targets !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-exceptions-modal="">
        {targets && <ResolveForm key={targets.map((t) => t.id).join()} targets={targets} options={options} initialAction={initialAction} onClose={onClose} onDone={onDone} />}
      </DialogContent>
    </Dialog>
  );
}

function ResolveForm({
  targets,
  options,
  initialAction,
  onClose,
  onDone,
}: {
  targets: readonly Target[];
  options: readonly ResolveOption[];
  initialAction?: string;
  onClose: () => void;
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const changed = useExceptionsChanged();
  const [action, setAction] = useState(initialAction ?? (options.length === 1 ? options[0]!.action : ""));
  const [note, setNote] = useState("");
  const [error, setError] = useState<{ field: "action" | "note" | "form"; message: string } | null>(null);
  const chosen = options.find((o) => o.action === action);
  const resolve = useMutation(
    trpc.exceptions.resolve.mutationOptions({
      onSuccess: (result) => {
        toast.success(result.ids.length === 1 ? `${describe(targets)} resolved` : `${result.ids.length} exceptions resolved`, { description: chosen?.label });
        changed();
        onDone?.();
        onClose();
      },
      onError: (e) => {
        const api = apiErrorOf(e);
        const field = api.details?.fields?.note ? "note" : api.details?.fields?.action ? "action" : "form";
        setError({ field, message: errorText(e, ["note", "action"]) });
      },
    }),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!chosen) return setError({ field: "action", message: "Choose how it was resolved" });
    if (chosen.needsNote && note.trim().length === 0) return setError({ field: "note", message: "Say why the order is canceled" });
    resolve.mutate({ ids: targets.map((t) => t.id), action: chosen.action, note: note.trim() || undefined });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Resolve {describe(targets)}</DialogTitle>
        <DialogDescription>
          {targets.length > 1 ? "Only the ways to resolve that every selected exception shares are offered." : "How was it resolved? The note goes on the exception's history and the order's timeline."}
        </DialogDescription>
      </DialogHeader>
      {options.length === 0 ? (
        <p role="alert" className="rounded-md border border-warning/30 bg-warning-soft p-3 text-sm text-warning-soft-foreground">
          There is no way to resolve all of these at once that you may use. Resolve them one at a time, or dismiss them.
        </p>
      ) : (
        <fieldset className="grid gap-2" aria-describedby={error?.field === "action" ? "resolve-action-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Resolution</legend>
          {options.map((o) => (
            <label
              key={o.action}
              className={cn(
                "flex cursor-pointer items-start gap-2.5 rounded-md border p-2.5 text-sm transition-colors hover:bg-accent",
                action === o.action && "border-primary bg-primary/5",
              )}
            >
              <input
                type="radio"
                name="action"
                value={o.action}
                checked={action === o.action}
                onChange={() => {
                  setAction(o.action);
                  setError(null);
                }}
                className="mt-0.5 accent-primary"
              />
              <span>
                <span className="font-medium">{o.label}</span>
                {o.effect === "cancel_order" && <span className="block text-xs text-muted-foreground">Cancels the order and releases its stock.</span>}
                {o.effect === "revert_prices" && <span className="block text-xs text-muted-foreground">The manual prices go back to the list price.</span>}
              </span>
            </label>
          ))}
          <FieldError id="resolve-action-error">{error?.field === "action" ? error.message : null}</FieldError>
        </fieldset>
      )}
      <div className="grid gap-1.5">
        <Label htmlFor="resolve-note">Note {chosen?.needsNote ? "(required)" : "(optional)"}</Label>
        <Textarea
          id="resolve-note"
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            if (error?.field === "note") setError(null);
          }}
          maxLength={2000}
          rows={3}
          aria-invalid={error?.field === "note" || undefined}
          aria-describedby={error?.field === "note" ? "resolve-note-error" : undefined}
          placeholder={chosen?.needsNote ? "Why the order is canceled" : "What was done"}
        />
        <FieldError id="resolve-note-error">{error?.field === "note" ? error.message : null}</FieldError>
      </div>
      {error?.field === "form" && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error.message}
        </p>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={resolve.isPending || options.length === 0} variant={chosen?.effect === "cancel_order" ? "destructive" : "default"}>
          {resolve.isPending ? "Resolving…" : chosen?.effect === "cancel_order" ? "Cancel the order" : "Resolve"}
        </Button>
      </DialogFooter>
    </form>
  );
}

type NoteKind = "dismiss" | "comment" | "reopen";
const NOTE_COPY: Record<NoteKind, { title: string; description: string; label: string; submit: string; pending: string; min: number; placeholder: string }> = {
  dismiss: {
    title: "Dismiss",
    description: "Nothing to do: the exception is closed without a fix. If it held an order and nothing else does, the order is released.",
    label: "Reason",
    submit: "Dismiss",
    pending: "Dismissing…",
    min: 3,
    placeholder: "Why there is nothing to do",
  },
  comment: { title: "Add a note to", description: "The note goes on the exception's history.", label: "Note", submit: "Add note", pending: "Adding…", min: 1, placeholder: "Called the customer…" },
  reopen: {
    title: "Reopen",
    description: "It goes back to its team's queue with a new due time.",
    label: "Why",
    submit: "Reopen",
    pending: "Reopening…",
    min: 3,
    placeholder: "Why it needs work again",
  },
};

/** Dismiss (several at once), add a note, or reopen: one text and a button. */
export function NoteDialog({ kind, targets, onClose, onDone }: { kind: NoteKind; targets: readonly Target[] | null; onClose: () => void; onDone?: () => void }) {
  return (
    <Dialog open={targets !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-exceptions-modal="">{targets && <NoteForm key={targets.map((t) => t.id).join()} kind={kind} targets={targets} onClose={onClose} onDone={onDone} />}</DialogContent>
    </Dialog>
  );
}

function NoteForm({ kind, targets, onClose, onDone }: { kind: NoteKind; targets: readonly Target[]; onClose: () => void; onDone?: () => void }) {
  const trpc = useTRPC();
  const changed = useExceptionsChanged();
  const copy = NOTE_COPY[kind];
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const done = (message: string) => {
    toast.success(message);
    changed();
    onDone?.();
    onClose();
  };
  const onError = (e: unknown) => setError(errorText(e, ["reason", "note"]));
  const dismiss = useMutation(trpc.exceptions.dismiss.mutationOptions({ onSuccess: (r) => done(r.ids.length === 1 ? `${describe(targets)} dismissed` : `${r.ids.length} exceptions dismissed`), onError }));
  const comment = useMutation(trpc.exceptions.comment.mutationOptions({ onSuccess: () => done("Note added"), onError }));
  const reopen = useMutation(trpc.exceptions.reopen.mutationOptions({ onSuccess: () => done(`${describe(targets)} reopened`), onError }));
  const pending = dismiss.isPending || comment.isPending || reopen.isPending;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (value.length < copy.min) return setError(copy.min > 1 ? `Say why (at least ${copy.min} characters)` : "Write a note");
    const ids = targets.map((t) => t.id);
    if (kind === "dismiss") dismiss.mutate({ ids, reason: value });
    else if (kind === "comment") comment.mutate({ id: ids[0]!, note: value });
    else reopen.mutate({ id: ids[0]!, note: value });
  }

  const id = `exception-${kind}-text`;
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>
          {copy.title} {describe(targets)}
        </DialogTitle>
        <DialogDescription>{copy.description}</DialogDescription>
      </DialogHeader>
      <div className="grid gap-1.5">
        <Label htmlFor={id}>{copy.label}</Label>
        <Textarea
          id={id}
          value={text}
          autoFocus
          rows={3}
          maxLength={2000}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          placeholder={copy.placeholder}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <FieldError id={`${id}-error`}>{error}</FieldError>
      </div>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending} variant={kind === "dismiss" ? "destructive" : "default"}>
          {pending ? copy.pending : copy.submit}
        </Button>
      </DialogFooter>
    </form>
  );
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ["j"], does: "Next exception" },
  { keys: ["k"], does: "Previous exception" },
  { keys: ["Enter"], does: "Open it in the side panel" },
  { keys: ["x"], does: "Select or unselect it (bulk actions)" },
  { keys: ["a"], does: "Assign to me (the selected ones, or the current one)" },
  { keys: ["r"], does: "Resolve…" },
  { keys: ["d"], does: "Dismiss…" },
  { keys: ["c"], does: "Add a note" },
  { keys: ["Esc"], does: "Close the panel or dialog" },
  { keys: ["?"], does: "Show these keys" },
];

export function KeysDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <ShortcutsDialog
      open={open}
      onOpenChange={onOpenChange}
      shortcuts={SHORTCUTS}
      description="Work the queue without the mouse. Keys do nothing while you type in a field."
      caption="Keys of the exception queue"
      contentProps={{ "data-exceptions-modal": "" }}
    />
  );
}
