import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import type { Actor } from "./actor";
import { ROLES } from "./roles";
import { users } from "./schema";
import { endAllSessions } from "./sessions";
import { lockUser, USER_AUDIT } from "./users";

export const ZChangeUserInput = z.object({
  userId: z.uuid("Not a user id"),
  name: z.string().trim().min(1, "Enter a name").max(200).optional(),
  role: z.enum(ROLES).optional(),
  isActive: z.boolean().optional(),
});

/**
 * Renames a user, changes their role, deactivates or reactivates them, in one audited transaction. A new role
 * applies at the user's next request (sessions read it fresh); deactivating ends every session at once. Nobody
 * deactivates or demotes themselves, and the last active admin stays one.
 */
export async function changeUser(options: { db: Db; actor: Actor; input: z.input<typeof ZChangeUserInput> }) {
  const { db, actor } = options;
  const input = ZChangeUserInput.parse(options.input);
  return db.transaction(async (tx) => {
    // Admins change one at a time, so two cannot each demote the other as the "last but one".
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('orderdesk.users.admins'))`);
    const before = await lockUser(tx, input.userId);
    const role = input.role ?? before.role;
    const isActive = input.isActive ?? before.isActive;
    if (before.id === actor.id && !isActive) throw AppError.invalidField("isActive", "You cannot deactivate yourself.");
    if (before.id === actor.id && role !== before.role) throw AppError.invalidField("role", "You cannot change your own role.");
    if (before.role === "admin" && before.isActive && (role !== "admin" || !isActive) && (await otherActiveAdmins(tx, before.id)) === 0) {
      const field = input.role ? "role" : "isActive";
      const message = `${before.name} is the last active administrator.`;
      throw new AppError("conflict", "LAST_ADMIN", `${field}: ${message}`, { fields: { [field]: [message] } });
    }

    const [after] = await tx
      .update(users)
      .set({ name: input.name ?? before.name, role, isActive })
      .where(eq(users.id, before.id))
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role, isActive: users.isActive });
    const endedSessions = isActive ? 0 : await endAllSessions(tx, before.id);
    const action = before.isActive && !isActive ? "deactivated" : !before.isActive && isActive ? "reactivated" : "changed";
    await recordAudit(tx, {
      entityType: USER_AUDIT,
      entityId: before.id,
      action,
      actor,
      before: { name: before.name, role: before.role, isActive: before.isActive },
      after: { name: after!.name, role: after!.role, isActive: after!.isActive, endedSessions },
    });
    return { ...after!, endedSessions };
  });
}

async function otherActiveAdmins(tx: DbOrTx, userId: string): Promise<number> {
  return tx.$count(users, and(eq(users.role, "admin"), eq(users.isActive, true), ne(users.id, userId)));
}
