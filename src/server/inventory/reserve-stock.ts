import { and, eq, isNull, sql } from "drizzle-orm";
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
): Promise<SourcingPlan> {
  if (input.quantity <= 0) return { takes: [], short: 0, homeWarehouseId: null };
  // One round trip: the product's rows in active warehouses, locked, with what is held back from this class.
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
