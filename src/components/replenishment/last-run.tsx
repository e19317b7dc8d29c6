import { DateTime } from "~/components/shell/money";
import type { TReplenishmentRun } from "~/server/purchasing/schemas";

/** "Last computed <time> by nightly job / by <user> · 12 suggestions". */
export function LastRun({ run }: { run: TReplenishmentRun | null }) {
  if (!run) {
    return <p className="text-sm text-muted-foreground">Not computed yet: the nightly job runs at 02:00 (New York time), or recalculate now.</p>;
  }
  return (
    <p className="text-sm text-muted-foreground" data-testid="last-run">
      Last computed <DateTime value={run.computedAt} /> {run.trigger === "nightly" ? "by the nightly job" : `by ${run.actor}`} ·{" "}
      {run.suggestions} suggestion{run.suggestions === 1 ? "" : "s"}
      {run.withoutVendor > 0 ? `, ${run.withoutVendor} without a usual vendor` : ""}
      {run.coveredByDrafts > 0 ? ` · ${run.coveredByDrafts} already on draft POs` : ""}
    </p>
  );
}
