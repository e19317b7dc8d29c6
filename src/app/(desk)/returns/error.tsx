"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";

/** A failure while loading a returns page: say so, and offer to try again. */
export default function ReturnsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState
      role="alert"
      icon={TriangleAlert}
      title="This returns page could not be loaded"
      description={error.message && !error.digest ? error.message : "The server could not answer. Try again in a moment."}
      action={<Button onClick={reset}>Try again</Button>}
    />
  );
}
