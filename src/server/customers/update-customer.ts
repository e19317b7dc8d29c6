import { and, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { resolveActiveCode } from "../settings";
import { getCustomer } from "./get-customer";
import { lockCustomer } from "./lock-customer";
import { customerAddresses, customers } from "./schema";
import type { TAddress, TCustomer, TUpdateCustomerInput } from "./schemas";

const DETAILS = ["name", "segment", "demandClass", "email", "billingEmail", "phone"] as const;

/**
 * Edits a customer's account details: name, segment, demand class, e-mail addresses, phone and addresses. Orders
 * keep the addresses they were entered with; new orders, invoices and e-mails take the new ones. An edit based on
 * an older version is refused (409 STALE_VERSION) rather than undoing someone else's. Audited with what changed.
 */
export async function updateCustomer(options: { db: Db; actor: Actor; input: TUpdateCustomerInput }): Promise<TCustomer> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const before = await lockCustomer(tx, input.code, input.version);
    const current = await getCustomer({ db: tx, code: before.code });
    const changes: Partial<Pick<TCustomer, (typeof DETAILS)[number]>> = {};
    for (const field of DETAILS) {
      const value = input[field];
      if (value !== undefined && value !== before[field]) Object.assign(changes, { [field]: value });
    }
    // An archived segment may stay on the customers that have it (Admin → Settings), not be chosen anew.
    if (changes.segment !== undefined) changes.segment = await resolveActiveCode(tx, "segments", changes.segment, "segment", { current: before.segment });
    const addresses = (["billing", "shipping"] as const).flatMap((kind) => {
      const field = `${kind}Address` as const;
      const address = input[field];
      return address && !sameAddress(address, current[field]) ? [{ kind, field, address }] : [];
    });
    if (Object.keys(changes).length === 0 && addresses.length === 0) return current;

    // What the customer is now: the one read, with the changes (no second read).
    const after: TCustomer = { ...current, ...changes, ...Object.fromEntries(addresses.map((a) => [a.field, a.address])), version: before.version + 1 };
    const changed = [...Object.keys(changes), ...addresses.map((a) => a.field)] as (keyof TCustomer)[];
    const pick = (c: TCustomer) => Object.fromEntries(changed.map((field) => [field, c[field]]));
    await Promise.all([
      tx.update(customers).set({ ...changes, version: after.version }).where(eq(customers.id, before.id)),
      ...addresses.map(({ kind, field, address }) =>
        current[field]
          ? tx.update(customerAddresses).set(address).where(and(eq(customerAddresses.customerId, before.id), eq(customerAddresses.kind, kind)))
          : tx.insert(customerAddresses).values({ customerId: before.id, kind, ...address }),
      ),
      recordAudit(tx, { entityType: "customer", entityId: before.code, action: "updated", actor, before: pick(current), after: pick(after) }),
    ]);
    return after;
  });
}

const sameAddress = (a: TAddress, b: TAddress | null) => b !== null && (Object.keys(a) as (keyof TAddress)[]).every((k) => a[k] === b[k]);

