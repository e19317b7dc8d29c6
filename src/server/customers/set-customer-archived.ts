import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { getCustomer } from "./get-customer";
import { lockCustomer } from "./lock-customer";
import { customers } from "./schema";
import type { TCustomer, TSetCustomerArchivedInput } from "./schemas";

/**
 * Archives a customer who no longer buys (no new orders or quotes for them; their open orders, invoices and
 * payments go on as before), or restores one. Audited.
 */
export async function setCustomerArchived(options: { db: Db; actor: Actor; input: TSetCustomerArchivedInput }): Promise<TCustomer> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const before = await lockCustomer(tx, input.code);
    if ((before.archivedAt !== null) === input.archived) return getCustomer({ db: tx, code: before.code });
    await Promise.all([
      tx.update(customers).set({ archivedAt: input.archived ? clock.now() : null, version: before.version + 1 }).where(eq(customers.id, before.id)),
      recordAudit(tx, { entityType: "customer", entityId: before.code, action: input.archived ? "archived" : "restored", actor }),
    ]);
    return getCustomer({ db: tx, code: before.code });
  });
}
