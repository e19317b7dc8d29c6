"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronRight, Copy, Pencil, Route } from "lucide-react";
import { useState } from "react";
import { LoadError, SectionHeader, TableSkeleton } from "~/components/pricing/shared";
import { DateTime } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ROLE_LABELS } from "~/server/auth/roles";
import { LEAVES_WAREHOUSE, STEP_LABELS } from "~/server/fulfillment/policies/policy";
import type { TPolicy } from "~/server/fulfillment/policies/schemas";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";
import { CopyPolicyDialog } from "./copy-policy-dialog";
import { durationText } from "./format";
import { PolicyEditor } from "./policy-editor";

/** Every policy as its flow of steps; admins edit one at a time (a new version on save) or copy one. */
export function PoliciesPanel({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policies = useQuery(trpc.policies.list.queryOptions({}));
  const [editing, setEditing] = useState<string | null>(null);
  const [copying, setCopying] = useState<TPolicy | null>(null);
  const [saved, setSaved] = useState<{ code: string; version: number } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.policies.list.queryKey() });

  const header = (
    <SectionHeader
      title="Policies"
      description={
        <>
          Each order follows one policy, chosen when it is submitted (see Rules). Its steps run in this order; their durations and the transit time make the promise date.{" "}
          {canManage ? "Saving a policy makes a new version: orders already submitted keep the version they started with." : "Orders already submitted keep the version they started with."}
        </>
      }
    />
  );
  if (policies.isPending) {
    return (
      <>
        {header}
        <TableSkeleton label="Loading policies…" />
      </>
    );
  }
  if (policies.isError) {
    return (
      <>
        {header}
        <LoadError what="the policies" error={policies.error} onRetry={() => void policies.refetch()} />
      </>
    );
  }
  const items = policies.data.items;
  return (
    <>
      {header}
      {items.length === 0 ? (
        <EmptyState icon={Route} title="No policies" description="Policies come with the database migrations; none are set up here." />
      ) : (
        <div className="grid gap-4">
          {items.map((policy) => (
            <PolicyCard
              key={policy.code}
              policy={policy}
              canManage={canManage}
              isEditing={editing === policy.code}
              savedVersion={saved?.code === policy.code && saved.version === policy.version ? saved.version : null}
              onEdit={() => {
                setSaved(null);
                setEditing(policy.code);
              }}
              onCopy={() => setCopying(policy)}
              onClose={() => setEditing(null)}
              onSaved={(p) => {
                // Show the new version at once; the refetch confirms it.
                queryClient.setQueryData(trpc.policies.list.queryKey({}), (current) => current && { ...current, items: current.items.map((x) => (x.code === p.code ? p : x)) });
                setSaved({ code: p.code, version: p.version });
                setEditing(null);
                void refresh();
              }}
              onReload={() => refresh()}
            />
          ))}
        </div>
      )}
      {copying && (
        <CopyPolicyDialog
          key={copying.code}
          from={copying}
          onClose={() => setCopying(null)}
          onCopied={(p) => {
            setCopying(null);
            void refresh().then(() => setEditing(p.code));
          }}
        />
      )}
    </>
  );
}

function PolicyCard({
  policy,
  canManage,
  isEditing,
  savedVersion,
  onEdit,
  onCopy,
  onClose,
  onSaved,
  onReload,
}: {
  policy: TPolicy;
  canManage: boolean;
  isEditing: boolean;
  savedVersion: number | null;
  onEdit: () => void;
  onCopy: () => void;
  onClose: () => void;
  onSaved: (policy: TPolicy) => void;
  onReload: () => Promise<unknown>;
}) {
  const titleId = `policy-${policy.code}-title`;
  return (
    <section aria-labelledby={titleId} className={cn("min-w-0 rounded-xl border bg-card text-card-foreground shadow-xs", isEditing && "border-primary/50 ring-2 ring-primary/15")}>
      <div className="flex flex-wrap items-start justify-between gap-3 border-b px-4 py-3">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={titleId} className="text-base font-semibold">
              {policy.name}
            </h3>
            <span className="font-mono text-xs text-muted-foreground">{policy.code}</span>
            {policy.isDefault && (
              <Badge variant="info" title="Orders no rule matches follow this policy">
                Default
              </Badge>
            )}
            {policy.isArchived && <Badge variant="neutral">Archived</Badge>}
          </div>
          <p className="text-xs text-muted-foreground">
            Version {policy.version} · changed by {policy.updatedBy}, <DateTime value={policy.updatedAt} />
          </p>
        </div>
        {canManage && !isEditing && (
          <div className="flex shrink-0 gap-2">
            <Button variant="outline" size="sm" onClick={onEdit} aria-label={`Edit ${policy.name}`}>
              <Pencil aria-hidden />
              Edit
            </Button>
            <Button variant="ghost" size="sm" onClick={onCopy} aria-label={`Copy ${policy.name}`}>
              <Copy aria-hidden />
              Copy
            </Button>
          </div>
        )}
      </div>
      <div className="px-4 py-3">
        {isEditing ? (
          <PolicyEditor key={`${policy.code}:${policy.version}`} policy={policy} onCancel={onClose} onSaved={onSaved} onReload={onReload} />
        ) : (
          <>
            <StepFlow policy={policy} />
            {savedVersion !== null && (
              <p role="status" className="mt-3 text-sm text-success-soft-foreground">
                Saved as version {savedVersion}. New orders follow it; orders already submitted keep the version they started with.
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** The steps as a readable flow: Reserve (1 h, Customer service) → Pick (8 h, Warehouse) → … */
export function StepFlow({ policy }: { policy: TPolicy }) {
  return (
    <ol aria-label={`${policy.name} steps`} className="flex flex-wrap items-stretch gap-y-2">
      {policy.steps.map((step, i) => (
        <li key={step.kind} className="flex items-stretch">
          <div className="flex min-w-28 flex-col gap-0.5 rounded-md border bg-muted/40 px-2.5 py-1.5">
            <span className="flex items-center gap-1.5 text-sm font-medium">
              <span className="text-xs text-muted-foreground tabular-nums" aria-hidden>
                {i + 1}
              </span>
              {STEP_LABELS[step.kind]}
            </span>
            <span className="text-xs text-muted-foreground">
              <span className="font-medium text-foreground tabular-nums">{durationText(step.duration)}</span> · {ROLE_LABELS[step.owner]}
            </span>
          </div>
          {LEAVES_WAREHOUSE.includes(step.kind) && (
            <>
              <ChevronRight className="mx-1 size-4 self-center text-muted-foreground" aria-hidden />
              <div className="flex flex-col justify-center rounded-md border border-dashed px-2.5 py-1.5 text-xs text-muted-foreground">
                <span className="font-medium text-foreground">then transit</span>
                <span>days by region</span>
              </div>
            </>
          )}
          {i < policy.steps.length - 1 && <ChevronRight className="mx-1 size-4 self-center text-muted-foreground" aria-hidden />}
        </li>
      ))}
    </ol>
  );
}
