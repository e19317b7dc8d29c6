import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { can } from "./permissions";
import { ROLES } from "./roles";
import { users } from "./schema";

/** The roles that may look after an order: whoever may edit one (the permission table decides). */
export const ASSIGNABLE_ROLES = ROLES.filter((role) => can(role, "orders.edit"));

export type Assignee = { id: string; name: string };

/** The active users an order can be assigned to, by name. */
export async function listAssignees(db: DbOrTx): Promise<Assignee[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.isActive, true), inArray(users.role, ASSIGNABLE_ROLES)))
    .orderBy(asc(users.name), asc(users.email));
}

/** One assignable user, or null when the id names nobody active who may look after orders. */
export async function findAssignee(db: DbOrTx, id: string): Promise<Assignee | null> {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, id), eq(users.isActive, true), inArray(users.role, ASSIGNABLE_ROLES)));
  return row ?? null;
}
