import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import type { DemandClass } from "../customers/constants";
import type { DbOrTx } from "../db";
import { stockHoldbacks, stockLevels, stockMovements, warehouses } from "./schema";
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
  const activeWarehouses = await tx
    .select({ id: warehouses.id, priority: warehouses.priority, region: warehouses.region })
    .from(warehouses)
    .where(and(eq(warehouses.isActive, true), isNull(warehouses.archivedAt)));
  if (activeWarehouses.length === 0) return { takes: [], short: input.quantity, homeWarehouseId: null };
  const warehouseIds = activeWarehouses.map((w) => w.id);

  const levels = await tx
    .select({ warehouseId: stockLevels.warehouseId, onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.productId, input.productId), inArray(stockLevels.warehouseId, warehouseIds)))
    .orderBy(stockLevels.warehouseId)
    .for("update");
  const heldBack = await tx
    .select({ warehouseId: stockHoldbacks.warehouseId, quantity: sql<number>`sum(${stockHoldbacks.quantity})`.mapWith(Number) })
    .from(stockHoldbacks)
    .where(and(eq(stockHoldbacks.productId, input.productId), ne(stockHoldbacks.demandClass, input.demandClass)))
    .groupBy(stockHoldbacks.warehouseId);

  const plan = planSourcing(
    input.quantity,
    activeWarehouses.map((w) => {
      const level = levels.find((l) => l.warehouseId === w.id);
      const held = heldBack.find((h) => h.warehouseId === w.id)?.quantity ?? 0;
      return {
        warehouseId: w.id,
        priority: w.priority,
        inRegion: !!input.region && w.region === input.region,
        available: level ? level.onHand - level.reserved - held : 0,
      };
    }),
  );

  for (const take of plan.takes) {
    const updated = await tx
      .update(stockLevels)
      .set({ reserved: sql`${stockLevels.reserved} + ${take.quantity}` })
      .where(
        and(
          eq(stockLevels.productId, input.productId),
          eq(stockLevels.warehouseId, take.warehouseId),
          sql`${stockLevels.onHand} - ${stockLevels.reserved} >= ${take.quantity}`,
        ),
      )
      .returning({ reserved: stockLevels.reserved });
    // Unreachable while the rows are locked; if it ever happens the whole order rolls back rather than oversell.
    if (updated.length === 0) throw new Error(`Stock of ${input.reference} changed under a row lock`);
  }
  if (plan.takes.length > 0) {
    await tx.insert(stockMovements).values(
      plan.takes.map((take) => ({
        productId: input.productId,
        warehouseId: take.warehouseId,
        kind: "reservation" as const,
        quantity: take.quantity,
        reason: "order",
        reference: input.reference,
        actor: actorLabel(input.actor),
      })),
    );
  }
  return plan;
}
