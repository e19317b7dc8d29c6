"use client";

import type { ReactNode } from "react";
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { Button } from "~/components/ui/button";

/** The list with one item moved one place up (-1) or down (1); the same list when it would leave the ends. */
export function swapped<T>(items: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return items;
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Move up, move down and remove for one row of an ordered list (policy steps, rules); ids `${id}-up` / `${id}-down` keep focus after a move. */
export function RowMoveButtons(props: { id: string; index: number; count: number; label: string; removeTitle: string; onMove: (by: -1 | 1) => void; onRemove: () => void }) {
  const { id, index, count, label } = props;
  return (
    <>
      <Button id={`${id}-up`} type="button" variant="ghost" size="icon" className="size-8" disabled={index === 0} onClick={() => props.onMove(-1)} aria-label={`Move ${label} up`} title="Move up">
        <ArrowUp aria-hidden />
      </Button>
      <Button id={`${id}-down`} type="button" variant="ghost" size="icon" className="size-8" disabled={index === count - 1} onClick={() => props.onMove(1)} aria-label={`Move ${label} down`} title="Move down">
        <ArrowDown aria-hidden />
      </Button>
      <Button type="button" variant="ghost" size="icon" className="size-8 text-destructive hover:text-destructive" onClick={props.onRemove} aria-label={`Remove ${label}`} title={props.removeTitle}>
        <Trash2 aria-hidden />
      </Button>
    </>
  );
}

/** The foot of a list edited as a whole: what adds to it, then unsaved state, discard and save. */
export function SaveBar(props: { children: ReactNode; dirty: boolean; pending: boolean; saveLabel: string; onDiscard: () => void }) {
  return (
    <>
      {props.children}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {props.dirty && <span className="text-xs text-muted-foreground">Unsaved changes</span>}
        <Button type="button" variant="ghost" disabled={!props.dirty || props.pending} onClick={props.onDiscard}>
          Discard changes
        </Button>
        <Button type="submit" disabled={!props.dirty || props.pending}>
          {props.pending ? "Saving…" : props.saveLabel}
        </Button>
      </div>
    </>
  );
}
