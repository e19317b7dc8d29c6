"use client";

import { Archive, ArchiveRestore } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";

/**
 * Archive (after a confirmation saying what it means) or restore a record: `onChange(archived)` makes the change.
 * `noun` names the record in the confirm button ("Archive customer").
 */
export function ArchiveToggle({
  name,
  noun,
  isArchived,
  consequence,
  isPending,
  onChange,
}: {
  name: string;
  noun: string;
  isArchived: boolean;
  /** What archiving does, for the confirmation ("No new orders can be entered for it…"). */
  consequence: string;
  isPending: boolean;
  onChange: (archived: boolean, done: () => void) => void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (isArchived) {
    return (
      <Button variant="outline" disabled={isPending} onClick={() => onChange(false, () => {})}>
        <ArchiveRestore aria-hidden />
        Restore
      </Button>
    );
  }
  return (
    <>
      <Button variant="outline" onClick={() => setConfirming(name)}>
        <Archive aria-hidden />
        Archive
      </Button>
      <ConfirmDialog
        target={confirming}
        onClose={() => setConfirming(null)}
        title={(n) => `Archive ${n}?`}
        description={() => `${consequence} You can restore it later.`}
        confirmLabel={`Archive ${noun}`}
        pendingLabel="Archiving…"
        isPending={isPending}
        onConfirm={() => onChange(true, () => setConfirming(null))}
      />
    </>
  );
}
