import type * as React from "react";
import { cn } from "~/lib/utils";

/** The top of a desk page: the page's `<h1>`, a one-line description and the page's actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
  children,
  className,
  ...props
}: Omit<React.ComponentProps<"div">, "title"> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <div data-slot="page-header" className={cn("mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between", className)} {...props}>
      {/* The title keeps a readable width; many actions wrap onto a second line instead of squeezing it. */}
      <div className="min-w-0 space-y-1 sm:min-w-64 sm:flex-1">
        <h1 className="text-xl leading-tight font-semibold tracking-tight text-foreground">{title}</h1>
        {description && <p className="text-sm text-muted-foreground">{description}</p>}
        {children}
      </div>
      {actions && <div className="flex min-w-0 flex-wrap items-center gap-2 sm:justify-end">{actions}</div>}
    </div>
  );
}
