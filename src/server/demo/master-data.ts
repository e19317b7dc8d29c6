import type { Actor } from "~/server/auth/actor";
import { DEMO_PASSWORD, DEMO_USERS } from "~/server/auth/demo-users";
import { hashPassword } from "~/server/auth/password";
import { importUsers } from "~/server/auth/users";
import { importCatalog, type ProductImport } from "~/server/catalog";
import { runAt } from "~/server/clock";
import type { DemandClass, Segment } from "~/server/customers/constants";
import { type CustomerAddressImport, type CustomerImport, importCustomers } from "~/server/customers";
import type { Db } from "~/server/db/client";
import { importWarehouses, type OpeningStockRow, receiveOpeningStock, type WarehouseImport } from "~/server/inventory";
import { CATEGORY_SPECS, type CategorySpec, type ProductTemplate } from "./catalog-data";
import { productPopularity, WAREHOUSE_SPECS } from "./market";
import { deriveSeed, hashUnit, Random, WeightedTable } from "./random";
import { VENDOR_SPECS } from "./vendors";

export const PRODUCT_COUNT = 1_000;
export const CUSTOMER_COUNT = 300;
/** Beyond this many possible variants a category gets no bigger share of the catalog. */
const VARIETY_CAP = 60;
const DAY = 86_400_000;

export type MasterDataSummary = {
  users: number;
  warehouses: number;
  categories: number;
  products: number;
  customers: number;
  stockLevels: number;
  stockMovements: number;
};

type WarehouseRow = WarehouseImport & { id: string };
type ProductRow = ProductImport & { id: string; sku: string };
type CustomerRow = CustomerImport;
/** An account that buys tax-free (reseller, public body): finance records its certificate when the history starts. */
export type TaxExemptAccount = { code: string; state: string };
type AddressRow = CustomerAddressImport;

/**
 * Users, warehouses, catalog, customers and opening stock, in one transaction. These are master records,
 * not history, so each module loads its own in bulk (importUsers, importWarehouses, importCatalog,
 * importCustomers: a few statements each, with the ids drawn here); the opening stock goes through
 * inventory's `receiveOpeningStock`: one `initial_stock` adjustment per level, for exactly its on hand,
 * at `openedAt` (before any history), by the warehouse user.
 */
export async function seedMasterData(
  db: Db,
  options: {
    seed: number;
    now: Date;
    openedAt: Date;
    /** Order lines expected per day: reorder points and opening stock follow the demand they will see. */
    linesPerDay: number;
  },
): Promise<MasterDataSummary & { taxExempt: TaxExemptAccount[] }> {
  const random = new Random(deriveSeed(options.seed, "master-data"));
  const { now } = options;
  // bcrypt is deliberately slow: hash the shared demo password once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const usersSince = new Date(options.openedAt.getTime() - 30 * DAY);
  const userRows = DEMO_USERS.map((user) => ({ id: random.uuid(), ...user, passwordHash, createdAt: usersSince, updatedAt: usersSince }));
  const warehouseRows: WarehouseRow[] = WAREHOUSE_SPECS.map((spec) => ({
    id: random.uuid(),
    code: spec.code,
    name: spec.name,
    ...spec.address,
    priority: spec.priority,
    createdAt: usersSince,
    updatedAt: usersSince,
  }));
  const catalog = buildCatalog(random, now);
  const clients = buildCustomers(random, now);
  const stock = buildOpeningStock(random, catalog.products, warehouseRows, options.linesPerDay);
  // Bins from a stream of their own: the layout does not shift any other part of the demo.
  const bins = layOutBins(new Random(deriveSeed(options.seed, "master-data/bins")), catalog.products, warehouseRows);
  for (const level of stock) level.bin = bins.get(`${level.warehouseId}:${level.productId}`) ?? null;
  const warehouseUser = userRows.find((user) => user.role === "warehouse");
  if (!warehouseUser) throw new Error("The demo needs a warehouse user");
  const stockKeeper: Actor = { kind: "user", id: warehouseUser.id, name: warehouseUser.name, role: warehouseUser.role };

  const opened = await db.transaction(async (tx) => {
    await importUsers(tx, userRows);
    await importWarehouses(tx, warehouseRows);
    await importCatalog(tx, { categories: catalog.categories, products: catalog.products.map((p) => p.row) });
    await importCustomers(tx, { customers: clients.customers, addresses: clients.addresses });
    return runAt(options.openedAt, () => receiveOpeningStock(tx, { actor: stockKeeper, rows: stock }));
  });

  return {
    users: userRows.length,
    warehouses: warehouseRows.length,
    categories: catalog.categories.length,
    products: catalog.products.length,
    customers: clients.customers.length,
    stockLevels: opened.levels,
    stockMovements: opened.movements,
    taxExempt: clients.taxExempt,
  };
}

function buildCatalog(random: Random, now: Date) {
  const createdAt = new Date(now.getTime() - 730 * DAY);
  const categoryRows = CATEGORY_SPECS.map((spec) => ({
    id: random.uuid(),
    code: spec.code,
    name: spec.name,
    createdAt,
    updatedAt: createdAt,
  }));
  const productList: { row: ProductRow; spec: CategorySpec }[] = [];
  const names = new Set<string>();
  const counts = productsPerCategory(PRODUCT_COUNT);

  CATEGORY_SPECS.forEach((spec, c) => {
    const category = categoryRows[c];
    if (!category) throw new Error("category index out of range");
    let skuNumber = random.int(10_000, 10_400);
    for (let k = 0; k < (counts[c] ?? 0); k++) {
      skuNumber += random.int(1, 37);
      const { name, template } = newProduct(random, spec, names);
      const listPrice = priceCents(logUniform(random, template.price));
      const weightGrams = Math.round(logUniform(random, spec.grams));
      const size = dimensionsMm(random, weightGrams);
      productList.push({
        spec,
        row: {
          id: random.uuid(),
          sku: `${spec.code}-${skuNumber}`,
          name,
          categoryId: category.id,
          unit: spec.unit,
          currency: "USD",
          listPrice,
          cost: Math.floor(listPrice * random.float(0.4, 0.75)),
          weightGrams,
          lengthMm: size.length,
          widthMm: size.width,
          heightMm: size.height,
          taxCategory: spec.taxCategory ?? "standard",
          leadTimeDays: random.pick([3, 5, 7, 10, 14, 14, 21, 28, 42]),
          createdAt,
          updatedAt: createdAt,
        },
      });
    }
  });
  return { categories: categoryRows, products: productList };
}

/**
 * Products per category in proportion to its variety (capped), as in a real catalog where fasteners
 * outnumber ice melt; largest remainders make the counts add up to `total`.
 */
function productsPerCategory(total: number): number[] {
  const weights = CATEGORY_SPECS.map((spec) => Math.min(VARIETY_CAP, variantCount(spec)));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / weightSum);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((x, c) => ({ c, remainder: x - Math.floor(x) })).sort((a, b) => b.remainder - a.remainder || a.c - b.c);
  for (const { c } of byRemainder.slice(0, total - counts.reduce((a, b) => a + b, 0))) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}

/** Distinct names a category's templates can make. */
function variantCount(spec: CategorySpec): number {
  const combinations = (pattern: string) => (pattern.match(/\{[^}]*\}/g) ?? []).reduce((n, group) => n * group.split("|").length, 1);
  return spec.items.reduce((n, template) => n + combinations(template.pattern), 0);
}

/** Prices and weights spread over orders of magnitude: uniform in the logarithm. */
function logUniform(random: Random, [min, max]: readonly [number, number]): number {
  return Math.exp(random.float(Math.log(min), Math.log(max)));
}

/** Catalog prices end in .99 above $20 and in 5 cents below. */
function priceCents(dollars: number): number {
  if (dollars >= 20) return Math.round(dollars) * 100 - 1;
  return Math.max(25, Math.round(dollars * 20) * 5);
}

/** A box roughly the size the weight suggests (density between cardboard and steel parts). */
function dimensionsMm(random: Random, grams: number) {
  const sideMm = Math.cbrt(grams / random.float(0.3, 1.5)) * 10;
  const aspect = random.float(1, 2.5);
  const mm = (value: number) => Math.max(5, Math.round(value));
  return { length: mm(sideMm * aspect), width: mm(sideMm), height: mm(sideMm / aspect) };
}

/** A product of the category, named from one of its templates, with a name not taken yet. */
function newProduct(random: Random, spec: CategorySpec, taken: Set<string>): { name: string; template: ProductTemplate } {
  const draw = () => {
    const template = random.pick(spec.items);
    return { template, name: template.pattern.replace(/\{([^}]*)\}/g, (_, options: string) => random.pick(options.split("|"))) };
  };
  let product = draw();
  for (let attempt = 0; taken.has(product.name) && attempt < 50; attempt++) product = draw();
  // Templates with few combinations can run out: number the duplicates rather than loop forever.
  const base = product.name;
  for (let n = 2; taken.has(product.name); n++) product = { ...product, name: `${base} (${n})` };
  taken.add(product.name);
  return product;
}

const SEGMENTS = new WeightedTable<Segment>([
  ["wholesale", 20],
  ["retail", 25],
  ["contractor", 35],
  ["industrial", 20],
]);
const DEMAND_CLASSES = new WeightedTable<DemandClass>([
  ["A", 15],
  ["B", 45],
  ["C", 40],
]);

/** How each kind of account names itself, what it may buy on credit, and how it pays. */
const SEGMENT_PROFILES: Record<
  Segment,
  { suffixes: string[]; creditLimit: [number, number]; terms: number[]; taxExemptShare: number }
> = {
  wholesale: {
    suffixes: ["Supply Co.", "Distributors", "Wholesale Supply", "Industrial Supply", "Trading Co."],
    creditLimit: [100_000, 500_000],
    terms: [30, 45, 60],
    // Resellers buy tax-free on a resale certificate.
    taxExemptShare: 0.6,
  },
  retail: {
    suffixes: ["Hardware", "Home Center", "Farm & Ranch Supply", "Lumber & Hardware", "Paint & Hardware"],
    creditLimit: [5_000, 40_000],
    terms: [0, 15, 30],
    taxExemptShare: 0.5,
  },
  contractor: {
    suffixes: ["Construction", "Electric", "Plumbing & Heating", "Mechanical", "Builders", "Roofing", "HVAC Services"],
    creditLimit: [10_000, 75_000],
    terms: [15, 30, 45],
    taxExemptShare: 0.05,
  },
  industrial: {
    suffixes: ["Manufacturing", "Industries", "Fabrication", "Machine Works", "Plastics", "Metalworks", "Packaging"],
    creditLimit: [50_000, 250_000],
    terms: [30, 45, 60],
    taxExemptShare: 0.15,
  },
};

function buildCustomers(random: Random, now: Date) {
  const { faker } = random;
  const customerRows: CustomerRow[] = [];
  const addressRows: AddressRow[] = [];
  const taxExempt: TaxExemptAccount[] = [];
  const names = new Set<string>();

  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const segment = SEGMENTS.pick(random);
    const profile = SEGMENT_PROFILES[segment];
    let name = "";
    while (name === "" || names.has(name)) {
      const stem = random.chance(0.25) ? faker.location.city() : faker.person.lastName();
      name = `${stem} ${random.pick(profile.suffixes)}${random.chance(0.35) ? random.pick([", Inc.", " LLC"]) : ""}`;
    }
    names.add(name);

    const id = random.uuid();
    const createdAt = new Date(now.getTime() - random.int(380, 1_800) * DAY);
    const demandClass = DEMAND_CLASSES.pick(random);
    // Some accounts have a tight limit (new accounts, slow payers, busy accounts whose limit was never
    // raised): their larger orders go on credit hold.
    const creditLimitDollars = random.chance(demandClass === "A" ? 0.3 : 0.1)
      ? random.int(10, 60) * 100
      : random.int(profile.creditLimit[0] / 1_000, profile.creditLimit[1] / 1_000) * 1_000;
    const domain = name.toLowerCase().replace(/,? (inc\.|llc)$/, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const code = `C-${10_001 + i}`;
    // Drawn in the order the customer's fields always were, so the draws that follow stay the same.
    const paymentTermsDays = random.chance(0.05) ? 0 : random.pick(profile.terms);
    const isTaxExempt = random.chance(profile.taxExemptShare);
    customerRows.push({
      id,
      code,
      name,
      segment,
      demandClass,
      currency: "USD",
      creditLimit: creditLimitDollars * 100,
      paymentTermsDays,
      // A few accounts prepay (invoiced on order); about a third pay freight on top (prepay and add). From the
      // code, so the draws that follow stay the same.
      invoiceOnOrder: hashUnit(`${code}/prepaid`) < 0.04,
      billFreight: hashUnit(`${code}/freight`) < 0.3,
      email: `${random.pick(["orders", "purchasing", "ap", "buyer"])}@${domain}.com`,
      phone: faker.phone.number({ style: "national" }),
      createdAt,
      updatedAt: createdAt,
    });

    // Most accounts are in the states of the three DCs (the distributor grew around them), so most orders
    // ship from the customer's own DC; the rest are spread over the country. (Chosen from the account code,
    // so the draws that follow are the same whichever state it is.)
    const anywhere = faker.location.state({ abbreviated: true });
    const home = hashUnit(`${code}/home`);
    const state = home < 0.28 ? "NJ" : home < 0.5 ? "TX" : home < 0.64 ? "NV" : anywhere;
    if (isTaxExempt) taxExempt.push({ code, state });
    const address = () => ({
      line1: faker.location.streetAddress(),
      city: faker.location.city(),
      region: state,
      postalCode: faker.location.zipCode({ state }),
    });
    const billing = address();
    // Most accounts receive goods where they are billed; the rest ship to a plant or yard in the same state.
    const shipping = random.chance(0.7) ? billing : address();
    addressRows.push(
      { customerId: id, kind: "billing", ...billing, country: "US", createdAt, updatedAt: createdAt },
      { customerId: id, kind: "shipping", ...shipping, country: "US", createdAt, updatedAt: createdAt },
    );
  }
  return { customers: customerRows, addresses: addressRows, taxExempt };
}

/** Bays per aisle and shelf levels per bay: a bin is aisle-bay-level, "C-07-3". */
const BAYS_PER_AISLE = 24;
const LEVELS_PER_BAY = 4;

/**
 * Where each product sits in each warehouse ("A-03-2": aisle A, bay 3, level 2), one bin per product and
 * warehouse, as a warehouse is laid out: a category's products side by side in SKU order, each category
 * starting on a bay of its own, the categories in an order of the warehouse's own, now and then an empty
 * slot. Pick lists walk the bins in text order, which is this walking order (bays are zero-padded).
 */
function layOutBins(random: Random, productList: { row: ProductRow; spec: CategorySpec }[], warehouseRows: WarehouseRow[]): Map<string, string> {
  const bins = new Map<string, string>();
  const byCategory = new Map<string, ProductRow[]>();
  for (const { row, spec } of productList) byCategory.set(spec.code, [...(byCategory.get(spec.code) ?? []), row]);
  for (const warehouse of warehouseRows) {
    // Fisher-Yates over the categories: each warehouse has its own layout.
    const order = [...byCategory.keys()];
    for (let i = order.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let slot = 0;
    for (const category of order) {
      slot = Math.ceil(slot / LEVELS_PER_BAY) * LEVELS_PER_BAY;
      for (const product of [...byCategory.get(category)!].sort((a, b) => a.sku.localeCompare(b.sku))) {
        if (random.chance(0.04)) slot++;
        bins.set(`${warehouse.id}:${product.id}`, binAt(slot++));
      }
    }
  }
  return bins;
}

/**
 * The bin of a slot number: aisles A–Z, bays 01–24, levels 1–4 (2,496 slots). Every part has a fixed
 * width, so any collation sorts bins in walking order.
 */
function binAt(slot: number): string {
  const perAisle = BAYS_PER_AISLE * LEVELS_PER_BAY;
  const aisle = Math.floor(slot / perAisle);
  if (aisle >= 26) throw new Error(`The demo's warehouses have 26 aisles; slot ${slot} is beyond them`);
  const bay = Math.floor((slot % perAisle) / LEVELS_PER_BAY) + 1;
  return `${String.fromCharCode(65 + aisle)}-${String(bay).padStart(2, "0")}-${(slot % LEVELS_PER_BAY) + 1}`;
}

/**
 * Stock per product and warehouse when the books open, with reorder points a planner would set: the
 * demand expected while a reorder is on its way (the usual vendor's lead time plus the week until the
 * next replenishment run), never less than one typical order line; a reorder quantity of about four
 * weeks of demand. Most levels start between the point and a reorder above it, some low, about 3% out,
 * a few overstocked. Each non-zero quantity becomes one `initial_stock` adjustment in the ledger
 * (receiveOpeningStock), so on hand is the ledger's sum from the first day.
 */
function buildOpeningStock(
  random: Random,
  productList: { row: ProductRow; spec: CategorySpec }[],
  warehouseRows: WarehouseRow[],
  linesPerDay: number,
): OpeningStockRow[] {
  const levels: OpeningStockRow[] = [];
  const leadTimeOf = new Map<string, number>(VENDOR_SPECS.flatMap((v) => v.categories.map((c) => [c, v.leadTimeDays] as const)));
  const totalPopularity = productList.reduce((sum, p) => sum + productPopularity(p.row.sku), 0);
  const totalScale = WAREHOUSE_SPECS.reduce((sum, w) => sum + w.stockScale, 0);

  for (const { row: product, spec } of productList) {
    // What one order line asks for on average (small quantities are likelier; resellers buy more).
    const [min, max] = spec.qty;
    const typicalLine = (min + (max - min + 1) / 3) * 1.3;
    const perDay = ((linesPerDay * productPopularity(product.sku)) / totalPopularity) * typicalLine;
    const coverDays = (leadTimeOf.get(spec.code) ?? 14) + 7;
    // Some items, best sellers more often, start nearly sold out everywhere (the vendor had them on
    // backorder): the first orders for them wait for the first purchase orders.
    const isShortEverywhere = random.chance(0.01 + 0.3 * productPopularity(product.sku));
    warehouseRows.forEach((warehouse, w) => {
      const daily = (perDay * (WAREHOUSE_SPECS[w]?.stockScale ?? 1)) / totalScale;
      const reorderPoint = Math.max(Math.ceil(typicalLine), Math.ceil(daily * coverDays));
      const reorderQuantity = Math.max(Math.ceil(2 * typicalLine), Math.ceil(daily * 28));
      const roll = random.next();
      const onHand = isShortEverywhere
        ? random.int(0, Math.floor(typicalLine))
        : roll < 0.03
          ? 0
          : roll < 0.1
            ? random.int(1, reorderPoint)
            : roll < 0.95
              ? reorderPoint + random.int(Math.ceil(reorderQuantity * 0.2), Math.ceil(reorderQuantity * 1.5))
              : reorderPoint + random.int(2 * reorderQuantity + 1, 4 * reorderQuantity);
      levels.push({ productId: product.id, warehouseId: warehouse.id, quantity: onHand, reorderPoint, reorderQuantity });
    });
  }
  return levels;
}
