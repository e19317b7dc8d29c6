import Link from "next/link";
import { cn } from "~/lib/utils";

/** An area's sections as tab-styled links under the page header; each section is its own URL. */
export function SectionTabs({ label, tabs, current }: { label: string; tabs: readonly { id: string; label: string; href: string }[]; current: string }) {
  return (
    <nav aria-label={label} className="mb-6 border-b">
      <ul className="-mb-px flex flex-wrap gap-1">
        {tabs.map((t) => {
          const active = t.id === current;
          return (
            <li key={t.id}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70",
                  active ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
