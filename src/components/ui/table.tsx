import type * as React from "react";
import { cn } from "~/lib/utils";

/** A data table. The wrapper scrolls horizontally on narrow screens; give it a caption or aria-label. */
export function Table({ className, containerClassName, ...props }: React.ComponentProps<"table"> & { containerClassName?: string }) {
  return (
    <div data-slot="table-container" className={cn("relative w-full overflow-x-auto", containerClassName)}>
      <table data-slot="table" className={cn("w-full caption-bottom border-collapse text-sm tabular-nums", className)} {...props} />
    </div>
  );
}

export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("bg-muted/50 [&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return (
    <tfoot data-slot="table-footer" className={cn("border-t bg-muted/50 font-medium [&>tr]:last:border-b-0", className)} {...props} />
  );
}

export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return (
    <tr
      data-slot="table-row"
      className={cn("border-b transition-colors hover:bg-muted/40 has-aria-expanded:bg-muted/40 data-[state=selected]:bg-muted", className)}
      {...props}
    />
  );
}

type CellAlign = { /** Right-aligned tabular figures (amounts, quantities, counts). */ numeric?: boolean };

export function TableHead({ className, numeric, scope = "col", ...props }: React.ComponentProps<"th"> & CellAlign) {
  return (
    <th
      data-slot="table-head"
      scope={scope}
      className={cn(
        "h-9 px-3 text-left align-middle text-xs font-medium whitespace-nowrap text-muted-foreground [&:has([role=checkbox])]:pr-0",
        numeric && "text-right",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, numeric, ...props }: React.ComponentProps<"td"> & CellAlign) {
  return (
    <td
      data-slot="table-cell"
      className={cn(
        "px-3 py-2 align-middle [&:has([role=checkbox])]:pr-0",
        numeric && "text-right whitespace-nowrap tabular-nums",
        className,
      )}
      {...props}
    />
  );
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return <caption data-slot="table-caption" className={cn("mt-3 text-sm text-muted-foreground", className)} {...props} />;
}

/**
 * A secondary column's classes: it steps aside below 1280 px (WIDE_ONLY) or 1536 px (WIDEST_ONLY), so the key
 * columns (number, status, amount, actions) stay in view at 1024 px. Header and cells take the same.
 */
export const WIDE_ONLY = "hidden xl:table-cell";
export const WIDEST_ONLY = "hidden 2xl:table-cell";
