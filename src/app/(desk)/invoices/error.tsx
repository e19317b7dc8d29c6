"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";

/** A failure while loading a finance page: say so, and offer to try again. */
export default function InvoicesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState
      role="alert"
      icon={TriangleAlert}
      title="This finance page could not be loaded"
      description={error.message && !error.digest ? error.message : "The server could not answer. Try again in a moment."}
      action={<Button onClick={reset}>Try again</Button>}
    />
  );
}
