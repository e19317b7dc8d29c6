/** The fulfillment desk's queues, in the order a shipment moves through them (`?tab=` in the URL). */
export const DESK_TABS = ["ready", "planned", "picking", "picked", "packed", "shipped"] as const;
export type DeskTab = (typeof DESK_TABS)[number];

export function isDeskTab(value: unknown): value is DeskTab {
  return typeof value === "string" && (DESK_TABS as readonly string[]).includes(value);
}
