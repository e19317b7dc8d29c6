import { asc, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { AppError, isUniqueViolation } from "../errors";
import { warehouses } from "./schema";
import type { TCreateWarehouseInput, TWarehouse } from "./schemas";

type WarehouseRow = typeof warehouses.$inferSelect;

export const toWarehouseDto = (row: WarehouseRow): TWarehouse => ({
  code: row.code,
  name: row.name,
  address: { line1: row.line1, city: row.city, region: row.region, postalCode: row.postalCode, country: row.country },
  priority: row.priority,
  isActive: row.isActive,
});

export async function listWarehouses(options: { db: DbOrTx }): Promise<TWarehouse[]> {
  const rows = await options.db.select().from(warehouses).orderBy(asc(warehouses.priority), asc(warehouses.code));
  return rows.map(toWarehouseDto);
}

export async function findWarehouseByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(warehouses).where(eq(warehouses.code, code)).limit(1);
  return row;
}

export async function createWarehouse(options: { db: Db; actor: Actor; input: TCreateWarehouseInput }): Promise<TWarehouse> {
  const { db, actor, input } = options;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(warehouses)
        .values({ code: input.code, name: input.name, priority: input.priority, ...input.address })
        .returning();
      const dto = toWarehouseDto(row!);
      await recordAudit(tx, { entityType: "warehouse", entityId: dto.code, action: "created", actor, after: dto });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error, "warehouses_code_uq")) {
      throw new AppError("conflict", "WAREHOUSE_CODE_TAKEN", `code: a warehouse with code "${input.code}" already exists.`, {
        fields: { code: ["is already used by another warehouse"] },
      });
    }
    throw error;
  }
}
