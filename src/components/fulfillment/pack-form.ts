import type { TPackage, TShipment } from "~/server/fulfillment/schemas";
import { toGrams, toMillimetres, type WeightUnit } from "./units";

/** One package as typed: weight with its unit, optional L×W×H in cm, and how many of each SKU go in it. */
export type PackageDraft = { weight: string; unit: WeightUnit; length: string; width: string; height: string; items: Record<string, string> };

/** What was picked per SKU (what has to go into packages), in the shipment's line order. */
export function pickedBySku(shipment: Pick<TShipment, "lines">): { sku: string; productName: string; picked: number }[] {
  const bySku = new Map<string, { sku: string; productName: string; picked: number }>();
  for (const l of shipment.lines) {
    const row = bySku.get(l.sku) ?? { sku: l.sku, productName: l.productName, picked: 0 };
    row.picked += l.picked ?? l.quantity;
    bySku.set(l.sku, row);
  }
  return [...bySku.values()].filter((r) => r.picked > 0);
}

/** A new package: the first takes everything, later ones start empty. */
export function newPackage(contents: { sku: string; picked: number }[], first: boolean): PackageDraft {
  return { weight: "", unit: "kg", length: "", width: "", height: "", items: Object.fromEntries(contents.map((c) => [c.sku, first ? String(c.picked) : "0"])) };
}

/**
 * The form's packages as the API takes them (grams, millimetres; items only when there is more than one
 * package), or the errors by field name (`packages.0.weightGrams`, `packages.1.items`, `packages`).
 */
export function toPackages(drafts: PackageDraft[], contents: { sku: string; picked: number }[]): { packages: TPackage[] } | { errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const several = drafts.length > 1;
  const packed = new Map<string, number>();
  const packages = drafts.map((d, i): TPackage => {
    const weightGrams = toGrams(d.weight, d.unit);
    if (weightGrams === null) errors[`packages.${i}.weightGrams`] = [d.weight.trim() ? "Enter a weight above 0" : "Enter the weight"];
    const dims = { lengthMm: toMillimetres(d.length), widthMm: toMillimetres(d.width), heightMm: toMillimetres(d.height) };
    if (Object.values(dims).some((v) => v === null)) errors[`packages.${i}.dimensions`] = ["Sizes are centimetres above 0"];
    const pkg: TPackage = { weightGrams: weightGrams ?? 0, ...Object.fromEntries(Object.entries(dims).filter(([, v]) => typeof v === "number")) };
    if (several) {
      const items: { sku: string; quantity: number }[] = [];
      for (const c of contents) {
        const text = (d.items[c.sku] ?? "").trim();
        const quantity = text === "" ? 0 : Number(text);
        if (!Number.isInteger(quantity) || quantity < 0) {
          errors[`packages.${i}.items`] = [`${c.sku}: enter a whole number`];
          continue;
        }
        if (quantity > 0) items.push({ sku: c.sku, quantity });
        packed.set(c.sku, (packed.get(c.sku) ?? 0) + quantity);
      }
      if (items.length === 0 && !errors[`packages.${i}.items`]) errors[`packages.${i}.items`] = ["Say what is in this package"];
      pkg.items = items;
    }
    return pkg;
  });
  if (several && Object.keys(errors).every((k) => !k.endsWith(".items"))) {
    const off = contents.filter((c) => (packed.get(c.sku) ?? 0) !== c.picked).map((c) => `${c.picked} of ${c.sku} were picked but ${packed.get(c.sku) ?? 0} are in the packages`);
    if (off.length > 0) errors.packages = off;
  }
  return Object.keys(errors).length > 0 ? { errors } : { packages };
}
