import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { findWarehouseByCode } from "../inventory";
import { pickLists, shipments } from "./schema";

/** A warehouse's pick lists, open ones first, newest first; with how many shipments each carries and how many are picked. */
export async function listPickLists(options: { db: DbOrTx; input: { warehouse: string; status?: "open" | "completed"; limit: number } }) {
  const { db, input } = options;
  const warehouse = await findWarehouseByCode(db, input.warehouse);
  if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);
  const rows = await db
    .select({
      number: pickLists.number,
      status: pickLists.status,
      createdBy: pickLists.createdBy,
      createdAt: pickLists.createdAt,
      completedAt: pickLists.completedAt,
      shipments: sql<number>`count(${shipments.id})`.mapWith(Number),
      picked: sql<number>`count(${shipments.id}) filter (where ${shipments.status} <> 'picking')`.mapWith(Number),
    })
    .from(pickLists)
    .leftJoin(shipments, eq(shipments.pickListId, pickLists.id))
    .where(and(eq(pickLists.warehouseId, warehouse.id), input.status ? eq(pickLists.status, input.status) : undefined))
    .groupBy(pickLists.id)
    .orderBy(sql`${pickLists.status} = 'open' desc`, desc(pickLists.createdAt))
    .limit(input.limit);
  return rows.map((r) => ({ ...r, warehouse: warehouse.code, createdAt: r.createdAt.toISOString(), completedAt: r.completedAt?.toISOString() ?? null }));
}
