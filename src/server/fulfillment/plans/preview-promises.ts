import { and, eq, inArray } from "drizzle-orm";
import { products } from "../../catalog";
import * as clock from "../../clock";
import { customerAddresses, findCustomerByCode } from "../../customers";
import type { DbOrTx } from "../../db";
import { AppError } from "../../errors";
import { getAvailability, warehouses } from "../../inventory";
import { purchasingSupply } from "../../purchasing";
import { choosePolicy, linePromises, orderPromise } from "./plan-order";
import type { TPromisePreview, TPromisePreviewInput } from "./schemas";
import { transitDaysFor } from "./transit";

/**
 * Order entry, before submission: the policy the order would follow and each line's promise date — from the
 * stock available to this customer now (or when its backorder can be filled), the policy's durations and the
 * transit from the warehouse with the most stock to the ship-to region — and where each line's units would be
 * reserved (inventory's `sourcing`: the plan reservation makes, so a split or a backorder shows before
 * submission). Reads only; submission stores them.
 */
export async function previewPromises(options: { db: DbOrTx; input: TPromisePreviewInput }): Promise<TPromisePreview> {
  const { db, input } = options;
  const customer = await findCustomerByCode(db, input.customer);
  if (!customer) throw AppError.invalidField("customer", `no customer with code "${input.customer}"`);
  // Line numbers follow the input's positions; lines without a quantity yet are left out.
  const lines = input.lines.map((line, i) => ({ ...line, lineNo: i + 1 })).filter((l) => l.quantity > 0);
  const region =
    input.shipToRegion ||
    (await db.select({ region: customerAddresses.region }).from(customerAddresses).where(and(eq(customerAddresses.customerId, customer.id), eq(customerAddresses.kind, "shipping"))))[0]?.region;
  const [availability, found] = await Promise.all([
    getAvailability(db, lines, { demandClass: customer.demandClass, supply: purchasingSupply, region: region ?? null }),
    lines.length ? db.select({ id: products.id, sku: products.sku }).from(products).where(inArray(products.sku, lines.map((l) => l.sku))) : Promise.resolve([]),
  ]);
  const codes = [...new Set(availability.map((a) => a?.bestWarehouse).filter((c): c is string => !!c))];
  const houses = codes.length ? await db.select({ id: warehouses.id, code: warehouses.code }).from(warehouses).where(inArray(warehouses.code, codes)) : [];
  const known = lines
    .map((line, i) => ({ line, i, availability: availability[i], productId: found.find((p) => p.sku === line.sku)?.id }))
    .filter((l): l is typeof l & { availability: NonNullable<typeof l.availability>; productId: string } => !!l.availability && !!l.productId);
  const policy = await choosePolicy(db, { channel: input.channel, customerId: customer.id, total: input.total ?? 0, productIds: known.map((k) => k.productId) });
  const now = clock.now();
  const today = clock.today();
  const warehouseOf = (code: string | null) => houses.find((h) => h.code === code)?.id ?? null;
  const transit = await transitDaysFor(db, region, houses.map((h) => h.id));
  const promises = linePromises(policy.steps, {
    start: now,
    now,
    today,
    progress: {},
    transit,
    lines: known.map((k) => ({
      lineId: String(k.line.lineNo),
      lineNo: k.line.lineNo,
      sku: k.line.sku,
      productId: k.productId,
      quantity: k.line.quantity,
      warehouseId: warehouseOf(k.availability.bestWarehouse),
      availableOn: k.availability.availableTotal >= k.line.quantity ? today : k.availability.promiseDate,
    })),
  });
  return {
    policy: { code: policy.code, name: policy.name, version: policy.version, chosenBy: policy.chosenBy },
    promisedDate: promises.length ? orderPromise(promises, today) : null,
    lines: promises.map((p) => ({
      sku: p.sku,
      lineNo: p.lineNo,
      availableOn: p.availableOn,
      transitDays: p.transitDays,
      promisedDate: p.promisedDate,
      sourcing: known.find((k) => k.line.lineNo === p.lineNo)?.availability.sourcing ?? { takes: [], short: 0 },
    })),
  };
}
