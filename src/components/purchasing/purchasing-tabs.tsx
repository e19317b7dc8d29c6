import Link from "next/link";
import { cn } from "~/lib/utils";

const TABS = [
  { id: "orders", label: "Purchase orders", href: "/purchasing" },
  { id: "vendors", label: "Vendors", href: "/purchasing/vendors" },
] as const;

/** Purchase orders and vendors, as links under the page header. */
export function PurchasingTabs({ current }: { current: (typeof TABS)[number]["id"] }) {
  return (
    <nav aria-label="Purchasing sections" className="mb-6 border-b">
      <ul className="-mb-px flex flex-wrap gap-1">
        {TABS.map((t) => {
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
