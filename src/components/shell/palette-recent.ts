/**
 * The command palette's recent items: what the user opened from it last, newest first, kept in the browser
 * (localStorage) and shown when the palette opens with nothing typed.
 */
export type RecentItem = { kind: "page" | "order" | "quote" | "customer" | "product" | "purchaseOrder" | "action"; label: string; href: string };

export const RECENT_KEY = "orderdesk.palette.recent";
export const MAX_RECENT = 6;
const KINDS = new Set<RecentItem["kind"]>(["page", "order", "quote", "customer", "product", "purchaseOrder", "action"]);

/** What was stored, as recent items: anything unreadable (hand-edited, an older shape) is dropped, never thrown. */
export function readRecent(stored: string | null): RecentItem[] {
  if (!stored) return [];
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (item): item is RecentItem =>
        !!item &&
        typeof item === "object" &&
        KINDS.has((item as RecentItem).kind) &&
        typeof (item as RecentItem).label === "string" &&
        typeof (item as RecentItem).href === "string" &&
        // Only the desk's own pages: a stored link never leads elsewhere.
        (item as RecentItem).href.startsWith("/") &&
        !(item as RecentItem).href.startsWith("//"),
    )
    .slice(0, MAX_RECENT);
}

/** The list with `item` first, each page once, at most MAX_RECENT long. */
export function withRecent(list: RecentItem[], item: RecentItem): RecentItem[] {
  return [item, ...list.filter((other) => other.href !== item.href)].slice(0, MAX_RECENT);
}
