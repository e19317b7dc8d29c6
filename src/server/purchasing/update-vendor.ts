import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import type { TUpdateVendorInput, TVendor } from "./schemas";
import { vendors } from "./schema";
import { loadVendor, vendorAuditView } from "./vendor-queries";
import * as clock from "../clock";

/** Edits a vendor's fields; `archived: true` archives it (no new purchase orders), `false` restores it. */
export async function updateVendor(options: { db: Db; actor: Actor; input: TUpdateVendorInput }): Promise<TVendor> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(vendors).where(eq(vendors.code, input.code)).for("update");
    if (!current) throw AppError.notFound("vendor", input.code);
    const before = await loadVendor(tx, input.code);
    const set: Partial<typeof vendors.$inferInsert> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.contactName !== undefined) set.contactName = input.contactName;
    if (input.email !== undefined) set.email = input.email;
    if (input.phone !== undefined) set.phone = input.phone;
    if (input.leadTimeDays !== undefined) set.leadTimeDays = input.leadTimeDays;
    if (input.archived !== undefined && input.archived !== (current.archivedAt !== null)) {
      set.archivedAt = input.archived ? clock.now() : null;
    }
    if (Object.keys(set).length === 0) return before;
    await tx.update(vendors).set(set).where(eq(vendors.id, current.id));
    const after = await loadVendor(tx, input.code);
    const action = set.archivedAt !== undefined ? (set.archivedAt ? "archived" : "restored") : "updated";
    await recordAudit(tx, { entityType: "vendor", entityId: input.code, action, actor, before: vendorAuditView(before), after: vendorAuditView(after) });
    return after;
  });
}
