import type { ReactNode } from "react";
import { cn } from "~/lib/utils";

/** A finance list's customer: the name cut to its cell (whole on hover), the code under it, and what a list adds there. */
export function CustomerName({ customer, className, children }: { customer: { code: string; name: string }; className?: string; children?: ReactNode }) {
  return (
    <>
      <span className={cn("block truncate", className)} title={customer.name}>
        {customer.name}
      </span>
      <span className="block truncate text-xs text-muted-foreground">
        <span className="font-mono">{customer.code}</span>
        {children}
      </span>
    </>
  );
}
