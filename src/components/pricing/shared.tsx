"use client";

import { AlertTriangle, RotateCw } from "lucide-react";
import type * as React from "react";
import { DateOnly } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { todayIn } from "~/lib/dates";
import { formatMoney, toDecimalString } from "~/lib/money";
import { apiErrorOf, type ApiError } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { validityOf, type Validity } from "./validity";

export const CHANNEL_LABELS: Record<string, string> = {
  phone: "Phone",
  email: "E-mail",
  web: "Web",
  field_sales: "Field sales",
  edi: "EDI",
  portal: "Portal",
  api: "API",
};

const VALIDITY_BADGE: Record<Validity, { label: string; variant: "info" | "success" | "neutral" }> = {
  scheduled: { label: "Scheduled", variant: "info" },
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "neutral" },
};

/** "Active" / "Scheduled" / "Expired" (in the company's time zone) and the dates, e.g. "Jan 1, 2026 – Mar 31, 2026". */
export function ValidityCell({ validFrom, validTo, archived }: { validFrom: string | null; validTo: string | null; archived?: boolean }) {
  const status = validityOf(validFrom, validTo, todayIn());
  const badge = VALIDITY_BADGE[status];
  return (
    <div className="flex flex-col items-start gap-1">
      {archived ? <Badge variant="neutral">Archived</Badge> : <Badge variant={badge.variant}>{badge.label}</Badge>}
      <span className="text-xs whitespace-nowrap text-muted-foreground">
        {validFrom || validTo ? (
          <>
            {validFrom ? <DateOnly value={validFrom} /> : "Always"} – {validTo ? <DateOnly value={validTo} /> : "no end"}
          </>
        ) : (
          "No end date"
        )}
      </span>
    </div>
  );
}

/** Field errors of a failed call, keyed by the form's own field names (the "list." / "rule." wrapper of an update is dropped). */
export function fieldErrorsOf(error: ApiError | null, prefix?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(error?.details?.fields ?? {})) {
    const name = prefix && key.startsWith(`${prefix}.`) ? key.slice(prefix.length + 1) : key;
    out[name] = messages.join(", ");
  }
  return out;
}

/** Minor units → the text a money input shows (1999 USD → "19.99", 1999 JPY → "1999"), without a currency symbol. */
export function centsToInput(cents: number | null | undefined, currency = "USD"): string {
  if (cents === null || cents === undefined) return "";
  return toDecimalString(cents, currency);
}

/** Money as plain text (toasts, aria labels). */
export const moneyText = (cents: number, currency = "USD") => formatMoney(cents, currency);

/** A loading table: a few grey rows, announced to screen readers. */
export function TableSkeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true" className="grid gap-2 rounded-lg border bg-background p-3">
      <span className="sr-only">{label}</span>
      <Skeleton className="h-7 w-1/3" />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-10" />
      ))}
    </div>
  );
}

export function LoadError({ what, error, onRetry }: { what: string; error: unknown; onRetry?: () => void }) {
  return (
    <div role="alert" className="flex items-center justify-between gap-3 rounded-lg border border-destructive/30 bg-danger-soft px-4 py-3 text-sm text-danger-soft-foreground">
      <span>
        Could not load {what}: {apiErrorOf(error).message}
      </span>
      {onRetry && (
        <Button variant="outline" size="sm" onClick={onRetry}>
          <RotateCw aria-hidden="true" /> Try again
        </Button>
      )}
    </div>
  );
}

/** Someone else saved the record after this form was opened: say so and offer to load theirs. */
export function StaleNotice({ message, onReload, reloading }: { message: string; onReload: () => void; reloading?: boolean }) {
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning-soft-foreground">
      <span className="flex items-center gap-2">
        <AlertTriangle aria-hidden="true" className="size-4 shrink-0" />
        {message}
      </span>
      <Button type="button" size="sm" variant="outline" onClick={onReload} disabled={reloading}>
        <RotateCw aria-hidden="true" /> {reloading ? "Reloading…" : "Reload latest"}
      </Button>
    </div>
  );
}

/** A form-level error (not tied to one field). */
export function FormError({ children, className }: { children: React.ReactNode; className?: string }) {
  if (!children) return null;
  return (
    <p role="alert" className={cn("rounded-md border border-destructive/30 bg-danger-soft px-3 py-2 text-sm text-danger-soft-foreground", className)}>
      {children}
    </p>
  );
}

/** A section heading inside a tab, with its actions on the right. */
export function SectionHeader({ id, title, description, actions }: { id?: string; title: string; description?: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between sm:gap-6">
      <div className="min-w-0 flex-1 space-y-1">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {description && <p className="max-w-4xl text-sm text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-3">{actions}</div>}
    </div>
  );
}

/** A short "read-only" note for managers. */
export function ReadOnlyNote() {
  return <Badge variant="outline">Read-only: only admins change pricing</Badge>;
}
