"use client";

import { AlertTriangle } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";

/**
 * A dialog that asks for a reason before a recorded change (void an invoice, take an allocation back). The
 * caller runs the mutation and hands back the server's answer: `reasonError` under the field, `failure` above
 * the buttons. Ctrl+Enter confirms.
 */
export function ReasonDialog({
  id,
  open,
  onOpenChange,
  title,
  description,
  label = "Reason",
  placeholder,
  hint,
  confirmLabel,
  pendingLabel,
  cancelLabel = "Cancel",
  isPending,
  reasonError,
  failure,
  onConfirm,
  children,
}: {
  id: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: React.ReactNode;
  description: React.ReactNode;
  label?: string;
  placeholder?: string;
  hint?: string;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel?: string;
  isPending: boolean;
  reasonError: string | null;
  failure: string | null;
  onConfirm: (reason: string) => void;
  /** What the change is about (shown above the reason). */
  children?: React.ReactNode;
}) {
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const shownError = missing ? "Say why: the reason is kept with the record" : reasonError;
  const errorId = `${id}-reason-error`;
  const hintId = `${id}-reason-hint`;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    onConfirm(reason.trim());
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setMissing(false);
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          {children}
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-reason`}>{label}</Label>
            <Textarea
              id={`${id}-reason`}
              name="reason"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (e.target.value.trim()) setMissing(false);
              }}
              maxLength={500}
              required
              rows={3}
              placeholder={placeholder}
              aria-invalid={!!shownError}
              aria-describedby={[shownError ? errorId : undefined, hint ? hintId : undefined].filter(Boolean).join(" ") || undefined}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              }}
            />
            <FieldError id={errorId}>{shownError}</FieldError>
            {hint && (
              <p id={hintId} className="text-xs text-muted-foreground">
                {hint}
              </p>
            )}
          </div>
          {failure && (
            <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive/30 bg-danger-soft p-3 text-sm text-danger-soft-foreground">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
              {failure}
            </p>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{cancelLabel}</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={isPending}>
              {isPending ? pendingLabel : confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
