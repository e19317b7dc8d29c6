"use client";

import { CalendarClock } from "lucide-react";
import { chosenByText } from "~/components/orders/order-plan-format";
import { cn } from "~/lib/utils";
import { shortDate } from "./line-availability";
import type { PromisePreview } from "./use-promise-preview";

/**
 * Beside the totals: the date the order would be promised for and the policy it would follow, as
 * `policies.promisePreview` answers for the form as it is. Quiet when it cannot answer: entry goes on.
 */
export function PromiseSummary({ preview, hasCustomer }: { preview: PromisePreview; hasCustomer: boolean }) {
  return (
    <section aria-label="Promise" aria-busy={preview.isUpdating || undefined} className="grid min-w-0 content-start gap-1 text-sm" data-testid="entry-promise">
      <p className="flex items-baseline gap-2">
        <CalendarClock className="size-4 shrink-0 self-center text-muted-foreground" aria-hidden />
        <span className="text-muted-foreground">Promise date</span>
        {preview.promisedDate && !preview.isError ? (
          <span className={cn("font-semibold tabular-nums transition-opacity", preview.isUpdating && "opacity-55")} data-testid="entry-promised-date">
            {shortDate(preview.promisedDate)}
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
      </p>
      <div aria-live="polite" className="pl-6 text-xs text-muted-foreground">
        {preview.isError ? (
          <p role="status">Promise dates could not be worked out just now; they are set when the order is submitted.</p>
        ) : !preview.isActive ? (
          <p>{hasCustomer ? "Add lines to see when the customer gets them." : "Choose a customer and add lines to see when they ship."}</p>
        ) : preview.policy ? (
          <p data-testid="entry-policy">
            <span className="font-medium text-foreground">{preview.policy.name}</span> v{preview.policy.version} · {chosenByText(preview.policy.chosenBy)}
            {preview.isUpdating && " · updating…"}
          </p>
        ) : (
          <p>Working out promise dates…</p>
        )}
      </div>
    </section>
  );
}
