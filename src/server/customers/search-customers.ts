import { asc, ilike, isNull, and, or } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { escapeLike } from "../db/search";
import { customers } from "./schema";

/** Type-ahead: customers whose name or code contains the text. */
export async function searchCustomers(db: DbOrTx, text: string, limit = 5) {
  const pattern = `%${escapeLike(text.trim())}%`;
  return db
    .select({ code: customers.code, name: customers.name })
    .from(customers)
    .where(and(isNull(customers.archivedAt), or(ilike(customers.name, pattern), ilike(customers.code, pattern))))
    .orderBy(asc(customers.name))
    .limit(limit);
}
