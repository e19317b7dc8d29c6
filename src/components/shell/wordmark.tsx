import { cn } from "~/lib/utils";

/** The Orderdesk mark (a stacked box with a check) and name. Decorative mark; the text carries the name. */
export function Wordmark({ className, markClassName, nameClassName }: { className?: string; markClassName?: string; nameClassName?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 text-[15px] font-semibold tracking-tight text-foreground", className)}>
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className={cn("size-6 shrink-0 rounded-md bg-primary p-1 text-primary-foreground", markClassName)}
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M3 7.5 12 3l9 4.5-9 4.5-9-4.5Z" />
        <path d="M3 7.5v9L12 21l9-4.5v-9" />
        <path d="m8.5 14.5 2.5 2 4.5-5" />
      </svg>
      <span className={nameClassName}>Orderdesk</span>
    </span>
  );
}
