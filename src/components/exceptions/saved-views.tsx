"use client";

import { Bookmark, BookmarkPlus, X } from "lucide-react";
import Link from "next/link";
import { useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { cn } from "~/lib/utils";
import { parseQueueParams, toQueryString } from "./queue-params";

export type SavedQueueView = { name: string; query: string };

/** Saved views live in this browser only (localStorage), one list per user. */
const storageKey = (userId: string) => `orderdesk.exception-views.${userId}`;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key?.startsWith("orderdesk.exception-views.") && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
};

function read(userId: string): string {
  try {
    return window.localStorage.getItem(storageKey(userId)) ?? "[]";
  } catch {
    return "[]";
  }
}

function parse(raw: string): SavedQueueView[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((v): v is SavedQueueView => typeof v?.name === "string" && typeof v?.query === "string") : [];
  } catch {
    return [];
  }
}

function write(userId: string, views: SavedQueueView[]) {
  window.localStorage.setItem(storageKey(userId), JSON.stringify(views));
  for (const listener of listeners) listener();
}

/** Canonical form of a queue query (keys in order, defaults left out), to recognise the view on screen. */
export const canonical = (query: string) => toQueryString(parseQueueParams(new URLSearchParams(query)));

export function SavedViews({ userId, currentQuery }: { userId: string; currentQuery: string }) {
  const raw = useSyncExternalStore(
    subscribe,
    () => read(userId),
    () => "[]",
  );
  const views = parse(raw);
  const current = canonical(currentQuery);
  const active = views.find((v) => canonical(v.query) === current);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function onSave(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!name) return setError("Name the view");
    if (views.some((v) => v.name.toLowerCase() === name.toLowerCase())) return setError(`You already have a view named “${name}”`);
    write(userId, [...views, { name, query: current }]);
    toast.success(`View “${name}” saved`);
    setSaving(false);
  }

  function remove(view: SavedQueueView) {
    write(
      userId,
      views.filter((v) => v.name !== view.name),
    );
    toast.success(`View “${view.name}” removed`);
  }

  const saveHint = active ? `This is your view “${active.name}”` : "Saves the tab and filters on screen under a name, in this browser, for you only";
  return (
    <nav aria-label="Saved views" className="flex flex-wrap items-center gap-2">
      <span className="mr-1 flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
        <Bookmark className="size-3.5" aria-hidden />
        Views
      </span>
      {views.length === 0 && <span className="text-xs text-muted-foreground">None saved yet</span>}
      {views.map((view) => {
        const isActive = view === active;
        return (
          <span
            key={view.name}
            className={cn(
              "inline-flex h-7 items-center rounded-full border text-xs font-medium transition-colors",
              isActive ? "border-primary bg-primary text-primary-foreground" : "bg-background hover:bg-accent",
            )}
          >
            <Link
              href={view.query ? `/exceptions?${view.query}` : "/exceptions"}
              aria-current={isActive ? "page" : undefined}
              className="rounded-full py-1 pr-1.5 pl-3 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70"
            >
              {view.name}
            </Link>
            <button
              type="button"
              onClick={() => remove(view)}
              aria-label={`Remove view “${view.name}”`}
              className={cn(
                "mr-1 rounded-full p-0.5 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70",
                isActive ? "hover:bg-primary-foreground/20" : "text-muted-foreground hover:bg-muted hover:text-foreground",
              )}
            >
              <X className="size-3" aria-hidden />
            </button>
          </span>
        );
      })}
      <Button
        variant="ghost"
        size="sm"
        className="h-7"
        disabled={!!active}
        title={saveHint}
        aria-description={saveHint}
        onClick={() => {
          setError(null);
          setSaving(true);
        }}
      >
        <BookmarkPlus aria-hidden />
        Save view
      </Button>
      <Dialog open={saving} onOpenChange={setSaving}>
        <DialogContent data-exceptions-modal="">
          <form onSubmit={onSave} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Save view</DialogTitle>
              <DialogDescription>Keeps the tab and filters on screen under a name. Views are stored in this browser, just for you.</DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor="exception-view-name">View name</Label>
              <Input
                id="exception-view-name"
                name="name"
                maxLength={60}
                autoFocus
                placeholder="e.g. Breached credit holds"
                aria-invalid={!!error}
                aria-describedby={error ? "exception-view-name-error" : undefined}
                onChange={() => setError(null)}
              />
              <FieldError id="exception-view-name-error">{error}</FieldError>
              <p className="truncate font-mono text-xs text-muted-foreground" title={current}>
                {current ? `?${current}` : "My queue, active exceptions"}
              </p>
            </div>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Cancel</Button>
              </DialogClose>
              <Button type="submit">Save view</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </nav>
  );
}
