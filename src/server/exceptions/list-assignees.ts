import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { ROLES, type Role } from "../auth/roles";
import { users } from "../auth/schema";
import type { DbOrTx } from "../db";
import { canWork, EXCEPTION_TYPES } from "./constants";

export const ZListAssigneesInput = z.object({
  /** The types to be assigned: only people whose role works all of them are listed. */
  types: z.array(z.enum(EXCEPTION_TYPES)).max(EXCEPTION_TYPES.length).default([]),
});

/** Active users who may be given exceptions of these types (their team's, or managers and admins). */
export async function listAssignees(options: { db: DbOrTx; input: z.infer<typeof ZListAssigneesInput> }) {
  const roles = ROLES.filter((role: Role) => options.input.types.every((type) => canWork(role, type)));
  if (roles.length === 0) return [];
  return options.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.isActive, true), inArray(users.role, roles)))
    .orderBy(asc(users.name));
}
