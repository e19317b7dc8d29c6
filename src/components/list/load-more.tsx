"use client";

import { Button } from "~/components/ui/button";
import { apiErrorOf } from "~/lib/trpc-error";

/** The footer of an infinite list: how many rows are shown, a failed next page, and "Load more …". */
export function LoadMore({
  shown,
  noun,
  query,
}: {
  shown: number;
  /** Singular, e.g. "movement": "12 movements shown", "Load more movements". */
  noun: string;
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; isFetchNextPageError: boolean; error: unknown; fetchNextPage: () => Promise<unknown> };
}) {
  return (
    <div className="flex items-center justify-between text-sm text-muted-foreground">
      <span>
        {shown} {noun}
        {shown === 1 ? "" : "s"} shown
      </span>
      {query.isFetchNextPageError && <span className="text-destructive">Could not load more: {apiErrorOf(query.error).message}</span>}
      {query.hasNextPage && (
        <Button variant="outline" size="sm" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? "Loading…" : `Load more ${noun}s`}
        </Button>
      )}
    </div>
  );
}
