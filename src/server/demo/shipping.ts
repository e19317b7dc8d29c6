import { asc } from "drizzle-orm";
import { products } from "~/server/catalog/schema";
import type { Db } from "~/server/db/client";
import type { TPackage } from "~/server/fulfillment/schemas";
import type { Random } from "./random";

/** What a unit of a product weighs and measures, for cartons, pallets and freight. */
export type ParcelSpec = { grams: number; lengthMm: number; widthMm: number; heightMm: number };

export async function loadParcelSpecs(db: Db): Promise<Map<string, ParcelSpec>> {
  const rows = await db
    .select({ sku: products.sku, grams: products.weightGrams, lengthMm: products.lengthMm, widthMm: products.widthMm, heightMm: products.heightMm })
    .from(products)
    .orderBy(asc(products.sku));
  return new Map(
    rows.map((r) => [r.sku, { grams: r.grams > 0 ? r.grams : 500, lengthMm: r.lengthMm ?? 100, widthMm: r.widthMm ?? 100, heightMm: r.heightMm ?? 100 }]),
  );
}

/** Standard corrugated cartons (inside mm) and what one weighs empty. */
const CARTONS = [
  { lengthMm: 229, widthMm: 152, heightMm: 102, tareGrams: 110 },
  { lengthMm: 305, widthMm: 229, heightMm: 152, tareGrams: 230 },
  { lengthMm: 406, widthMm: 305, heightMm: 254, tareGrams: 480 },
  { lengthMm: 457, widthMm: 457, heightMm: 457, tareGrams: 820 },
  { lengthMm: 610, widthMm: 457, heightMm: 457, tareGrams: 1_100 },
] as const;
/** What goes in one carton at most: parcel carriers take 68 kg, people lift about 23. */
const CARTON_LIMIT_GRAMS = 22_000;
/** Heavier shipments go on pallets (48 × 40 in), by LTL freight. */
const PALLET_THRESHOLD_GRAMS = 140_000;
const PALLET_LIMIT_GRAMS = 600_000;
const PALLET = { lengthMm: 1_219, widthMm: 1_016, tareGrams: 22_000 };

export type ItemUnits = { sku: string; units: number };

/** Weight of the goods alone, in grams. */
export function goodsGrams(items: ItemUnits[], specs: Map<string, ParcelSpec>): number {
  return items.reduce((sum, i) => sum + i.units * (specs.get(i.sku)?.grams ?? 500), 0);
}

/**
 * How a packer boxes picked goods: cartons filled up to ~22 kg each (a SKU's units spread over cartons when
 * they do not fit one), each in the smallest standard carton that holds its volume with dunnage; shipments
 * over ~140 kg go on pallets. Every unit is in exactly one package (what packShipment checks).
 */
export function packagesFor(items: ItemUnits[], specs: Map<string, ParcelSpec>, random: Random): TPackage[] {
  const heavy = goodsGrams(items, specs) > PALLET_THRESHOLD_GRAMS;
  const limit = heavy ? PALLET_LIMIT_GRAMS : CARTON_LIMIT_GRAMS;
  const boxes: { grams: number; volume: number; items: Map<string, number> }[] = [];
  let box = { grams: 0, volume: 0, items: new Map<string, number>() };
  // Heaviest units first: they go at the bottom.
  const ordered = [...items].filter((i) => i.units > 0).sort((a, b) => (specs.get(b.sku)?.grams ?? 0) - (specs.get(a.sku)?.grams ?? 0) || a.sku.localeCompare(b.sku));
  for (const item of ordered) {
    const spec = specs.get(item.sku) ?? { grams: 500, lengthMm: 100, widthMm: 100, heightMm: 100 };
    for (let left = item.units; left > 0; ) {
      const fit = Math.floor((limit - box.grams) / Math.max(1, spec.grams));
      // A unit heavier than the limit still ships: one to a package.
      const take = Math.min(left, box.items.size === 0 ? Math.max(1, fit) : fit);
      if (take <= 0) {
        boxes.push(box);
        box = { grams: 0, volume: 0, items: new Map() };
        continue;
      }
      box.items.set(item.sku, (box.items.get(item.sku) ?? 0) + take);
      box.grams += take * spec.grams;
      box.volume += take * spec.lengthMm * spec.widthMm * spec.heightMm;
      left -= take;
    }
  }
  if (box.items.size > 0) boxes.push(box);
  return boxes.map((b) => {
    const contents = [...b.items].map(([sku, quantity]) => ({ sku, quantity }));
    if (heavy) {
      // Stacked up to the height the volume needs (half the pallet's footprint is air), stretch-wrapped.
      const heightMm = Math.min(1_800, Math.max(300, Math.round((b.volume * 1.6) / (PALLET.lengthMm * PALLET.widthMm)) + 150));
      return { weightGrams: Math.round(b.grams + PALLET.tareGrams), lengthMm: PALLET.lengthMm, widthMm: PALLET.widthMm, heightMm, items: contents };
    }
    const needed = b.volume * random.float(1.3, 1.8);
    const carton = CARTONS.find((c) => c.lengthMm * c.widthMm * c.heightMm >= needed) ?? CARTONS[CARTONS.length - 1]!;
    return { weightGrams: Math.max(1, Math.round(b.grams + carton.tareGrams)), lengthMm: carton.lengthMm, widthMm: carton.widthMm, heightMm: carton.heightMm, items: contents };
  });
}

export type CarrierCode = "UPS" | "FEDEX" | "USPS" | "DHL";
export type Service = { carrier: CarrierCode; service: string; transitDays: readonly [number, number]; freight: boolean };

/** Who the shipping desk books, by weight and urgency. */
export function chooseService(grams: number, urgent: boolean, random: Random): Service {
  if (grams > PALLET_THRESHOLD_GRAMS) return { carrier: "FEDEX", service: "Freight Priority", transitDays: [2, 4], freight: true };
  if (urgent) {
    return random.chance(0.6)
      ? { carrier: "UPS", service: random.chance(0.4) ? "Next Day Air" : "2nd Day Air", transitDays: [1, 2], freight: false }
      : { carrier: "FEDEX", service: "2Day", transitDays: [2, 2], freight: false };
  }
  const roll = random.next();
  if (grams <= 2_000 && roll < 0.45) return { carrier: "USPS", service: random.chance(0.7) ? "Ground Advantage" : "Priority Mail", transitDays: [2, 4], freight: false };
  if (grams <= 9_000 && roll < 0.55) return { carrier: "DHL", service: "eCommerce Parcel Ground", transitDays: [2, 4], freight: false };
  return random.chance(0.58)
    ? { carrier: "UPS", service: "Ground", transitDays: [1, 4], freight: false }
    : { carrier: "FEDEX", service: "Ground", transitDays: [1, 4], freight: false };
}

/** UPS shipper numbers of the three DCs (six characters after 1Z). */
const UPS_ACCOUNTS: Record<string, string> = { EAST: "A4F729", CENTRAL: "V8E615", WEST: "R3W082" };
const UPS_SERVICE_CODES: Record<string, string> = { "Next Day Air": "01", "2nd Day Air": "02", Ground: "03" };

const digits = (random: Random, n: number) => Array.from({ length: n }, () => random.int(0, 9)).join("");

/**
 * A tracking number in the carrier's own format: UPS 1Z + shipper + service + package number + check digit
 * (18 characters); FedEx 12 digits (Express and Ground) or a 10-digit PRO number (Freight); USPS 22-digit
 * IMpb (9400 Ground Advantage, 9405 Priority Mail); DHL eCommerce GM + 18 digits.
 */
export function trackingNumber(service: Service, warehouse: string, random: Random): string {
  switch (service.carrier) {
    case "UPS": {
      const body = `${UPS_ACCOUNTS[warehouse] ?? "X9Y204"}${UPS_SERVICE_CODES[service.service] ?? "03"}${digits(random, 7)}`;
      return `1Z${body}${upsCheckDigit(body)}`;
    }
    case "FEDEX":
      return service.freight ? `${random.int(1, 9)}${digits(random, 9)}` : `${random.pick(["7", "7", "5", "6"])}${digits(random, 11)}`;
    case "USPS":
      return `${service.service === "Priority Mail" ? "9405" : "9400"}${random.pick(["5", "1"])}${digits(random, 17)}`;
    case "DHL":
      return `GM${digits(random, 18)}`;
  }
}

/** UPS's check digit over the 15 characters after "1Z": letters as digits, odd positions once, even twice. */
export function upsCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : (c - 63) % 10;
    sum += i % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * What the carrier bills us, in cents: a base per package plus a rate per pound, with the service's
 * premium; pallets a minimum plus a rate per hundredweight. Rounded to the cent.
 */
export function freightCents(service: Service, packages: { weightGrams: number }[], random: Random): number {
  const pounds = packages.reduce((sum, p) => sum + Math.max(1, Math.ceil(p.weightGrams / 453.6)), 0);
  if (service.freight) return Math.round((145 + (pounds / 100) * random.float(28, 42)) * 100);
  const base = { UPS: 9.45, FEDEX: 9.2, USPS: 5.6, DHL: 4.85 }[service.carrier];
  const perPound = { UPS: 0.92, FEDEX: 0.88, USPS: 1.05, DHL: 0.74 }[service.carrier];
  const premium = service.service === "Next Day Air" ? 3.4 : service.service === "2nd Day Air" || service.service === "2Day" ? 1.9 : service.service === "Priority Mail" ? 1.5 : 1;
  return Math.round((packages.length * base + pounds * perPound) * premium * random.float(0.95, 1.1) * 100);
}
