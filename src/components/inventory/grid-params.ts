import { z } from "zod";
import { STOCK_STATUS_FILTERS } from "~/server/inventory/stock-status";

/**
 * The inventory grid keeps its filters in the URL (status, category, warehouse, search). Reading is
 * lenient: a bad value is dropped, never an error page.
 */
export type RawSearchParams = Record<string, string | string[] | undefined>;

const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);

const ZGridParams = z.object({
  status: z.enum(STOCK_STATUS_FILTERS).optional().catch(undefined),
  category: text(100),
  warehouse: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/)
    .max(20)
    .optional()
    .catch(undefined),
  search: text(100),
});
export type GridParams = z.infer<typeof ZGridParams>;

export const GRID_PARAM_KEYS = ["status", "category", "warehouse", "search"] as const satisfies readonly (keyof GridParams)[];

export function parseGridParams(raw: RawSearchParams): GridParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return ZGridParams.parse(Object.fromEntries(GRID_PARAM_KEYS.map((key) => [key, first(raw[key])])));
}

/** `/inventory?status=low&warehouse=EAST`: filters in a fixed order, empty ones left out. */
export function gridHref(params: GridParams, basePath = "/inventory"): string {
  const search = new URLSearchParams();
  for (const key of GRID_PARAM_KEYS) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

export function hasGridFilters(params: GridParams): boolean {
  return GRID_PARAM_KEYS.some((key) => !!params[key]);
}
