/**
 * "My warehouse": the warehouse a user works in, kept as their preference (auth's user_preferences, key
 * below). Every inventory dialog and filter starts from it. A value that is not the code of an active
 * warehouse (archived since, or unreadable) counts as none.
 */
export const MY_WAREHOUSE_KEY = "inventory.myWarehouse";

/** The warehouse filter's value for "all warehouses" when a user has one of their own (an empty filter means theirs). */
export const ALL_WAREHOUSES = "all";

export function readMyWarehouse(value: unknown, warehouses: readonly { code: string }[]): string | undefined {
  return typeof value === "string" && warehouses.some((w) => w.code === value) ? value : undefined;
}

/** The warehouse a filter applies: the one in the URL, none for "all", else the user's own. */
export function effectiveWarehouse(fromUrl: string | undefined, mine: string | undefined): string | undefined {
  if (fromUrl === ALL_WAREHOUSES) return undefined;
  return fromUrl ?? mine;
}
