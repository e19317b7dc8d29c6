import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { carriers } from "./schema";
import type { TCarrier, TUpdateCarrierInput } from "./schemas";

/** An admin edits a carrier: its name, its tracking link (`{tracking}` where the number goes), or takes it out of use. Audited. */
export async function updateCarrier(options: { db: Db; actor: Actor; input: TUpdateCarrierInput }): Promise<TCarrier> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const code = input.code.trim().toUpperCase();
    const [before] = await tx.select().from(carriers).where(eq(carriers.code, code)).for("update");
    if (!before) throw AppError.notFound("carrier", input.code);
    const [after] = await tx
      .update(carriers)
      .set({ name: input.name ?? before.name, trackingUrlTemplate: input.trackingUrlTemplate ?? before.trackingUrlTemplate, isActive: input.isActive ?? before.isActive })
      .where(eq(carriers.code, code))
      .returning();
    const dto = (r: typeof after) => ({ code: r!.code, name: r!.name, trackingUrlTemplate: r!.trackingUrlTemplate, isActive: r!.isActive });
    await recordAudit(tx, { entityType: "carrier", entityId: code, action: "updated", actor, before: dto(before), after: dto(after) });
    return dto(after);
  });
}
