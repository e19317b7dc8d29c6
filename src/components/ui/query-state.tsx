"use client";

import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorOf } from "~/lib/trpc-error";

/**
 * What a list shows for its query: skeleton rows while it loads, the error with "Try again" when it failed,
 * `empty` when it came back with nothing, else its content. One block, so every list says it the same way.
 */
export function QueryState({
  query,
  noun,
  skeletons = 4,
  skeletonClassName = "h-10",
  empty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  /** What is loaded, lower case: "the rows" → "Loading the rows…", "The rows could not be loaded". */
  noun: string;
  skeletons?: number;
  skeletonClassName?: string;
  /** Shown instead of the content (the list came back empty); null or undefined: the content. */
  empty?: React.ReactNode;
  children: React.ReactNode;
}) {
  if (query.isPending) {
    return (
      <div aria-busy="true" className="grid gap-2">
        <span className="sr-only">Loading {noun}…</span>
        {Array.from({ length: skeletons }, (_, i) => (
          <Skeleton key={i} className={skeletonClassName} />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <EmptyState
        role="alert"
        title={`${noun.charAt(0).toUpperCase()}${noun.slice(1)} could not be loaded`}
        description={apiErrorOf(query.error).message}
        action={
          <Button variant="outline" onClick={() => void query.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }
  return <>{empty ?? children}</>;
}
