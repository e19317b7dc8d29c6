import type * as React from "react";
import { cn } from "~/lib/utils";

/** A loading placeholder. Wrap loading regions in an element with `aria-busy="true"` and a text label for screen readers. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="skeleton" aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}
