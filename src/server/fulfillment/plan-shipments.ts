import { and, eq, inArray, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import type { Db, DbOrTx } from "../db";
import { nextDocumentNumberSql } from "../db/sequences";
import { AppError } from "../errors";
import { BLOCKING_TYPES, EXCEPTION_LABELS, exceptionsForOrder } from "../exceptions";
import { allocationsOf, findWarehouseByCode } from "../inventory";
import { loadOrderForFulfillment, recordOrderEvents } from "../orders";
import { OPEN_SHIPMENT_STATUSES } from "./constants";
import { toShipmentDtos, type ShipmentRow } from "./queries";
import { shipmentLines, shipments } from "./schema";
import type { TPlanShipmentsInput, TShipment } from "./schemas";

type Loaded = NonNullable<Awaited<ReturnType<typeof loadOrderForFulfillment>>>;

/**
 * `POST /orders/{number}/shipments`: plans shipments from what is reserved for the order and not on a
 * shipment yet — in one warehouse, or one shipment per warehouse that holds such units — optionally only
 * some SKUs and quantities. Never more than is reserved there. Only an open order can be planned: a held
 * order names its hold, a draft or an ended order says so (409).
 */
export async function planShipments(options: { db: Db; actor: Actor; input: TPlanShipmentsInput }): Promise<{ shipments: TShipment[] }> {
  const { db, actor, input } = options;
  const planned = await db.transaction(async (tx) => {
    const loaded = await loadOrderForFulfillment(tx, { number: input.number.trim().toUpperCase() }, { forUpdate: true });
    if (!loaded) throw AppError.notFound("order", input.number);
    const warehouseId = input.warehouse ? await warehouseIdOf(tx, input.warehouse) : undefined;
    return planInTx(tx, loaded, actor, { warehouseId, requested: input.lines });
  });
  return { shipments: await toShipmentDtos(db, planned) };
}

/** Plans in the caller's transaction, with the order row locked (it is the order's mutex). */
export async function planInTx(
  tx: DbOrTx,
  { order, lines }: Loaded,
  actor: Actor,
  /** holdEvents: the caller records the new shipments on the timeline as part of its own entry. */
  options: { warehouseId?: string; requested?: { sku: string; quantity: number }[]; holdEvents?: boolean } = {},
): Promise<ShipmentRow[]> {
  await assertPlannable(tx, order);
  const [allocations, open] = await Promise.all([allocationsOf(tx, order.id), openUnitsByLevel(tx, order.id)]);
  const plannable = new Map<string, number>();
  for (const a of allocations) {
    if (options.warehouseId && a.warehouseId !== options.warehouseId) continue;
    const free = a.quantity - (open.byLevel.get(levelKey(a.productId, a.warehouseId)) ?? 0);
    if (free > 0) plannable.set(levelKey(a.productId, a.warehouseId), free);
  }

  // Which units of which products each warehouse ships: everything plannable, or what was asked for.
  let wanted = [...plannable].map(([key, quantity]) => ({ ...parseLevel(key), quantity }));
  if (options.requested) {
    const productOf = new Map(lines.map(({ line, sku }) => [sku, line.productId]));
    wanted = options.requested.map((r, i) => {
      const productId = productOf.get(r.sku);
      if (!productId) throw AppError.invalidField(`lines.${i}.sku`, `${r.sku} is not on ${order.number}`);
      const candidates = [...plannable].filter(([key]) => key.startsWith(`${productId}:`));
      const free = candidates.reduce((sum, [, q]) => sum + q, 0);
      if (r.quantity > free || (!options.warehouseId && candidates.length > 1 && r.quantity > Math.max(...candidates.map(([, q]) => q)))) {
        throw new AppError(
          "conflict",
          "NOT_RESERVED",
          `Only ${free} of ${r.sku} ${options.warehouseId ? "reserved in that warehouse" : "reserved"} for ${order.number} are not on a shipment yet${candidates.length > 1 && !options.warehouseId ? " (name the warehouse to ship from)" : ""}.`,
          { fields: { [`lines.${i}.quantity`]: [`at most ${free} can be planned`] } },
        );
      }
      const [key] = candidates.sort((a, b) => b[1] - a[1])[0]!;
      return { ...parseLevel(key), quantity: r.quantity };
    });
  }
  if (wanted.length === 0) {
    throw new AppError("conflict", "NOTHING_TO_PLAN", `Nothing reserved for ${order.number}${options.warehouseId ? " in that warehouse" : ""} is waiting to be planned.`);
  }

  // Units go to the product's lines in line order, each up to what it has reserved and not yet planned.
  const roomOf = new Map(lines.map(({ line }) => [line.id, line.reserved - (open.byLine.get(line.id) ?? 0)]));
  const byWarehouse = new Map<string, { orderLineId: string; productId: string; quantity: number }[]>();
  for (const w of wanted.sort((a, b) => a.warehouseId.localeCompare(b.warehouseId) || a.productId.localeCompare(b.productId))) {
    let left = w.quantity;
    for (const { line } of lines.filter(({ line }) => line.productId === w.productId)) {
      const give = Math.min(left, roomOf.get(line.id) ?? 0);
      if (give <= 0) continue;
      roomOf.set(line.id, roomOf.get(line.id)! - give);
      left -= give;
      const list = byWarehouse.get(w.warehouseId) ?? [];
      list.push({ orderLineId: line.id, productId: w.productId, quantity: give });
      byWarehouse.set(w.warehouseId, list);
    }
  }

  const created: ShipmentRow[] = [];
  for (const [warehouseId, shipLines] of byWarehouse) {
    const [shipment] = await tx
      .insert(shipments)
      .values({ number: nextDocumentNumberSql("shipment"), orderId: order.id, warehouseId, plannedBy: actorLabel(actor) })
      .returning();
    await tx.insert(shipmentLines).values(shipLines.map((l) => ({ shipmentId: shipment!.id, ...l })));
    created.push(shipment!);
  }
  if (options.holdEvents) return created;
  await recordOrderEvents(
    tx,
    order.id,
    actor,
    created.map((s) => ({ type: "shipment_planned", data: { shipment: s.number, units: byWarehouse.get(s.warehouseId)!.reduce((sum, l) => sum + l.quantity, 0) } })),
  );
  return created;
}

/** Only an open order ships; a held one says which hold stops it. */
async function assertPlannable(db: DbOrTx, order: Loaded["order"]) {
  if (order.kind === "quote") throw new AppError("conflict", "NOT_AN_ORDER", `${order.number} is a quote: convert it to an order first.`);
  if (order.status === "open") return;
  if (order.status === "on_hold") {
    const holds = (await exceptionsForOrder(db, order.id)).filter((e) => e.status === "open" && BLOCKING_TYPES.includes(e.type));
    const names = holds.map((h) => EXCEPTION_LABELS[h.type].toLowerCase()).join(", ") || "a hold";
    throw new AppError("conflict", "ORDER_ON_HOLD", `${order.number} is on hold (${names}): release it before planning a shipment.`, { holds: holds.map((h) => h.type) });
  }
  const why = order.status === "draft" || order.status === "submitted" ? "has not been submitted" : `is ${order.status}`;
  throw new AppError("conflict", "ORDER_NOT_PLANNABLE", `${order.number} ${why}: only open orders ship.`, { status: order.status });
}

async function warehouseIdOf(db: DbOrTx, code: string) {
  const warehouse = await findWarehouseByCode(db, code);
  if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${code}"`);
  return warehouse.id;
}

const levelKey = (productId: string, warehouseId: string) => `${productId}:${warehouseId}`;
const parseLevel = (key: string) => {
  const [productId, warehouseId] = key.split(":") as [string, string];
  return { productId, warehouseId };
};

/** Units of the order on shipments that have not left, per stock row and per order line. */
async function openUnitsByLevel(db: DbOrTx, orderId: string) {
  const rows = await db
    .select({
      orderLineId: shipmentLines.orderLineId,
      productId: shipmentLines.productId,
      warehouseId: shipments.warehouseId,
      units: sql<number>`sum(coalesce(${shipmentLines.picked}, ${shipmentLines.quantity}))`.mapWith(Number),
    })
    .from(shipmentLines)
    .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
    .where(and(eq(shipments.orderId, orderId), inArray(shipments.status, [...OPEN_SHIPMENT_STATUSES])))
    .groupBy(shipmentLines.orderLineId, shipmentLines.productId, shipments.warehouseId);
  const byLevel = new Map<string, number>();
  const byLine = new Map<string, number>();
  for (const r of rows) {
    byLevel.set(levelKey(r.productId, r.warehouseId), (byLevel.get(levelKey(r.productId, r.warehouseId)) ?? 0) + r.units);
    byLine.set(r.orderLineId, (byLine.get(r.orderLineId) ?? 0) + r.units);
  }
  return { byLevel, byLine };
}
