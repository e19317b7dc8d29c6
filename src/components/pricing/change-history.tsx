"use client";

import { useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useState } from "react";
import { DateTime } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC, type RouterInputs } from "~/trpc/react";
import { LoadError } from "./shared";

type EntityType = NonNullable<RouterInputs["pricing"]["history"]["entityType"]>;

const ACTION_LABELS: Record<string, string> = { created: "Created", updated: "Changed", archived: "Archived", deleted: "Deleted", set: "Set" };
const IGNORED = new Set(["id", "version", "updatedAt", "createdAt", "updated_at", "created_at", "isArchived", "archivedAt", "warnings", "summary"]);

const humanize = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
const scalar = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : typeof v === "object" ? null : String(v));

/** What differs between two snapshots: "name: Old → New", or just the field for lists ("items"). */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return Object.keys(b)
    .filter((k) => !IGNORED.has(k) && k in a && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => {
      const from = scalar(a[k]);
      const to = scalar(b[k]);
      return from !== null && to !== null ? `${humanize(k)} ${from} → ${to}` : humanize(k);
    });
}

/** Which record an entry is about, when the list spans several (tax rates are named by place and category). */
function subjectOf(entry: { entityType: string; entityId: string; before?: unknown; after?: unknown }): string {
  const snap = (entry.after ?? entry.before) as Record<string, unknown> | null;
  if (entry.entityType === "tax_rate" && snap && typeof snap === "object" && "country" in snap) {
    return `${String(snap.country)} / ${snap.region ? String(snap.region) : "All regions"} · ${String(snap.taxCategory ?? "")}`;
  }
  return entry.entityId;
}

/** "History" button: who changed this rule when, and what. */
export function HistoryButton({ entityType, entityId, label, iconOnly }: { entityType: EntityType; entityId?: string; label: string; iconOnly?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size={iconOnly ? "icon" : "sm"}
        className={iconOnly ? "size-8" : undefined}
        onClick={() => setOpen(true)}
        aria-label={`History of ${label}`}
        title={iconOnly ? "History: who changed what, when" : undefined}
      >
        <History aria-hidden="true" />
        {!iconOnly && " History"}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="sm:max-w-2xl">
          <DialogHeader>
            <DialogTitle>History of {label}</DialogTitle>
            <DialogDescription>Every change is kept with who made it and when, newest first.</DialogDescription>
          </DialogHeader>
          {open && <HistoryList entityType={entityType} entityId={entityId} />}
          <DialogFooter>
            <DialogClose asChild>
              <Button>Close</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

function HistoryList({ entityType, entityId }: { entityType: EntityType; entityId?: string }) {
  const trpc = useTRPC();
  const history = useQuery({ ...trpc.pricing.history.queryOptions({ entityType, entityId, limit: 50 }), staleTime: 0 });
  if (history.isPending)
    return (
      <div aria-busy="true" className="grid gap-2">
        <span className="sr-only">Loading history…</span>
        <Skeleton className="h-10" />
        <Skeleton className="h-10" />
      </div>
    );
  if (history.isError) return <LoadError what="the history" error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <p className="text-sm text-muted-foreground">No changes recorded yet.</p>;
  return (
    <ol className="grid max-h-[55vh] gap-0 overflow-y-auto rounded-md border" aria-label="Changes">
      {history.data.map((e) => {
        const fields = changedFields(e.before, e.after);
        return (
          <li key={e.id} className="grid gap-1 border-b px-3 py-2 text-sm last:border-0">
            <div className="flex flex-wrap items-center gap-2">
              <Badge variant={e.action === "created" ? "success" : e.action === "archived" || e.action === "deleted" ? "neutral" : "info"}>
                {ACTION_LABELS[e.action] ?? e.action}
              </Badge>
              {!entityId && <span className="text-xs font-medium">{subjectOf(e)}</span>}
              <span className="text-muted-foreground">by</span>
              <span className="font-medium">{e.actor}</span>
              <DateTime value={e.createdAt} className="ml-auto text-xs text-muted-foreground" />
            </div>
            {fields.length > 0 && <p className="text-xs text-muted-foreground">Changed: {fields.join("; ")}</p>}
            {e.action === "set" && !e.before && e.after !== null && typeof e.after === "object" && (
              <p className="text-xs text-muted-foreground">
                {Object.entries(e.after as Record<string, unknown>)
                  .map(([k, v]) => `${humanize(k)} ${scalar(v) ?? ""}`)
                  .join("; ")}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
