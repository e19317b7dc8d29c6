import Link from "next/link";
import { cn } from "~/lib/utils";
import { PRICING_TABS, type PricingTab } from "./tabs";

/** The sections of pricing administration as links (each tab is its own URL: ?tab=…). */
export function PricingTabs({ current }: { current: PricingTab }) {
  return (
    <nav aria-label="Pricing sections" className="mb-6 border-b">
      <ul className="-mb-px flex flex-wrap gap-1">
        {PRICING_TABS.map((t) => {
          const active = t.id === current;
          return (
            <li key={t.id}>
              <Link
                href={`/admin/pricing?tab=${t.id}`}
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
