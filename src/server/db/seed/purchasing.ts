import { asc, eq, sql } from "drizzle-orm";
import { addDays, COMPANY_TIME_ZONE, todayIn } from "~/lib/dates";
import { DEMO_USERS } from "~/server/auth/demo-users";
import { categories, products } from "~/server/catalog/schema";
import { stockLevels, stockMovements, warehouses } from "~/server/inventory/schema";
import type { PurchaseOrderStatus } from "~/server/purchasing/constants";
import { productVendors, purchaseOrderLines, purchaseOrders, vendors } from "~/server/purchasing/schema";
import type { Db, Tx } from "../client";
import { auditEvents } from "../schema";
import { SEQUENCED_DOCUMENTS, reserveDocumentNumbers } from "../sequences";
import { insertRows } from "../bulk";
import { productPopularity } from "./market";
import { deriveSeed, Random } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The usual vendors of the demo distributor, each supplying a few of the catalog's categories. */
export const VENDOR_SPECS = [
  { code: "MFS", name: "Midwest Fastener Supply", contact: "Dale Kowalski", leadTimeDays: 7, categories: ["BLT", "NUT", "ANC"] },
  { code: "KPF", name: "Keystone Plumbing & Fluid Power", contact: "Angela Ruiz", leadTimeDays: 14, categories: ["FIT", "HYD", "VAL", "PLB", "PNE"] },
  { code: "RTC", name: "Ridgeline Tool Company", contact: "Marcus Bell", leadTimeDays: 21, categories: ["HTL", "PWT", "PTA", "ABR", "SAW", "MSR"] },
  { code: "SSP", name: "Sentinel Safety Products", contact: "Priya Natarajan", leadTimeDays: 10, categories: ["GLV", "EYE", "RSP", "FAL", "HIV", "FAK"] },
  { code: "TSC", name: "Tri-State Chemical & Janitorial", contact: "Gary Olsen", leadTimeDays: 5, categories: ["ADH", "TAP", "LUB", "CHM", "JAN", "PAK"] },
  { code: "GLE", name: "Great Lakes Electric Supply", contact: "Tanya Brooks", leadTimeDays: 12, categories: ["WIR", "CND", "ELC", "LGT", "BAT"] },
  { code: "PTP", name: "Power Transmission Partners", contact: "Luis Ortega", leadTimeDays: 30, categories: ["MOT", "BRG", "PTR", "WLD"] },
  { code: "AMH", name: "Atlas Material Handling", contact: "Karen Whitfield", leadTimeDays: 25, categories: ["MHD", "SHL", "HVC", "PNT", "GRD", "LAD"] },
] as const;

/** How many purchase orders of each status the demo gets (40 in all). */
const PLAN: { status: PurchaseOrderStatus; count: number }[] = [
  { status: "received", count: 16 },
  { status: "closed", count: 3 },
  { status: "canceled", count: 2 },
  { status: "sent", count: 12 },
  { status: "partially_received", count: 3 },
  { status: "draft", count: 4 },
];
/** Expected dates of the sent orders, in days from today: two are overdue, the rest spread over a month. */
const SENT_EXPECTED = [-3, -1, 2, 4, 6, 9, 12, 15, 18, 22, 26, 30];
const PARTIAL_EXPECTED = [-2, 1, 5];
const CLOSE_REASONS = ["Vendor discontinued the item", "Remainder back-ordered at the vendor for months; sourcing elsewhere", "Short shipment accepted, balance canceled"];
const CANCEL_REASONS = ["Ordered twice", "Found stock to transfer from another DC instead"];

export type PurchasingSeedSummary = { vendors: number; purchaseOrders: number; purchaseOrderLines: number; receiptMovements: number };

type Line = { productId: string; quantity: number; received: number; unitCost: number };
type Receipt = { at: Date; lines: { productId: string; sku: string; quantity: number }[] };
type Plan = {
  vendor: number;
  warehouseId: string;
  warehouseCode: string;
  status: PurchaseOrderStatus;
  createdAt: Date;
  sentAt: Date | null;
  closedAt: Date | null;
  expectedDate: string;
  lines: Line[];
  receipts: Receipt[];
  reason: string | null;
};

/**
 * Vendors, every product's usual vendor and ~40 purchase orders in every status, with receipts that go
 * through the ledger: each receipt is a `receipt` movement and raises on hand by the same amount, so
 * on hand stays the sum of the ledger. Runs after the master data and before the orders, which then
 * see the received stock and the inbound quantities like any other.
 */
export async function seedPurchasing(db: Db, options: { seed: number; now: Date }): Promise<PurchasingSeedSummary> {
  const random = new Random(deriveSeed(options.seed, "purchasing"));
  const { now } = options;
  const today = todayIn(COMPANY_TIME_ZONE, now);
  const manager = DEMO_USERS.find((u) => u.role === "manager")?.name ?? "System";
  const receiver = DEMO_USERS.find((u) => u.role === "warehouse")?.name ?? "System";

  const [catalog, levelRows, warehouseRows] = await Promise.all([
    db
      .select({ id: products.id, sku: products.sku, cost: products.cost, category: categories.code })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .orderBy(asc(products.sku)),
    db
      .select({ productId: stockLevels.productId, warehouseId: stockLevels.warehouseId, reorderQuantity: stockLevels.reorderQuantity })
      .from(stockLevels),
    db.select({ id: warehouses.id, code: warehouses.code }).from(warehouses).orderBy(asc(warehouses.priority), asc(warehouses.code)),
  ]);
  if (catalog.length === 0 || warehouseRows.length === 0) throw new Error("Seeding purchasing needs products and warehouses");
  const reorderQuantity = new Map(levelRows.map((l) => [`${l.productId}/${l.warehouseId}`, l.reorderQuantity ?? 0]));

  // Vendors, created two years ago like the catalog.
  const createdAt = new Date(now.getTime() - 730 * DAY);
  const vendorRows = VENDOR_SPECS.map((spec) => {
    const domain = spec.name.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "");
    return {
      id: random.uuid(),
      code: spec.code,
      name: spec.name,
      contactName: spec.contact,
      email: `orders@${domain.slice(0, 24)}.com`,
      phone: random.faker.phone.number({ style: "national" }),
      leadTimeDays: spec.leadTimeDays,
      createdAt,
      updatedAt: createdAt,
    };
  });

  // Every product gets a usual vendor: the one for its category (else one picked by its SKU).
  const vendorOfCategory = new Map<string, number>(VENDOR_SPECS.flatMap((spec, v) => spec.categories.map((c) => [c, v] as const)));
  const productsOfVendor: (typeof catalog)[] = VENDOR_SPECS.map(() => []);
  const assignments = catalog.map((product) => {
    const v = vendorOfCategory.get(product.category) ?? Math.floor(random.next() * VENDOR_SPECS.length);
    productsOfVendor[v]!.push(product);
    return {
      productId: product.id,
      vendorId: vendorRows[v]!.id,
      // About half of the catalog has the vendor's own part number on file.
      vendorSku: random.chance(0.5) ? `${VENDOR_SPECS[v]!.code}-${product.sku.replace(/-/g, "")}` : null,
    };
  });

  // Purchase orders, planned per status.
  const plans: Plan[] = [];
  const newLines = (vendor: number, warehouseId: string): Line[] => {
    const choices = productsOfVendor[vendor]!;
    const count = Math.min(choices.length, random.int(2, 7));
    const picked = new Map<string, (typeof catalog)[number]>();
    // Popular products are bought more often.
    for (let attempt = 0; picked.size < count && attempt < 200; attempt++) {
      const product = random.pick(choices);
      if (random.next() < 0.2 + productPopularity(product.sku)) picked.set(product.id, product);
    }
    return [...picked.values()].map((product) => {
      const lot = reorderQuantity.get(`${product.id}/${warehouseId}`) ?? 0;
      const quantity = Math.max(5, lot > 0 ? lot : random.int(10, 200));
      // Vendors quote a little under or over the last cost on file.
      return { productId: product.id, quantity, received: 0, unitCost: Math.max(1, Math.round(product.cost * random.float(0.95, 1.05))) };
    });
  };
  const skuOf = new Map(catalog.map((p) => [p.id, p.sku]));
  const receiptOf = (at: Date, lines: Line[], share: (line: Line) => number): Receipt => {
    const received: Receipt["lines"] = [];
    for (const line of lines) {
      const quantity = Math.min(line.quantity - line.received, share(line));
      if (quantity <= 0) continue;
      line.received += quantity;
      received.push({ productId: line.productId, sku: skuOf.get(line.productId)!, quantity });
    }
    return { at, lines: received };
  };
  const businessHour = (date: Date) => new Date(Math.floor(date.getTime() / DAY) * DAY + random.int(13, 22) * HOUR + random.int(0, 59) * 60_000);
  const dateOf = (date: Date) => todayIn(COMPANY_TIME_ZONE, date);
  const atDate = (isoDate: string) => businessHour(new Date(`${isoDate}T00:00:00Z`));

  for (const { status, count } of PLAN) {
    for (let i = 0; i < count; i++) {
      const vendor = random.int(0, VENDOR_SPECS.length - 1);
      const lead = VENDOR_SPECS[vendor]!.leadTimeDays;
      const warehouse = random.chance(0.5) ? warehouseRows[0]! : random.pick(warehouseRows);
      const lines = newLines(vendor, warehouse.id);
      const plan: Plan = {
        vendor,
        warehouseId: warehouse.id,
        warehouseCode: warehouse.code,
        status,
        createdAt: now,
        sentAt: null,
        closedAt: null,
        expectedDate: today,
        lines,
        receipts: [],
        reason: null,
      };
      if (status === "received" || status === "closed" || status === "canceled") {
        // History: created 10–150 days ago, delivered around the expected date, always before today.
        const created = businessHour(new Date(now.getTime() - random.int(lead + 10, 150) * DAY));
        plan.createdAt = created;
        plan.sentAt = new Date(created.getTime() + random.int(1, 20) * HOUR);
        plan.expectedDate = addDays(dateOf(created), lead);
        const deliveredOn = addDays(plan.expectedDate, random.int(-2, 4));
        const delivered = atDate(deliveredOn < today ? deliveredOn : addDays(today, -1));
        if (status === "received") {
          if (random.chance(0.3)) {
            // Delivered in two drops.
            plan.receipts.push(receiptOf(delivered, lines, (l) => Math.ceil(l.quantity * random.float(0.3, 0.7))));
            const second = Math.max(delivered.getTime() + HOUR, Math.min(delivered.getTime() + random.int(2, 6) * DAY, now.getTime() - HOUR));
            plan.receipts.push(receiptOf(new Date(second), lines, (l) => l.quantity));
          } else {
            plan.receipts.push(receiptOf(delivered, lines, (l) => l.quantity));
          }
        } else if (status === "closed") {
          plan.receipts.push(receiptOf(delivered, lines, (l) => (random.chance(0.7) ? Math.floor(l.quantity * random.float(0.4, 0.9)) : 0)));
          if (plan.receipts[0]!.lines.length === 0) plan.receipts[0] = receiptOf(delivered, lines, (l) => Math.floor(l.quantity / 2));
          plan.closedAt = new Date(Math.min(delivered.getTime() + random.int(3, 10) * DAY, now.getTime() - HOUR));
          plan.reason = CLOSE_REASONS[i % CLOSE_REASONS.length]!;
        } else {
          plan.sentAt = i % 2 === 0 ? plan.sentAt : null;
          plan.closedAt = new Date(created.getTime() + random.int(1, 5) * DAY);
          plan.reason = CANCEL_REASONS[i % CANCEL_REASONS.length]!;
        }
      } else if (status === "sent" || status === "partially_received") {
        const offset = status === "sent" ? SENT_EXPECTED[i % SENT_EXPECTED.length]! : PARTIAL_EXPECTED[i % PARTIAL_EXPECTED.length]!;
        plan.expectedDate = addDays(today, offset);
        // Ordered one lead time before the expected date, but never in the future.
        const ordered = Math.min(new Date(`${addDays(plan.expectedDate, -lead)}T00:00:00Z`).getTime(), now.getTime() - 2 * DAY);
        plan.createdAt = businessHour(new Date(ordered));
        plan.sentAt = new Date(plan.createdAt.getTime() + random.int(1, 6) * HOUR);
        if (status === "partially_received") {
          const firstDrop = new Date(Math.min(plan.sentAt.getTime() + Math.max(1, lead - 3) * DAY, now.getTime() - 3 * HOUR));
          plan.receipts.push(receiptOf(firstDrop, lines, (l) => (l === lines[0] || random.chance(0.5) ? Math.floor(l.quantity * random.float(0.25, 0.75)) : 0)));
        }
      } else {
        // Drafts: started in the last three days, not sent yet.
        plan.createdAt = new Date(now.getTime() - random.int(2, 72) * HOUR);
        plan.expectedDate = addDays(today, lead);
      }
      plans.push(plan);
    }
  }
  // Numbers follow creation, like documents created through the app.
  plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  return db.transaction(async (tx) => {
    await insertRows(tx, vendors, vendorRows);
    await insertRows(tx, productVendors, assignments);
    const first = await reserveDocumentNumbers(tx, "purchase_order", plans.length);

    const poRows: (typeof purchaseOrders.$inferInsert)[] = [];
    const lineRows: (typeof purchaseOrderLines.$inferInsert)[] = [];
    const movementRows: (typeof stockMovements.$inferInsert)[] = [];
    const auditRows: (typeof auditEvents.$inferInsert)[] = [];
    const onHandIncrease = new Map<string, { productId: string; warehouseId: string; quantity: number }>();

    plans.forEach((plan, index) => {
      const id = random.uuid();
      const number = `${SEQUENCED_DOCUMENTS.purchase_order.prefix}${first + index}`;
      const spec = VENDOR_SPECS[plan.vendor]!;
      const audit = (action: string, at: Date, actor: string, before: unknown, after: unknown) =>
        auditRows.push({ entityType: "purchase_order", entityId: number, action, actor, before, after, createdAt: at });
      audit("created", plan.createdAt, manager, null, {
        status: "draft",
        vendor: spec.code,
        warehouse: plan.warehouseCode,
        expectedDate: plan.expectedDate,
        lines: plan.lines.map((l) => ({ sku: skuOf.get(l.productId), quantity: l.quantity, unitCost: l.unitCost })),
      });
      let status: PurchaseOrderStatus = "draft";
      if (plan.sentAt) {
        audit("sent", plan.sentAt, manager, { status }, { status: "sent" });
        status = "sent";
      }
      const progress = plan.lines.map(() => 0);
      for (const receipt of plan.receipts) {
        for (const line of receipt.lines) {
          const i = plan.lines.findIndex((l) => l.productId === line.productId);
          progress[i] = (progress[i] ?? 0) + line.quantity;
          movementRows.push({
            productId: line.productId,
            warehouseId: plan.warehouseId,
            kind: "receipt",
            quantity: line.quantity,
            reason: "purchase_order",
            reference: number,
            actor: receiver,
            createdAt: receipt.at,
          });
          const key = `${line.productId}/${plan.warehouseId}`;
          const entry = onHandIncrease.get(key) ?? { productId: line.productId, warehouseId: plan.warehouseId, quantity: 0 };
          entry.quantity += line.quantity;
          onHandIncrease.set(key, entry);
        }
        const next: PurchaseOrderStatus = plan.lines.every((l, i) => (progress[i] ?? 0) >= l.quantity) ? "received" : "partially_received";
        audit("received", receipt.at, receiver, { status }, { status: next, warehouse: plan.warehouseCode, lines: receipt.lines.map(({ sku, quantity }) => ({ sku, quantity })) });
        status = next;
      }
      if (plan.status === "closed" || plan.status === "canceled") {
        const notDelivered = plan.lines.filter((l) => l.quantity > l.received).map((l) => ({ sku: skuOf.get(l.productId), quantity: l.quantity - l.received }));
        audit(plan.status, plan.closedAt!, manager, { status }, plan.status === "closed" ? { status: "closed", reason: plan.reason, notDelivered } : { status: "canceled", reason: plan.reason });
        status = plan.status;
      }
      if (status !== plan.status) throw new Error(`seed: ${number} ended ${status}, planned ${plan.status}`);
      const changes = auditRows.filter((a) => a.entityId === number).length;
      const updatedAt = new Date(Math.max(...auditRows.filter((a) => a.entityId === number).map((a) => (a.createdAt as Date).getTime())));
      poRows.push({
        id,
        number,
        vendorId: vendorRows[plan.vendor]!.id,
        warehouseId: plan.warehouseId,
        status: plan.status,
        currency: "USD",
        expectedDate: plan.expectedDate,
        notes: null,
        createdBy: manager,
        sentAt: plan.sentAt,
        closedAt: plan.closedAt,
        version: changes,
        createdAt: plan.createdAt,
        updatedAt,
      });
      plan.lines.forEach((line, i) =>
        lineRows.push({ id: random.uuid(), purchaseOrderId: id, lineNo: i + 1, productId: line.productId, quantity: line.quantity, received: line.received, unitCost: line.unitCost }),
      );
    });

    await insertRows(tx, purchaseOrders, poRows);
    await insertRows(tx, purchaseOrderLines, lineRows);
    if (movementRows.length > 0) await insertRows(tx, stockMovements, movementRows);
    await insertRows(tx, auditEvents, auditRows);
    await raiseOnHand(tx, [...onHandIncrease.values()]);
    return { vendors: vendorRows.length, purchaseOrders: poRows.length, purchaseOrderLines: lineRows.length, receiptMovements: movementRows.length };
  });
}

/** On hand rises by what was received, in one statement; the level rows exist (opening stock). */
async function raiseOnHand(tx: Tx, increases: { productId: string; warehouseId: string; quantity: number }[]) {
  if (increases.length === 0) return;
  const updated = await tx.execute(sql`
    update ${stockLevels} s set on_hand = s.on_hand + r.quantity
    from unnest(
      ${sql.param(increases.map((i) => i.productId))}::text[]::uuid[],
      ${sql.param(increases.map((i) => i.warehouseId))}::text[]::uuid[],
      ${sql.param(increases.map((i) => String(i.quantity)))}::text[]::integer[]
    ) as r(product_id, warehouse_id, quantity)
    where s.product_id = r.product_id and s.warehouse_id = r.warehouse_id`);
  const count = (updated as unknown as { affectedRows?: number; count?: number }).affectedRows ?? (updated as unknown as { count?: number }).count;
  if (count !== undefined && count !== increases.length) throw new Error(`seed: ${increases.length - count} receipts had no stock level to raise`);
}
