import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../../auth/actor";
import type { Db, DbOrTx } from "../../db";
import { recordAudit } from "../../db/audit";
import { AppError } from "../../errors";
import { warehouses } from "../../inventory";
import type { TSaveTransitTimesInput, TTransitTime } from "../policies/schemas";
import { transitTimes } from "../schema";

/** Business days in transit when the admin has no row for the warehouse and region, nor a default ("*"). */
export const DEFAULT_TRANSIT_DAYS = 3;
export const ANY_REGION = "*";

/** Transit business days from each warehouse to a region: its row, else the warehouse's "*" row, else the default. */
export async function transitDaysFor(db: DbOrTx, region: string | null | undefined, warehouseIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(warehouseIds)];
  return ids.length ? daysByWarehouse(await transitRows(db, region, ids), ids) : new Map();
}

/**
 * A region's transit from every warehouse, read before the order's warehouses are known (a submission reads it
 * with its reservation): the answer gives what transitDaysFor would for the warehouses it is handed.
 */
export async function transitToRegion(db: DbOrTx, region: string | null | undefined): Promise<(warehouseIds: string[]) => Map<string, number>> {
  const rows = await transitRows(db, region);
  return (warehouseIds) => daysByWarehouse(rows, [...new Set(warehouseIds)]);
}

function transitRows(db: DbOrTx, region: string | null | undefined, warehouseIds?: string[]) {
  const wanted = [ANY_REGION, ...(region ? [region.trim().toUpperCase()] : [])];
  return db
    .select({ warehouseId: transitTimes.warehouseId, region: transitTimes.region, days: transitTimes.days })
    .from(transitTimes)
    .where(and(warehouseIds ? inArray(transitTimes.warehouseId, warehouseIds) : undefined, inArray(transitTimes.region, wanted)));
}

function daysByWarehouse(rows: { warehouseId: string; region: string; days: number }[], ids: string[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const id of ids) {
    const own = rows.find((r) => r.warehouseId === id && r.region !== ANY_REGION);
    const fallback = rows.find((r) => r.warehouseId === id && r.region === ANY_REGION);
    days.set(id, own?.days ?? fallback?.days ?? DEFAULT_TRANSIT_DAYS);
  }
  return days;
}

/** The transit table by warehouse code and region. */
export async function listTransitTimes(options: { db: DbOrTx }): Promise<(TTransitTime & { warehouseName: string })[]> {
  const rows = await options.db
    .select({ warehouse: warehouses.code, warehouseName: warehouses.name, region: transitTimes.region, days: transitTimes.days })
    .from(transitTimes)
    .innerJoin(warehouses, eq(warehouses.id, transitTimes.warehouseId))
    .orderBy(asc(warehouses.code), asc(transitTimes.region));
  return rows;
}

/** An admin saves the whole transit table (the page edits it as one grid); promise dates use it from then on. */
export async function saveTransitTimes(options: { db: Db; actor: Actor; input: TSaveTransitTimesInput }) {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const codes = [...new Set(input.times.map((t) => t.warehouse.toUpperCase()))];
    const found = codes.length ? await tx.select({ id: warehouses.id, code: warehouses.code }).from(warehouses).where(inArray(warehouses.code, codes)) : [];
    const seen = new Set<string>();
    const rows = input.times.map((t, i) => {
      const warehouse = found.find((w) => w.code === t.warehouse.toUpperCase());
      if (!warehouse) throw AppError.invalidField(`times.${i}.warehouse`, `no warehouse with code "${t.warehouse}"`);
      const key = `${warehouse.id}:${t.region}`;
      if (seen.has(key)) throw AppError.invalidField(`times.${i}.region`, `${warehouse.code} → ${t.region} is listed twice`);
      seen.add(key);
      return { warehouseId: warehouse.id, region: t.region, days: t.days };
    });
    const before = await listTransitTimes({ db: tx });
    await tx.delete(transitTimes).where(sql`true`); // the whole table is replaced
    if (rows.length > 0) await tx.insert(transitTimes).values(rows);
    const after = await listTransitTimes({ db: tx });
    await recordAudit(tx, { entityType: "transit_times", entityId: "all", action: "updated", actor, before, after });
    return after;
  });
}
