import type { api } from "~/trpc/server";

/** What the product form offers: the active units and tax categories, and the existing categories' names. */
export async function productFormOptions(caller: Awaited<ReturnType<typeof api>>) {
  const [units, taxCategories, categories] = await Promise.all([
    caller.settings.list({ kind: "units" }),
    caller.settings.list({ kind: "tax-categories" }),
    caller.products.categories({ limit: 500 }),
  ]);
  const active = (list: typeof units) => list.items.filter((v) => !v.isArchived).map((v) => ({ code: v.code, name: v.name }));
  return { units: active(units), taxCategories: active(taxCategories), categories: categories.items.map((c) => c.name) };
}
