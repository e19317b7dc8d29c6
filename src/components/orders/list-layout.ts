import { z } from "zod";

/**
 * What a user keeps of the order list's look (the preference `orders.list.layout`): the optional columns
 * they hid and the row density. The key columns (number, customer, status, total, created) always show;
 * hidden ones are stored, not shown ones, so a column added later appears for everyone.
 */
export const LIST_LAYOUT_KEY = "orders.list.layout";

export const OPTIONAL_COLUMNS = [
  { id: "reference", label: "PO · channel", kinds: ["order", "quote"] },
  { id: "fulfillment", label: "Fulfillment", kinds: ["order"] },
  { id: "billing", label: "Billing", kinds: ["order"] },
  { id: "assigned", label: "Assigned", kinds: ["order", "quote"] },
  { id: "lines", label: "Lines", kinds: ["order", "quote"] },
] as const satisfies readonly { id: string; label: string; kinds: readonly ("order" | "quote")[] }[];
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number]["id"];
const COLUMN_IDS = OPTIONAL_COLUMNS.map((c) => c.id) as [OptionalColumn, ...OptionalColumn[]];

export const DENSITIES = ["comfortable", "compact"] as const;
export type Density = (typeof DENSITIES)[number];

export const ZListLayout = z.object({
  hidden: z.array(z.enum(COLUMN_IDS)).max(COLUMN_IDS.length),
  density: z.enum(DENSITIES),
});
export type ListLayout = z.infer<typeof ZListLayout>;

export const DEFAULT_LIST_LAYOUT: ListLayout = { hidden: [], density: "comfortable" };

/** A stored value as a layout: anything unreadable (an older shape, a removed column) gives the default. */
export function listLayoutOf(stored: unknown): ListLayout {
  if (stored && typeof stored === "object" && Array.isArray((stored as { hidden?: unknown }).hidden)) {
    // Columns that no longer exist are dropped rather than throwing the whole layout away.
    const raw = stored as { hidden: unknown[]; density?: unknown };
    stored = { ...raw, hidden: raw.hidden.filter((id) => COLUMN_IDS.includes(id as OptionalColumn)) };
  }
  const parsed = ZListLayout.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_LIST_LAYOUT;
}

/** The layout with one column shown or hidden. */
export function withColumn(layout: ListLayout, column: OptionalColumn, shown: boolean): ListLayout {
  const hidden = layout.hidden.filter((id) => id !== column);
  return { ...layout, hidden: shown ? hidden : [...hidden, column] };
}
