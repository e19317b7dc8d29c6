"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore, Pencil, Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { LoadError, SectionHeader, TableSkeleton } from "~/components/pricing/shared";
import { useReferenceValues } from "~/components/settings/reference-values";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { hasAliases, REFERENCE_KIND_NOUNS, type ReferenceKind } from "~/server/settings/constants";
import type { TReferenceValue } from "~/server/settings/schemas";
import { useTRPC } from "~/trpc/react";

const DESCRIPTIONS: Record<ReferenceKind, string> = {
  segments: "Groups of customers that price lists, discount rules and orchestration rules can target. Every customer has one.",
  "tax-categories": "How a product is taxed: each tax rate is for a place and a tax category. Every product has one.",
  units: "What a product's quantities count. Aliases are the codes other systems send for the unit (UN/ECE Recommendation 20 in EDI, e.g. EA or KGM); they are stored as the unit's code.",
};

/** "EA, c62" → ["EA", "C62"]: the server upper-cases and checks them. */
const aliasesOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);

type Editing = { mode: "add" } | { mode: "rename"; value: TReferenceValue };

/** One list of Admin → Settings: its values, with add, rename (and a unit's aliases), archive and restore for admins. */
export function ReferenceList({ kind, canManage }: { kind: ReferenceKind; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useReferenceValues(kind);
  const noun = REFERENCE_KIND_NOUNS[kind];
  const headingId = `settings-${kind}`;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [archiving, setArchiving] = useState<TReferenceValue | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.settings.list.queryKey({ kind }) });

  const archive = useMutation(
    trpc.settings.archive.mutationOptions({
      onSuccess: (v) => {
        toast.success(`${v.name} archived`, { description: `It can no longer be chosen for new records; those that have it keep it.` });
        setArchiving(null);
        void invalidate();
      },
      onError: (error) => toast.error(`Could not archive the ${noun.one}`, { description: apiErrorOf(error).message }),
    }),
  );
  const restore = useMutation(
    trpc.settings.restore.mutationOptions({
      onSuccess: (v) => {
        toast.success(`${v.name} restored`, { description: "It can be chosen again." });
        setArchiving(null);
        void invalidate();
      },
      onError: (error) => toast.error(`Could not restore the ${noun.one}`, { description: apiErrorOf(error).message }),
    }),
  );

  const header = (
    <SectionHeader
      id={headingId}
      title={noun.many}
      description={DESCRIPTIONS[kind]}
      actions={
        canManage && (
          <Button size="sm" onClick={() => setEditing({ mode: "add" })}>
            <Plus aria-hidden="true" /> Add {noun.one}
          </Button>
        )
      }
    />
  );

  return (
    <section aria-labelledby={headingId} className="mb-10">
      {header}
      {list.query.isError ? (
        <LoadError what={noun.many.toLowerCase()} error={list.query.error} onRetry={() => void list.query.refetch()} />
      ) : list.query.isPending ? (
        <TableSkeleton label={`Loading ${noun.many.toLowerCase()}…`} rows={3} />
      ) : (
        <div className="min-w-0 rounded-lg border bg-background">
          <Table aria-label={noun.many}>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Code</TableHead>
                {hasAliases(kind) && <TableHead>Aliases</TableHead>}
                <TableHead>Status</TableHead>
                {canManage && (
                  <TableHead className="text-right">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.values.map((v) => (
                <TableRow key={v.code} className={cn(v.isArchived && "text-muted-foreground")}>
                  <TableCell className="font-medium">{v.name}</TableCell>
                  <TableCell className="font-mono text-xs">{v.code}</TableCell>
                  {hasAliases(kind) && <TableCell className="font-mono text-xs">{v.aliases.length ? v.aliases.join(", ") : "—"}</TableCell>}
                  <TableCell>{v.isArchived ? <Badge variant="neutral">Archived</Badge> : <Badge variant="success">Active</Badge>}</TableCell>
                  {canManage && (
                    <TableCell>
                      <div className="flex justify-end gap-0.5 whitespace-nowrap">
                        <Button variant="ghost" size="sm" onClick={() => setEditing({ mode: "rename", value: v })} aria-label={`Edit ${v.name}`}>
                          <Pencil aria-hidden="true" /> Edit
                        </Button>
                        {v.isArchived ? (
                          <Button variant="ghost" size="sm" onClick={() => setArchiving(v)} aria-label={`Restore ${v.name}`}>
                            <ArchiveRestore aria-hidden="true" /> Restore
                          </Button>
                        ) : (
                          <Button variant="ghost" size="sm" className="text-destructive" onClick={() => setArchiving(v)} aria-label={`Archive ${v.name}`}>
                            <Archive aria-hidden="true" /> Archive
                          </Button>
                        )}
                      </div>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {editing && <ValueDialog key={editing.mode === "add" ? "add" : editing.value.code} kind={kind} editing={editing} onClose={() => setEditing(null)} onSaved={() => void invalidate()} />}

      <ConfirmDialog
        target={archiving}
        onClose={() => setArchiving(null)}
        title={(v) => (v.isArchived ? `Restore the ${noun.one} ${v.name}?` : `Archive the ${noun.one} ${v.name}?`)}
        description={(v) =>
          v.isArchived
            ? `${v.name} (${v.code}) can be chosen again for new records, on the pages and through the API.`
            : `${v.name} (${v.code}) can no longer be chosen for new records; the API refuses it. Records that have it keep it and show it as archived. You can restore it later.`
        }
        confirmLabel={archiving?.isArchived ? `Restore ${noun.one}` : `Archive ${noun.one}`}
        pendingLabel={archiving?.isArchived ? "Restoring…" : "Archiving…"}
        confirmVariant={archiving?.isArchived ? "default" : "destructive"}
        isPending={archive.isPending || restore.isPending}
        onConfirm={(v) => (v.isArchived ? restore : archive).mutate({ kind, code: v.code, version: v.version })}
      />
    </section>
  );
}

function ValueDialog({ kind, editing, onClose, onSaved }: { kind: ReferenceKind; editing: Editing; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const noun = REFERENCE_KIND_NOUNS[kind];
  const idPrefix = `settings-${kind}`;
  const { setFields, error, described, clearOnChange, fields } = useFieldErrors(idPrefix);
  const current = editing.mode === "rename" ? editing.value : null;
  const onError = (e: unknown) => {
    const apiError = apiErrorOf(e);
    setFields(apiError.details?.fields ?? {});
    toast.error(`Could not save the ${noun.one}`, { description: apiError.message });
  };
  const add = useMutation(
    trpc.settings.add.mutationOptions({
      onSuccess: (v) => {
        toast.success(`${noun.one.charAt(0).toUpperCase() + noun.one.slice(1)} ${v.name} added`, { description: `Code ${v.code}: it can be chosen at once.` });
        onSaved();
        onClose();
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (v) => {
        toast.success(`${v.name} saved`);
        onSaved();
        onClose();
      },
      onError,
    }),
  );
  const pending = add.isPending || update.isPending;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "");
    const aliases = hasAliases(kind) ? aliasesOf(String(data.get("aliases") ?? "")) : undefined;
    if (current) update.mutate({ kind, code: current.code, name, aliases, version: current.version });
    else add.mutate({ kind, code: String(data.get("code") ?? ""), name, aliases });
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form noValidate onChange={clearOnChange} onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{current ? `Edit ${current.name}` : `Add a ${noun.one}`}</DialogTitle>
            <DialogDescription>
              {current
                ? `The code ${current.code} stays: records store it and other systems send it.`
                : "The code is what records store and other systems send: letters, digits, '_' and '-', lower case. It cannot be changed later."}
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor={`${idPrefix}-name`}>Name</Label>
            <Input id={`${idPrefix}-name`} name="name" defaultValue={current?.name ?? ""} maxLength={80} autoFocus aria-invalid={!!fields.name || undefined} aria-describedby={described("name")} />
            {error("name")}
          </div>
          {!current && (
            <div className="grid gap-1.5">
              <Label htmlFor={`${idPrefix}-code`}>Code</Label>
              <Input id={`${idPrefix}-code`} name="code" maxLength={40} className="font-mono" autoComplete="off" aria-invalid={!!fields.code || undefined} aria-describedby={described("code")} />
              {error("code")}
            </div>
          )}
          {hasAliases(kind) && (
            <div className="grid gap-1.5">
              <Label htmlFor={`${idPrefix}-aliases`}>Aliases</Label>
              <Input
                id={`${idPrefix}-aliases`}
                name="aliases"
                defaultValue={current?.aliases.join(", ") ?? ""}
                placeholder="e.g. EA, C62"
                className="font-mono"
                autoComplete="off"
                aria-invalid={!!fields.aliases || undefined}
                aria-describedby={described("aliases", `${idPrefix}-aliases-hint`)}
              />
              {error("aliases")}
              <p id={`${idPrefix}-aliases-hint`} className="text-xs text-muted-foreground">
                Separated by commas or spaces; each names one unit.
              </p>
            </div>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : current ? "Save" : `Add ${noun.one}`}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
