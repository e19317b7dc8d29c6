import type { TPickList } from "~/server/fulfillment/schemas";

/** One SKU's units for one shipment on the pick list (a shipment's lines of the same SKU added up). */
export type PickItem = { key: string; sku: string; shipment: string; order: string; quantity: number; picked: number | null };
export type PickRow = Omit<TPickList["picks"][number], "shipments"> & { items: PickItem[] };

export const itemKey = (shipment: string, sku: string) => `${shipment}|${sku}`;

/** The pick list's rows in walking order, each with its items per shipment. */
export function pickRows(list: Pick<TPickList, "picks">): PickRow[] {
  return list.picks.map(({ shipments, ...pick }) => {
    const items = new Map<string, PickItem>();
    for (const s of shipments) {
      const key = itemKey(s.number, pick.sku);
      const seen = items.get(key);
      if (seen) {
        seen.quantity += s.quantity;
        seen.picked = seen.picked === null || s.picked === null ? null : seen.picked + s.picked;
      } else {
        items.set(key, { key, sku: pick.sku, shipment: s.number, order: s.order, quantity: s.quantity, picked: s.picked });
      }
    }
    return { ...pick, items: [...items.values()] };
  });
}

/** The row a scanned or typed SKU means: exact (any case), else the one SKU that starts with it. */
export function findRow(rows: PickRow[], scanned: string): PickRow | null {
  const text = scanned.trim().toUpperCase();
  if (!text) return null;
  const exact = rows.find((r) => r.sku.toUpperCase() === text);
  if (exact) return exact;
  const starts = rows.filter((r) => r.sku.toUpperCase().startsWith(text));
  return starts.length === 1 ? starts[0]! : null;
}

/**
 * What to send for one shipment: every SKU of it with what was found (the typed number, the planned
 * quantity when untouched), or the errors by item key.
 */
export function pickLinesFor(
  rows: PickRow[],
  shipment: string,
  typed: Record<string, string>,
): { lines: { sku: string; picked: number }[]; short: { sku: string; quantity: number }[] } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const lines: { sku: string; picked: number }[] = [];
  const short: { sku: string; quantity: number }[] = [];
  for (const row of rows) {
    for (const item of row.items.filter((i) => i.shipment === shipment)) {
      const text = typed[item.key];
      const picked = text === undefined ? item.quantity : text.trim() === "" ? NaN : Number(text);
      if (!Number.isInteger(picked) || picked < 0) errors[item.key] = "Enter a whole number, 0 or more";
      else if (picked > item.quantity) errors[item.key] = `At most ${item.quantity} go to ${shipment}`;
      else {
        lines.push({ sku: item.sku, picked });
        if (picked < item.quantity) short.push({ sku: item.sku, quantity: item.quantity - picked });
      }
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { lines, short };
}
