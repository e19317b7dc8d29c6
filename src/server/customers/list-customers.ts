import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import { withAddresses } from "./queries";
import { customers } from "./schema";
import type { TListCustomersInput } from "./schemas";

/** Active (or archived) customers by name (then code), keyset-paginated, optionally searched by name or code. */
export async function listCustomers(options: { db: DbOrTx; input: TListCustomersInput }) {
  const { db, input } = options;
  const sortName = sql<string>`lower(${customers.name})`;
  const conditions: (SQL | undefined)[] = [input.status === "archived" ? sql`${customers.archivedAt} is not null` : sql`${customers.archivedAt} is null`];
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    conditions.push(or(ilike(customers.name, pattern), ilike(customers.code, pattern)));
  }
  if (input.segment) conditions.push(eq(customers.segment, input.segment));
  if (input.cursor) {
    const [name, code] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(${sortName}, ${customers.code}) > (${String(name)}, ${String(code)})`);
  }
  const rows = await db
    .select()
    .from(customers)
    .where(and(...conditions))
    .orderBy(asc(sortName), asc(customers.code))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => r, (r) => [r.name.toLowerCase(), r.code]);
  return { items: await withAddresses(db, page.items), nextCursor: page.nextCursor };
}
