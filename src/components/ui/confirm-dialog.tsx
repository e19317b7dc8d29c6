"use client";

import type * as React from "react";
import { Button } from "./button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "./dialog";

/**
 * The confirmation every destructive action asks for (archive, delete, revoke): open while `target`
 * is set, confirm calls `onConfirm(target)`, Esc or Cancel closes.
 */
export function ConfirmDialog<T>({
  target,
  onClose,
  title,
  description,
  confirmLabel,
  pendingLabel,
  cancelLabel = "Cancel",
  confirmVariant = "destructive",
  isPending,
  onConfirm,
}: {
  target: T | null;
  onClose: () => void;
  title: (target: T) => React.ReactNode;
  description: (target: T) => React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel?: string;
  /** "default" for a confirmation that undoes nothing (restore). */
  confirmVariant?: "destructive" | "default";
  isPending: boolean;
  onConfirm: (target: T) => void;
}) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        {target !== null && (
          <>
            <DialogHeader>
              <DialogTitle>{title(target)}</DialogTitle>
              <DialogDescription>{description(target)}</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">{cancelLabel}</Button>
              </DialogClose>
              <Button variant={confirmVariant} disabled={isPending} onClick={() => onConfirm(target)}>
                {isPending ? pendingLabel : confirmLabel}
              </Button>
            </DialogFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
