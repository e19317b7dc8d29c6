import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError, isUniqueViolation } from "../errors";
import type { TCreateVendorInput, TVendor } from "./schemas";
import { vendors } from "./schema";
import { toVendorDto, vendorAuditView } from "./vendor-queries";

export async function createVendor(options: { db: Db; actor: Actor; input: TCreateVendorInput }): Promise<TVendor> {
  const { db, actor, input } = options;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(vendors)
        .values({
          code: input.code,
          name: input.name,
          contactName: input.contactName || null,
          email: input.email || null,
          phone: input.phone || null,
          leadTimeDays: input.leadTimeDays ?? 14,
        })
        .returning();
      const dto = toVendorDto(row!, { productCount: 0, openPurchaseOrders: 0 });
      await recordAudit(tx, { entityType: "vendor", entityId: dto.code, action: "created", actor, after: vendorAuditView(dto) });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error, "vendors_code_uq")) {
      throw new AppError("conflict", "VENDOR_CODE_TAKEN", `code: a vendor with code "${input.code}" already exists.`, {
        fields: { code: ["is already used by another vendor"] },
      });
    }
    throw error;
  }
}
