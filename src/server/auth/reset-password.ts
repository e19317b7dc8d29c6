import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import type { Actor } from "./actor";
import { hashPassword } from "./password";
import { users } from "./schema";
import { endAllSessions } from "./sessions";
import { lockUser, USER_AUDIT } from "./users";

/** An admin sets a new password (to hand over in person); every session of the user ends. Audited, never the password. */
export async function resetPassword(options: { db: Db; actor: Actor; userId: string; password: string }) {
  const { db, actor } = options;
  const passwordHash = await hashPassword(options.password);
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, options.userId);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    const endedSessions = await endAllSessions(tx, user.id);
    await recordAudit(tx, { entityType: USER_AUDIT, entityId: user.id, action: "password_reset", actor, after: { endedSessions } });
    return { userId: user.id, endedSessions };
  });
}
