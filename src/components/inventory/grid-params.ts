import { z } from "zod";
import { SUPPLY_DAYS } from "~/server/inventory/days-of-supply";
import { STOCK_STATUS_FILTERS } from "~/server/inventory/stock-status";

/**
 * The inventory grid keeps its filters in the URL (status, days of supply for `low`, category, warehouse,
 * search). Reading is lenient: a bad value is dropped, never an error page.
 */
export type RawSearchParams = Record<string, string | string[] | undefined>;

const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);

const ZGridParams = z.object({
  status: z.enum(STOCK_STATUS_FILTERS).optional().catch(undefined),
  /** The `low` filter's N (days of supply); the default when absent. */
  days: z.coerce.number().int().min(SUPPLY_DAYS.min).max(SUPPLY_DAYS.max).optional().catch(undefined),
  category: text(100),
  warehouse: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/)
    .max(20)
    .optional()
    .catch(undefined),
  search: text(100),
  /** `all`: also warehouses that never stocked a SKU (hidden by default). */
  show: z.literal("all").optional().catch(undefined),
});
export type GridParams = z.infer<typeof ZGridParams>;

export const GRID_PARAM_KEYS = ["status", "days", "category", "warehouse", "search", "show"] as const satisfies readonly (keyof GridParams)[];

export function parseGridParams(raw: RawSearchParams): GridParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return ZGridParams.parse(Object.fromEntries(GRID_PARAM_KEYS.map((key) => [key, first(raw[key])])));
}

/** `/inventory?status=low&days=14&warehouse=EAST`: filters in a fixed order, empty ones left out. */
export function gridHref(params: GridParams, basePath = "/inventory"): string {
  const search = new URLSearchParams();
  for (const key of GRID_PARAM_KEYS) {
    const value = params[key];
    if (value) search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** The grid query's input for these params. */
export function gridInputOf(params: GridParams) {
  const { show, ...filters } = params;
  return { ...filters, allWarehouses: show === "all" };
}

/** The `low` filter's days: the URL's, else the default. */
export function supplyDaysOf(params: GridParams): number {
  return params.days ?? SUPPLY_DAYS.default;
}

/** Days alone select nothing (they only tune the `low` filter and the cells' hints). */
export function hasGridFilters(params: GridParams): boolean {
  return GRID_PARAM_KEYS.some((key) => key !== "days" && !!params[key]);
}
