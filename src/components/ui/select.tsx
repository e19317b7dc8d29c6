import { ChevronDown } from "lucide-react";
import type * as React from "react";
import { cn } from "~/lib/utils";

/**
 * A styled native `<select>`: keyboard, screen-reader and mobile behaviour come from the browser.
 * Use with `<Label htmlFor>` and `<option>` children. `className` styles the wrapper (width, margins).
 */
export function NativeSelect({
  className,
  selectClassName,
  ...props
}: React.ComponentProps<"select"> & { selectClassName?: string }) {
  return (
    <div data-slot="native-select-wrapper" className={cn("relative w-full", className)}>
      <select
        data-slot="native-select"
        className={cn(
          "h-9 w-full min-w-0 appearance-none rounded-md border border-input bg-background py-1 pr-9 pl-3 text-sm shadow-xs transition-[color,box-shadow,border-color] outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/70 disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60 aria-invalid:border-destructive aria-invalid:ring-destructive/20",
          props.multiple && "h-auto pr-3",
          selectClassName,
        )}
        {...props}
      />
      {!props.multiple && (
        <ChevronDown
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
        />
      )}
    </div>
  );
}
