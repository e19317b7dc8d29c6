"use client";

import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, Archive, Pencil, Percent, Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { DateTime } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";
import { HistoryButton } from "./change-history";
import { DiscountRuleEditor, type DiscountRule, type RuleEditorMode } from "./discount-rule-editor";
import { LoadError, SectionHeader, TableSkeleton, ValidityCell } from "./shared";

export function DiscountRulesPanel({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [showArchived, setShowArchived] = useState(false);
  const rules = useQuery(trpc.pricing.discountRules.queryOptions({ includeArchived: showArchived }));
  const [editing, setEditing] = useState<RuleEditorMode | null>(null);
  const [archiving, setArchiving] = useState<DiscountRule | null>(null);
  const [lastSaved, setLastSaved] = useState<string | null>(null);

  const archive = useMutation(
    trpc.pricing.archiveDiscountRule.mutationOptions({
      onSuccess: (rule) => {
        toast.success(`Discount rule ${rule.code} archived`, { description: "It no longer applies to new orders." });
        setArchiving(null);
        void queryClient.invalidateQueries({ queryKey: trpc.pricing.discountRules.queryKey() });
      },
      onError: (error) => toast.error(apiErrorOf(error).message),
    }),
  );

  const newButton = canManage && (
    <Button onClick={() => setEditing({ kind: "create" })}>
      <Plus aria-hidden="true" /> New discount rule
    </Button>
  );
  const conflicted = rules.data?.filter((r) => !r.isArchived && r.warnings.length > 0) ?? [];

  return (
    <section aria-labelledby="discount-rules-title">
      <SectionHeader
        id="discount-rules-title"
        title="Discount rules"
        description="Tried by priority (higher first), then by how specific they are: customer, SKU, category, segment, everyone. The first exclusive rule that matches stops the rest; stackable ones all apply."
        actions={
          <>
            <label className="flex items-center gap-2 text-sm text-muted-foreground">
              <input type="checkbox" className="size-4 accent-primary" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
              Show archived
            </label>
            {newButton}
          </>
        }
      />
      {conflicted.length > 0 && (
        <div role="alert" className="mb-4 flex items-start gap-2 rounded-lg border border-warning/40 bg-warning-soft px-4 py-3 text-sm text-warning-soft-foreground">
          <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <p>
            <strong>
              {conflicted.length} rule{conflicted.length === 1 ? " has" : "s have"} a conflict:
            </strong>{" "}
            {conflicted.map((r) => r.code).join(", ")}. Two exclusive rules with the same priority and specificity can match the same line; at order time the lower price wins. Give
            one a higher priority or make it stackable.
          </p>
        </div>
      )}
      {rules.isPending ? (
        <TableSkeleton label="Loading discount rules…" />
      ) : rules.isError ? (
        <LoadError what="the discount rules" error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.length === 0 ? (
        <EmptyState
          icon={Percent}
          title="No discount rules yet — orders get their list or price-list price"
          description={canManage ? "Add a rule such as “10% off category Fasteners for segment wholesale when quantity ≥ 100”." : "An admin can add discount rules."}
          action={newButton}
        />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Discount rules">
            <TableHeader>
              <TableRow>
                <TableHead className="w-[46%]">Rule</TableHead>
                <TableHead numeric>Priority</TableHead>
                <TableHead>Combines</TableHead>
                <TableHead>Validity</TableHead>
                {/* Hidden below 1280 px so the actions stay in view (History shows every change). */}
                <TableHead className="hidden xl:table-cell">Updated</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rules.data.map((r) => (
                <TableRow
                  key={r.code}
                  className={cn(
                    "align-top",
                    r.isArchived && "opacity-70",
                    r.code === lastSaved && "bg-info-soft/50",
                    !r.isArchived && r.warnings.length > 0 && "bg-warning-soft/30",
                  )}
                >
                  <TableCell className="whitespace-normal">
                    <p className="font-medium">{r.summary}</p>
                    <p className="mt-0.5 text-xs text-muted-foreground">
                      {r.name} · <span className="font-mono">{r.code}</span>
                    </p>
                    {!r.isArchived &&
                      r.warnings.map((w) => (
                        <p key={w} className="mt-1.5 flex items-start gap-1.5 rounded-md border border-warning/40 bg-warning-soft px-2 py-1 text-xs text-warning-soft-foreground">
                          <AlertTriangle aria-hidden="true" className="mt-px size-3.5 shrink-0" />
                          <span>
                            <span className="sr-only">Warning: </span>
                            {w}
                          </span>
                        </p>
                      ))}
                  </TableCell>
                  <TableCell numeric>{r.priority}</TableCell>
                  <TableCell>{r.stackable ? <Badge variant="info">Stackable</Badge> : <Badge variant="outline">Exclusive</Badge>}</TableCell>
                  <TableCell>
                    <ValidityCell validFrom={r.validFrom} validTo={r.validTo} archived={r.isArchived} />
                  </TableCell>
                  <TableCell className="hidden text-xs text-muted-foreground xl:table-cell">
                    <DateTime value={r.updatedAt} />
                    <span className="block">version {r.version}</span>
                  </TableCell>
                  <TableCell>
                    <div className="flex justify-end gap-0.5 whitespace-nowrap">
                      {canManage && !r.isArchived && (
                        <Button variant="ghost" size="sm" onClick={() => setEditing({ kind: "edit", rule: r })} aria-label={`Edit ${r.code}`}>
                          <Pencil aria-hidden="true" /> Edit
                        </Button>
                      )}
                      <HistoryButton entityType="discount_rule" entityId={r.code} label={`discount rule ${r.code}`} iconOnly />
                      {canManage && !r.isArchived && (
                        <Button
                          variant="ghost"
                          size="icon"
                          className="size-8 text-destructive"
                          onClick={() => setArchiving(r)}
                          aria-label={`Archive ${r.code}`}
                          title="Archive: stop applying this rule"
                        >
                          <Archive aria-hidden="true" />
                        </Button>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {canManage && <DiscountRuleEditor mode={editing} onClose={() => setEditing(null)} onSaved={(rule) => setLastSaved(rule.code)} />}

      <ConfirmDialog
        target={archiving}
        onClose={() => setArchiving(null)}
        title={(r) => `Archive discount rule ${r.code}?`}
        description={(r) => `“${r.summary}” stops applying to new orders at once. Orders already priced keep their prices and explanations.`}
        confirmLabel="Archive rule"
        pendingLabel="Archiving…"
        isPending={archive.isPending}
        onConfirm={(r) => archive.mutate({ code: r.code })}
      />
    </section>
  );
}
