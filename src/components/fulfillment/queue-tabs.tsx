"use client";

import { useRef } from "react";
import { cn } from "~/lib/utils";

export type QueueTab<Id extends string> = { id: Id; label: string; count: number | null };

/**
 * The desk's queues as ARIA tabs: each tab names its queue and count; arrow keys, Home and End move
 * between tabs (automatic activation), Tab moves into the panel.
 */
export function QueueTabs<Id extends string>({
  label,
  tabs,
  current,
  onChange,
  idPrefix,
}: {
  label: string;
  tabs: readonly QueueTab<Id>[];
  current: Id;
  onChange: (id: Id) => void;
  idPrefix: string;
}) {
  const refs = useRef<Map<string, HTMLButtonElement>>(new Map());
  function move(event: React.KeyboardEvent, index: number) {
    const last = tabs.length - 1;
    const to =
      event.key === "ArrowRight" ? (index === last ? 0 : index + 1)
      : event.key === "ArrowLeft" ? (index === 0 ? last : index - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (to === null) return;
    event.preventDefault();
    const tab = tabs[to]!;
    onChange(tab.id);
    refs.current.get(tab.id)?.focus();
  }
  return (
    <div role="tablist" aria-label={label} className="-mb-px flex gap-0.5 overflow-x-auto border-b">
      {tabs.map((tab, i) => {
        const selected = tab.id === current;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.id)}
            onKeyDown={(e) => move(e, i)}
            className={cn(
              "inline-flex h-10 shrink-0 items-center gap-1.5 border-b-2 px-2.5 text-sm font-medium whitespace-nowrap transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70 xl:px-3",
              selected ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
            )}
          >
            {tab.label}
            <span
              className={cn(
                "min-w-5 rounded-full px-1.5 text-center text-xs leading-5 tabular-nums",
                selected ? "bg-primary text-primary-foreground" : "bg-muted text-muted-foreground",
              )}
            >
              {tab.count === null ? "…" : tab.count.toLocaleString("en-US")}
            </span>
          </button>
        );
      })}
    </div>
  );
}
