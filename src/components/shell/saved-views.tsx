"use client";

import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bookmark, BookmarkPlus, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { SavedViewList } from "~/server/orders/constants";
import { useTRPC, type RouterOutputs } from "~/trpc/react";

type SavedView = RouterOutputs["orders"]["savedViews"][number];

/** What a list tells its saved views: where it lives and how its queries compare. */
export type SavedViewsOf = {
  list: SavedViewList;
  /** The list's page, e.g. `/orders`. */
  path: string;
  /** The chip for the list without filters, e.g. "All orders". */
  allLabel: string;
  /** The query in canonical form (keys in order, defaults left out), to recognise the view on screen. */
  canonical: (query: string) => string;
  /** A name to suggest, e.g. "Big EDI orders". */
  example: string;
  /** What deleting a view does not touch, e.g. "orders". */
  noun: string;
};

/**
 * Saved views of a list (the order list, the exception queue): the built-in ones and the user's own, as links to
 * `<path>?<query>`. "Save view" stores the filters on screen under a name, on the server, per user; a user's views
 * can be deleted.
 */
export function SavedViews({ of, currentQuery }: { of: SavedViewsOf; currentQuery: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canonicalQuery = of.canonical;
  const views = useQuery(trpc.orders.savedViews.queryOptions({ list: of.list }));
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.orders.savedViews.queryKey({ list: of.list }) });
  const current = canonicalQuery(currentQuery);
  const activeView = views.data?.find((v) => canonicalQuery(v.query) === current);

  const save = useMutation(
    trpc.orders.saveView.mutationOptions({
      onSuccess: (view) => {
        toast.success(`View “${view.name}” saved`);
        setSaving(false);
        setNameError(null);
        void invalidate();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setNameError(e.details?.fields?.name?.join(", ") ?? e.message);
        toast.error(e.message);
      },
    }),
  );
  const remove = useMutation(
    trpc.orders.deleteView.mutationOptions({
      onSuccess: () => {
        toast.success(`View “${deleting?.name ?? ""}” deleted`);
        setDeleting(null);
        void invalidate();
      },
      onError: (error) => toast.error(apiErrorOf(error).message),
    }),
  );

  function onSave(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!name) {
      setNameError("Name the view");
      return;
    }
    save.mutate({ list: of.list, name, query: current });
  }

  return (
    <nav aria-label="Saved views" className="mb-3 flex flex-wrap items-center gap-2">
      <span className="mr-1 flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
        <Bookmark className="size-3.5" aria-hidden />
        Views
      </span>
      <ViewChip href={of.path} name={of.allLabel} active={current === ""} />
      {views.isPending ? (
        <span aria-busy="true" className="flex gap-2">
          <span className="sr-only">Loading saved views…</span>
          <Skeleton className="h-7 w-28" />
          <Skeleton className="h-7 w-20" />
        </span>
      ) : views.isError ? (
        <span role="status" className="text-xs text-destructive">
          Could not load saved views: {apiErrorOf(views.error).message}
        </span>
      ) : (
        views.data.map((view) => (
          <ViewChip
            key={view.id}
            href={view.query ? `${of.path}?${view.query}` : of.path}
            name={view.name}
            active={view.id === activeView?.id}
            onDelete={view.isBuiltIn ? undefined : () => setDeleting(view)}
          />
        ))
      )}
      <Button
        variant="ghost"
        size="sm"
        className="h-7"
        onClick={() => {
          setNameError(null);
          setSaving(true);
        }}
        disabled={!!activeView || current === ""}
        title={activeView ? `This is the view “${activeView.name}”` : current === "" ? "Set a filter or sort first" : undefined}
      >
        <BookmarkPlus aria-hidden />
        Save view
      </Button>

      <Dialog open={saving} onOpenChange={setSaving}>
        <DialogContent>
          <form onSubmit={onSave} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Save view</DialogTitle>
              <DialogDescription>Keeps the filters and sort on screen under a name, just for you.</DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor="view-name">View name</Label>
              <Input
                id="view-name"
                name="name"
                maxLength={60}
                autoFocus
                placeholder={`e.g. ${of.example}`}
                aria-invalid={!!nameError}
                aria-describedby={nameError ? "view-name-error" : undefined}
              />
              <FieldError id="view-name-error">{nameError}</FieldError>
              <p className="truncate font-mono text-xs text-muted-foreground" title={current}>
                ?{current}
              </p>
            </div>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Cancel</Button>
              </DialogClose>
              <Button type="submit" disabled={save.isPending}>
                {save.isPending ? "Saving…" : "Save view"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>

      <ConfirmDialog
        target={deleting}
        onClose={() => setDeleting(null)}
        title={(v) => `Delete view “${v.name}”?`}
        description={() => `The view disappears from your list. No ${of.noun} are changed.`}
        confirmLabel="Delete view"
        pendingLabel="Deleting…"
        cancelLabel="Keep view"
        isPending={remove.isPending}
        onConfirm={(v) => remove.mutate({ id: v.id })}
      />
    </nav>
  );
}

function ViewChip({ href, name, active, onDelete }: { href: string; name: string; active: boolean; onDelete?: () => void }) {
  return (
    <span
      className={cn(
        "inline-flex h-7 items-center rounded-full border text-xs font-medium transition-colors",
        active ? "border-primary bg-primary text-primary-foreground" : "bg-background hover:bg-accent",
      )}
    >
      <Link
        href={href}
        aria-current={active ? "page" : undefined}
        className={cn("rounded-full px-3 py-1 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70", onDelete && "pr-1.5")}
      >
        {name}
      </Link>
      {onDelete && (
        <button
          type="button"
          onClick={onDelete}
          aria-label={`Delete view “${name}”`}
          className={cn(
            "mr-1 rounded-full p-0.5 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70",
            active ? "hover:bg-primary-foreground/20" : "text-muted-foreground hover:bg-muted hover:text-foreground",
          )}
        >
          <X className="size-3" aria-hidden />
        </button>
      )}
    </span>
  );
}
