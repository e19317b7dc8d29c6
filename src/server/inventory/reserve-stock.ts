import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import type { DemandClass } from "../customers/constants";
import type { DbOrTx } from "../db";
import { executeRows } from "../db/execute";
import { heldBackFrom } from "./holdback-sql";
import { stockLevels, stockMovements, warehouses } from "./schema";
import { planSourcing, type SourcingPlan } from "./sourcing";

/**
 * Reserves up to `quantity` units of a product for an order, in the caller's transaction, and says where
 * they came from and how many are short (backordered).
 *
 * The product's stock rows are locked first (`FOR UPDATE`, in warehouse-id order so two orders never
 * lock them in opposite orders), the plan is made on numbers nobody else can change until commit, and
 * every take is still one guarded UPDATE (`on_hand − reserved ≥ q`) backed by the table's CHECK: under
 * any concurrency, reserved never exceeds on hand. Callers reserve several products in product-id order.
 */
export async function reserveStock(
  tx: DbOrTx,
  input: { productId: string; quantity: number; region: string | null; demandClass: DemandClass; reference: string; actor: Actor },
  /**
   * The caller's record of each take (orders: its allocation per warehouse), as one INSERT … SELECT from
   * `source`, whose rows are `(warehouse_id uuid, quantity int)`: written in the same statement as the take.
   */
  recordTakes?: (source: SQL) => SQL,
): Promise<SourcingPlan> {
  if (input.quantity <= 0) return { takes: [], short: 0, homeWarehouseId: null };
  const single = await reserveFromOneWarehouse(tx, input, recordTakes);
  if (single) return { takes: [{ warehouseId: single, quantity: input.quantity }], short: 0, homeWarehouseId: single };

  // Split or short: the rows are already locked by the attempt above. Read them, plan, take.
  const levels = await tx
    .select({
      warehouseId: stockLevels.warehouseId,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
      priority: warehouses.priority,
      region: warehouses.region,
      heldBack: heldBackFrom(sql`${stockLevels.productId}`, sql`${stockLevels.warehouseId}`, input.demandClass),
    })
    .from(stockLevels)
    .innerJoin(warehouses, and(eq(warehouses.id, stockLevels.warehouseId), eq(warehouses.isActive, true), isNull(warehouses.archivedAt)))
    .where(eq(stockLevels.productId, input.productId))
    .orderBy(stockLevels.warehouseId)
    .for("update", { of: stockLevels });

  const plan = planSourcing(
    input.quantity,
    levels.map((l) => ({
      warehouseId: l.warehouseId,
      priority: l.priority,
      inRegion: !!input.region && l.region === input.region,
      available: l.onHand - l.reserved - l.heldBack,
    })),
  );
  // Never stocked anywhere: the backorder waits in the preferred active warehouse.
  if (!plan.homeWarehouseId) plan.homeWarehouseId = await preferredWarehouse(tx, input.region);

  for (const take of plan.takes) {
    // The guarded UPDATE and its ledger row in one statement.
    const written = await executeRows<{ id: number }>(
      tx,
      sql`with taken as (
            update ${stockLevels} set reserved = reserved + ${take.quantity}
            where product_id = ${input.productId} and warehouse_id = ${take.warehouseId} and on_hand - reserved >= ${take.quantity}
            returning product_id, warehouse_id)
          insert into ${stockMovements} (product_id, warehouse_id, kind, quantity, reason, reference, actor)
          select product_id, warehouse_id, 'reservation', ${take.quantity}, 'order', ${input.reference}, ${actorLabel(input.actor)} from taken
          returning id`,
    );
    // Unreachable while the rows are locked; if it ever happens the whole order rolls back rather than oversell.
    if (written.length === 0) throw new Error(`Stock for ${input.reference} changed under a row lock`);
  }
  if (recordTakes && plan.takes.length > 0) {
    const rows = sql.join(plan.takes.map((t) => sql`(${t.warehouseId}::uuid, ${t.quantity}::int)`), sql`, `);
    await tx.execute(recordTakes(sql`(values ${rows}) as takes(warehouse_id, quantity)`));
  }
  return plan;
}

async function preferredWarehouse(tx: DbOrTx, region: string | null): Promise<string | null> {
  const [row] = await tx
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(and(eq(warehouses.isActive, true), isNull(warehouses.archivedAt)))
    .orderBy(sql`${warehouses.region} = ${region ?? ""} desc`, warehouses.priority, warehouses.code)
    .limit(1);
  return row?.id ?? null;
}

/**
 * The common case in ONE statement (so the stock rows stay locked for one round trip and the commit): lock
 * the product's rows, pick the warehouse planSourcing would pick when one can fill the whole line (the
 * customer's region first, by priority; else the most available), take it with the guarded UPDATE, write
 * the ledger row and the caller's record. Returns the warehouse, or null when no single warehouse can
 * fill the line (the rows stay locked for the general path).
 */
async function reserveFromOneWarehouse(
  tx: DbOrTx,
  input: { productId: string; quantity: number; region: string | null; demandClass: DemandClass; reference: string; actor: Actor },
  recordTakes?: (source: SQL) => SQL,
): Promise<string | null> {
  const held = heldBackFrom(sql`l.product_id`, sql`l.warehouse_id`, input.demandClass);
  const region = input.region || null;
  const rows = await executeRows<{ warehouse_id: string }>(
    tx,
    sql`with locked as (
          select l.warehouse_id, l.on_hand - l.reserved - ${held} as available, w.priority, coalesce(w.region = ${region}::text, false) as in_region
          from ${stockLevels} l join ${warehouses} w on w.id = l.warehouse_id and w.is_active and w.archived_at is null
          where l.product_id = ${input.productId}
          order by l.warehouse_id
          for update of l),
        pick as (
          select warehouse_id from locked where available >= ${input.quantity}
          order by in_region desc, case when in_region then priority end, case when in_region then warehouse_id::text end,
                   available desc, priority, warehouse_id::text
          limit 1),
        taken as (
          update ${stockLevels} s set reserved = s.reserved + ${input.quantity}
          from pick where s.product_id = ${input.productId} and s.warehouse_id = pick.warehouse_id
            and s.on_hand - s.reserved >= ${input.quantity}
          returning s.warehouse_id, ${input.quantity}::int as quantity),
        ledger as (
          insert into ${stockMovements} (product_id, warehouse_id, kind, quantity, reason, reference, actor)
          select ${input.productId}, warehouse_id, 'reservation', quantity, 'order', ${input.reference}, ${actorLabel(input.actor)} from taken)
        ${recordTakes ? sql`, recorded as (${recordTakes(sql`taken`)})` : sql``}
        select warehouse_id from taken`,
  );
  return rows[0]?.warehouse_id ?? null;
}
