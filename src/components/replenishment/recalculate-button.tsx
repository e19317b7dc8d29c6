"use client";

import { useMutation } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";
import { useReplenishmentChanged } from "./use-replenishment-changed";

/** "Recalculate now": the nightly run, on demand, recorded under the user's name. */
export function RecalculateButton() {
  const trpc = useTRPC();
  const changed = useReplenishmentChanged();
  const run = useMutation(
    trpc.replenishment.run.mutationOptions({
      onSuccess: (result) => {
        const parts = [`${result.suggestions} suggestion${result.suggestions === 1 ? "" : "s"}`];
        if (result.withoutVendor > 0) parts.push(`${result.withoutVendor} without a usual vendor`);
        if (result.coveredByDrafts > 0) parts.push(`${result.coveredByDrafts} already on draft POs`);
        toast.success("Reorder suggestions recalculated", { description: `${parts.join(" · ")} (${result.durationMs} ms)` });
        changed();
      },
      onError: (error) => toast.error("Could not recalculate", { description: apiErrorOf(error).message }),
    }),
  );
  return (
    <Button variant="outline" onClick={() => run.mutate({})} disabled={run.isPending}>
      <RefreshCw aria-hidden className={cn(run.isPending && "animate-spin")} />
      {run.isPending ? "Recalculating…" : "Recalculate now"}
    </Button>
  );
}
