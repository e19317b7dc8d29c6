/** What the suggestions table needs of a suggestion to group and select it. */
export type GroupableSuggestion = {
  id: string;
  vendor: { code: string; name: string } | null;
  warehouse: string;
  estimatedCost: number;
  currency: string;
  purchaseOrder: unknown;
};

export type SuggestionGroup<T extends GroupableSuggestion> = {
  /** "none" for the products without a usual vendor. */
  key: string;
  vendor: T["vendor"];
  items: T[];
  /** The ids that can be drafted: open, with a vendor. */
  selectableIds: string[];
  /** Draft POs the group makes: one per delivery warehouse. */
  warehouses: number;
  estimatedCost: number;
  currency: string;
};

/** Consecutive rows of one vendor (the list is sorted by vendor) as groups, in list order. */
export function groupByVendor<T extends GroupableSuggestion>(items: T[]): SuggestionGroup<T>[] {
  const groups: SuggestionGroup<T>[] = [];
  for (const item of items) {
    const key = item.vendor?.code ?? "none";
    let group = groups.at(-1);
    if (!group || group.key !== key) {
      group = { key, vendor: item.vendor, items: [], selectableIds: [], warehouses: 0, estimatedCost: 0, currency: item.currency };
      groups.push(group);
    }
    group.items.push(item);
    if (isSelectable(item)) group.selectableIds.push(item.id);
    group.estimatedCost += item.estimatedCost;
  }
  for (const group of groups) group.warehouses = new Set(group.items.map((i) => i.warehouse)).size;
  return groups;
}

export const isSelectable = (item: GroupableSuggestion) => item.vendor !== null && !item.purchaseOrder;

/** The checkbox of a group: all, none or some of its draftable rows chosen. */
export function groupSelection(selectableIds: string[], selected: ReadonlySet<string>): "all" | "none" | "some" {
  const chosen = selectableIds.filter((id) => selected.has(id)).length;
  if (chosen === 0) return "none";
  return chosen === selectableIds.length ? "all" : "some";
}

/** Toggles every draftable row of a group: all on unless all were on already. */
export function toggleGroup(selectableIds: string[], selected: ReadonlySet<string>): Set<string> {
  const next = new Set(selected);
  const allOn = groupSelection(selectableIds, selected) === "all";
  for (const id of selectableIds) {
    if (allOn) next.delete(id);
    else next.add(id);
  }
  return next;
}
