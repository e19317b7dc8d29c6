"use client";

import type * as React from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Kbd } from "~/components/ui/kbd";

export type Shortcut = { keys: readonly string[]; does: string };

/**
 * "Keyboard shortcuts": a page's keys in a table, opened with `?` (the exception queue, order entry).
 * `contentProps` reach the dialog's content element (e.g. a `data-*` marker the page's key handler looks for).
 */
export function ShortcutsDialog({
  open,
  onOpenChange,
  shortcuts,
  description,
  caption,
  contentProps,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  shortcuts: readonly Shortcut[];
  description: React.ReactNode;
  /** For screen readers: what the keys are for ("Keys of the exception queue"). */
  caption: string;
  contentProps?: Record<`data-${string}`, string>;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent {...contentProps} className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <table className="w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.does} className="border-b last:border-0">
                <th scope="row" className="w-28 py-1.5 text-left font-normal whitespace-nowrap">
                  {s.keys.map((k) => (
                    <Kbd key={k} className="mr-1 last:mr-0">
                      {k}
                    </Kbd>
                  ))}
                </th>
                <td className="py-1.5">{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DialogContent>
    </Dialog>
  );
}
