import type * as React from "react";
import { cn } from "~/lib/utils";

/**
 * The error text under a field. Give it an `id` and point the input at it:
 * `<Input aria-invalid={!!error} aria-describedby={error ? "email-error" : undefined} />`
 * `<FieldError id="email-error">{error}</FieldError>`. Renders nothing without a message.
 */
export function FieldError({ id, className, children, ...props }: React.ComponentProps<"p"> & { id: string }) {
  if (children === undefined || children === null || children === false || children === "") return null;
  return (
    <p id={id} data-slot="field-error" className={cn("text-sm font-medium text-destructive", className)} {...props}>
      {children}
    </p>
  );
}
