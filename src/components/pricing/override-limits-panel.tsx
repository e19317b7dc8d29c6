"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "~/components/ui/toast";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import { ROLE_LABELS, type Role } from "~/server/auth/roles";
import { useTRPC } from "~/trpc/react";
import { LoadError, SectionHeader, TableSkeleton } from "./shared";
import { HistoryButton } from "./change-history";
import { parseRate, percentText } from "./percent";

export function OverrideLimitsPanel({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const limits = useQuery(trpc.pricing.overrideLimits.queryOptions());
  const [editing, setEditing] = useState<{ role: Role; value: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = useMutation(
    trpc.pricing.setOverrideLimit.mutationOptions({
      onSuccess: (_all, input) => {
        toast.success(`Override limit for ${ROLE_LABELS[input.role]} set to ${percentText(input.maxBelowPercent)}`, {
          description: `Manual prices up to ${percentText(input.maxBelowPercent)} below the computed price apply without approval.`,
        });
        setEditing(null);
        setError(null);
        void queryClient.invalidateQueries({ queryKey: trpc.pricing.overrideLimits.queryKey() });
      },
      onError: (e) => {
        const message = apiErrorOf(e).message;
        setError(message);
        toast.error(message);
      },
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!editing) return;
    const parsed = parseRate(editing.value);
    if ("error" in parsed) {
      setError(parsed.error);
      toast.error("The limit has an error", { description: parsed.error });
      return;
    }
    save.mutate({ role: editing.role, maxBelowPercent: parsed.value });
  }

  // Only roles that enter orders set manual prices.
  const rows = limits.data?.filter((l) => can(l.role, "orders.create")) ?? [];

  return (
    <section aria-labelledby="override-limits-title">
      <form id={formId} onSubmit={submit} noValidate />
      <SectionHeader
        id="override-limits-title"
        title="Override limits"
        description="How far below the computed price each role may set a manual price. Within the limit it applies at once; beyond it, or below cost, the order waits for a manager’s price approval."
        actions={<HistoryButton entityType="override_limit" label="override limits" />}
      />
      {limits.isPending ? (
        <TableSkeleton label="Loading override limits…" rows={3} />
      ) : limits.isError ? (
        <LoadError what="the override limits" error={limits.error} onRetry={() => void limits.refetch()} />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Override limits">
            <TableHeader>
              <TableRow>
                <TableHead>Role</TableHead>
                <TableHead numeric>Max below computed price</TableHead>
                <TableHead>Source</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((l) => {
                const isEditing = editing?.role === l.role;
                return (
                  // Its own key while editing: a reused Edit button turning into the submitting Save button would submit on the same click.
                  <TableRow key={isEditing ? `${l.role}-editing` : l.role} className={isEditing ? "bg-muted/40 align-top" : undefined}>
                    <TableCell className="font-medium">{ROLE_LABELS[l.role]}</TableCell>
                    <TableCell numeric>
                      {isEditing ? (
                        <div className="flex flex-col items-end gap-1">
                          <div className="flex items-center justify-end gap-1">
                            <Input
                              form={formId}
                              aria-label={`Max below computed price for ${ROLE_LABELS[l.role]} (%)`}
                              inputMode="decimal"
                              value={editing.value}
                              onChange={(e) => setEditing({ ...editing, value: e.target.value })}
                              onKeyDown={(e) => {
                                if (e.key === "Escape") {
                                  e.preventDefault();
                                  setEditing(null);
                                  setError(null);
                                }
                              }}
                              className="h-8 w-24 text-right tabular-nums"
                              autoFocus
                              aria-invalid={!!error || undefined}
                            />
                            <span className="text-sm text-muted-foreground">%</span>
                          </div>
                          {error && <span className="text-xs font-medium text-destructive">{error}</span>}
                        </div>
                      ) : (
                        percentText(l.maxBelowPercent)
                      )}
                    </TableCell>
                    <TableCell>{l.isDefault ? <Badge variant="neutral">Default</Badge> : <Badge variant="info">Set by an admin</Badge>}</TableCell>
                    <TableCell className="text-right whitespace-nowrap">
                      {canManage &&
                        (isEditing ? (
                          <div className="flex justify-end gap-1">
                            <Button type="submit" form={formId} size="sm" disabled={save.isPending}>
                              {save.isPending ? "Saving…" : "Save"}
                            </Button>
                            <Button
                              variant="ghost"
                              size="sm"
                              onClick={() => {
                                setEditing(null);
                                setError(null);
                              }}
                            >
                              Cancel
                            </Button>
                          </div>
                        ) : (
                          <Button
                            variant="ghost"
                            size="sm"
                            onClick={() => {
                              setError(null);
                              setEditing({ role: l.role, value: String(l.maxBelowPercent) });
                            }}
                            aria-label={`Edit the limit for ${ROLE_LABELS[l.role]}`}
                          >
                            <Pencil aria-hidden="true" /> Edit
                          </Button>
                        ))}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
