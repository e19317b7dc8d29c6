import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import type { DemandClass } from "../customers/constants";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { executeRows, executeRowsAfter } from "../db/execute";
import { heldBackFrom } from "./holdback-sql";
import { recordLowStock } from "./low-stock-webhook";
import { stockAllocations, stockBackorders, stockHoldbacks, stockLevels, stockMovements, warehouses } from "./schema";
import { planSourcing, type SourcingPlan } from "./sourcing";

/** Whose reservation it is: an order (orders owns it), its number, its customer's class and when it was placed. */
export type StockDemand = { orderId: string; reference: string; demandClass: DemandClass; queuedAt: Date };

type ReserveInput = { demand: StockDemand; productId: string; quantity: number; region: string | null; actor: Actor };

/**
 * Reserves up to `quantity` more units of a product for a demand, in the caller's transaction, records
 * where they sit (stock_allocations) and what stays short as the demand's backorder of the product
 * (stock_backorders, replacing any earlier one), and says where they came from.
 *
 * When one warehouse can fill the line, one statement takes it and locks only that row. Otherwise the
 * product's rows are all locked (`FOR UPDATE`, in warehouse-id order), the plan is made on numbers nobody
 * else can change until commit, and the takes follow. Every take is one guarded UPDATE
 * (`on_hand − reserved ≥ q`) backed by the table's CHECK: under any concurrency, reserved never exceeds
 * on hand. Callers reserve several products in product-id order, so locks are always taken in
 * (product, warehouse) order and never deadlock.
 */
export async function reserveStock(tx: DbOrTx, input: ReserveInput): Promise<SourcingPlan> {
  const plan = await reserveOne(tx, input);
  await recordLowStock(tx, plan.takes.map((t) => ({ productId: input.productId, warehouseId: t.warehouseId, quantity: t.quantity })));
  return plan;
}

async function reserveOne(tx: DbOrTx, input: ReserveInput): Promise<SourcingPlan> {
  if (input.quantity <= 0) {
    await setBackorder(tx, input.demand, input.productId, null, 0);
    return { takes: [], short: 0, homeWarehouseId: null };
  }
  // When the one-warehouse UPDATE waits for a row and then finds too little left in it, PostgreSQL keeps
  // that row locked. Undoing the miss to a savepoint lets it go, so the general way below still locks the
  // product's rows in warehouse order — holding one of them out of order deadlocks with another order.
  // Sent with the statement (one round trip).
  const single = await reserveFromOneWarehouse(tx, input, sql`savepoint one_warehouse`);
  if (single) {
    return { takes: [{ warehouseId: single, quantity: input.quantity }], short: 0, homeWarehouseId: single };
  }
  await tx.execute(sql`rollback to savepoint one_warehouse`);

  // Split, short, held back or raced: lock every row of the product (in warehouse order), read, plan, take.
  const levels = await tx
    .select({
      warehouseId: stockLevels.warehouseId,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
      priority: warehouses.priority,
      region: warehouses.region,
      heldBack: heldBackFrom(sql`${stockLevels.productId}`, sql`${stockLevels.warehouseId}`, input.demand.demandClass),
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

  const at = clock.now().toISOString();
  for (const take of plan.takes) {
    // The guarded UPDATE and its ledger row in one statement.
    const written = await executeRows<{ id: number }>(
      tx,
      sql`with taken as (
            update ${stockLevels} set reserved = reserved + ${take.quantity}
            where product_id = ${input.productId} and warehouse_id = ${take.warehouseId} and on_hand - reserved >= ${take.quantity}
            returning product_id, warehouse_id)
          insert into ${stockMovements} (product_id, warehouse_id, kind, quantity, reason, reference, actor, created_at)
          select product_id, warehouse_id, 'reservation', ${take.quantity}, 'order', ${input.demand.reference}, ${actorLabel(input.actor)}, ${at} from taken
          returning id`,
    );
    // Unreachable while the rows are locked; if it ever happens the whole order rolls back rather than oversell.
    if (written.length === 0) throw new Error(`Stock for ${input.demand.reference} changed under a row lock`);
  }
  if (plan.takes.length > 0) {
    const rows = sql.join(plan.takes.map((t) => sql`(${t.warehouseId}::uuid, ${t.quantity}::int)`), sql`, `);
    await tx.execute(recordAllocations(input.demand, input.productId, sql`(values ${rows}) as takes(warehouse_id, quantity)`));
  }
  await setBackorder(tx, input.demand, input.productId, plan.homeWarehouseId, plan.short);
  return plan;
}

/**
 * Reserves several products for one demand (an order's lines), taking the common case in ONE statement:
 * every product one warehouse can fill (and no other class holds back) is picked, its rows locked in
 * (product, warehouse) order, taken with the guarded UPDATE, written to the ledger and the allocations.
 * If any product needs more than that (a split, a shortage, a hold-back, or a pick someone took meanwhile),
 * the statement is undone back to a savepoint (its row locks go with it, so lock order is kept) and every
 * product is reserved one by one with reserveStock. Products must be distinct; a quantity of 0 clears the
 * product's backorder. Returns each product's plan.
 */
export async function reserveStockForLines(
  tx: DbOrTx,
  input: { demand: StockDemand; region: string | null; actor: Actor; lines: { productId: string; quantity: number }[] },
): Promise<Map<string, SourcingPlan>> {
  const lines = [...input.lines].sort((a, b) => a.productId.localeCompare(b.productId));
  const wanted = lines.filter((l) => l.quantity > 0);
  const plans = new Map<string, SourcingPlan>();
  if (wanted.length > 1) {
    // Sent with the statement (one round trip).
    const taken = await executeRowsAfter<{ product_id: string; warehouse_id: string }>(tx, sql`savepoint reserve_lines`, reserveManySql(input, wanted));
    if (taken.length === wanted.length) {
      for (const t of taken) plans.set(t.product_id, { takes: [{ warehouseId: t.warehouse_id, quantity: wanted.find((w) => w.productId === t.product_id)!.quantity }], short: 0, homeWarehouseId: t.warehouse_id });
    } else {
      await tx.execute(sql`rollback to savepoint reserve_lines`);
    }
  }
  for (const line of lines) {
    if (plans.has(line.productId)) continue;
    plans.set(line.productId, await reserveOne(tx, { demand: input.demand, productId: line.productId, quantity: line.quantity, region: input.region, actor: input.actor }));
  }
  await recordLowStock(tx, [...plans].flatMap(([productId, plan]) => plan.takes.map((t) => ({ productId, warehouseId: t.warehouseId, quantity: t.quantity }))));
  return plans;
}

/** The one statement of reserveStockForLines: pick, lock in order, take, ledger, allocations, backorders. */
function reserveManySql(input: { demand: StockDemand; region: string | null; actor: Actor }, lines: { productId: string; quantity: number }[]) {
  const region = input.region || null;
  const want = sql.join(lines.map((l) => sql`(${l.productId}::uuid, ${l.quantity}::int)`), sql`, `);
  const at = clock.now().toISOString();
  return sql`with want(product_id, quantity) as (values ${want}),
      pick as (
        select distinct on (want.product_id) want.product_id, want.quantity, l.warehouse_id
        from want join ${stockLevels} l on l.product_id = want.product_id
        join ${warehouses} w on w.id = l.warehouse_id and w.is_active and w.archived_at is null
        where l.on_hand - l.reserved >= want.quantity
          and not exists (select 1 from ${stockHoldbacks} h where h.product_id = want.product_id and h.demand_class <> ${input.demand.demandClass})
        order by want.product_id, coalesce(w.region = ${region}::text, false) desc,
                 case when w.region = ${region}::text then w.priority end, case when w.region = ${region}::text then l.warehouse_id::text end,
                 l.on_hand - l.reserved desc, w.priority, l.warehouse_id::text),
      locked as (
        select s.product_id, s.warehouse_id from ${stockLevels} s join pick p on p.product_id = s.product_id and p.warehouse_id = s.warehouse_id
        order by s.product_id, s.warehouse_id
        for update of s),
      taken as (
        update ${stockLevels} s set reserved = s.reserved + p.quantity
        from pick p
        where (s.product_id, s.warehouse_id) in (select product_id, warehouse_id from locked)
          and s.product_id = p.product_id and s.warehouse_id = p.warehouse_id and s.on_hand - s.reserved >= p.quantity
        returning s.product_id, s.warehouse_id, p.quantity),
      ledger as (
        insert into ${stockMovements} (product_id, warehouse_id, kind, quantity, reason, reference, actor, created_at)
        select product_id, warehouse_id, 'reservation', quantity, 'order', ${input.demand.reference}, ${actorLabel(input.actor)}, ${at}::timestamptz from taken),
      recorded as (
        insert into ${stockAllocations} (order_id, product_id, warehouse_id, demand_class, quantity, created_at)
        select ${input.demand.orderId}::uuid, product_id, warehouse_id, ${input.demand.demandClass}, quantity, ${at}::timestamptz from taken
        on conflict (order_id, product_id, warehouse_id) do update set quantity = ${stockAllocations}.quantity + excluded.quantity),
      filled as (
        delete from ${stockBackorders} where order_id = ${input.demand.orderId} and product_id in (select product_id from taken))
      select product_id, warehouse_id from taken`;
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
 * The common case in ONE statement, locking ONE stock row: pick the warehouse planSourcing would pick
 * when one can fill the whole line (the customer's region first, by priority; else the most available)
 * from a plain read, and take it with the guarded UPDATE (which re-checks `on_hand − reserved ≥ q` on the
 * row as it is once any other writer commits), writing the ledger row, the allocation, and dropping the
 * demand's backorder of it. The other warehouses' rows are not locked, so orders for the same SKU served
 * from different warehouses do not wait for each other. Products with hold-backs for another class go the
 * general way (all rows locked, then planned), as does a line no single warehouse can fill or a pick taken
 * by someone else meanwhile. Returns the warehouse, or null for the general way. `savepoint` goes first.
 */
async function reserveFromOneWarehouse(tx: DbOrTx, input: ReserveInput, savepoint: SQL): Promise<string | null> {
  const region = input.region || null;
  const rows = await executeRowsAfter<{ warehouse_id: string }>(
    tx,
    savepoint,
    sql`with pick as (
          select l.warehouse_id from ${stockLevels} l join ${warehouses} w on w.id = l.warehouse_id and w.is_active and w.archived_at is null
          where l.product_id = ${input.productId} and l.on_hand - l.reserved >= ${input.quantity}
          order by coalesce(w.region = ${region}::text, false) desc,
                   case when w.region = ${region}::text then w.priority end, case when w.region = ${region}::text then l.warehouse_id::text end,
                   l.on_hand - l.reserved desc, w.priority, l.warehouse_id::text
          limit 1),
        taken as (
          update ${stockLevels} s set reserved = s.reserved + ${input.quantity}
          from pick where s.product_id = ${input.productId} and s.warehouse_id = pick.warehouse_id
            and s.on_hand - s.reserved >= ${input.quantity}
            and not exists (select 1 from ${stockHoldbacks} h where h.product_id = ${input.productId} and h.demand_class <> ${input.demand.demandClass})
          returning s.warehouse_id, ${input.quantity}::int as quantity),
        ledger as (
          insert into ${stockMovements} (product_id, warehouse_id, kind, quantity, reason, reference, actor, created_at)
          select ${input.productId}, warehouse_id, 'reservation', quantity, 'order', ${input.demand.reference}, ${actorLabel(input.actor)},
                 ${clock.now().toISOString()}::timestamptz from taken),
        recorded as (${recordAllocations(input.demand, input.productId, sql`taken`)}),
        filled as (
          delete from ${stockBackorders} where order_id = ${input.demand.orderId} and product_id = ${input.productId} and exists (select 1 from taken))
        select warehouse_id from taken`,
  );
  return rows[0]?.warehouse_id ?? null;
}

/**
 * Adds reserved units to the demand's allocations from `source` rows `(warehouse_id, quantity)`: one row
 * per order, product and warehouse, added to when it exists.
 */
export const recordAllocations = (demand: StockDemand, productId: string, source: SQL) =>
  sql`insert into ${stockAllocations} (order_id, product_id, warehouse_id, demand_class, quantity, created_at)
      select ${demand.orderId}::uuid, ${productId}::uuid, warehouse_id, ${demand.demandClass}, quantity, ${clock.now().toISOString()}::timestamptz from ${source}
      on conflict (order_id, product_id, warehouse_id) do update set quantity = ${stockAllocations}.quantity + excluded.quantity`;

/** Sets what the demand still waits for of a product (none: the backorder goes). */
async function setBackorder(tx: DbOrTx, demand: StockDemand, productId: string, warehouseId: string | null, quantity: number) {
  const key = and(eq(stockBackorders.orderId, demand.orderId), eq(stockBackorders.productId, productId));
  if (quantity <= 0 || !warehouseId) {
    await tx.delete(stockBackorders).where(key);
    return;
  }
  await tx
    .insert(stockBackorders)
    .values({ orderId: demand.orderId, productId, warehouseId, demandClass: demand.demandClass, quantity, reference: demand.reference, queuedAt: demand.queuedAt })
    .onConflictDoUpdate({ target: [stockBackorders.orderId, stockBackorders.productId], set: { quantity, warehouseId } });
}
