import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import type { Actor } from "./actor";
import { endAllSessions } from "./sessions";
import { lockUser, USER_AUDIT } from "./users";

/** Ends every session of a user (a lost laptop, a shared password): their cookies stop working at the next click. */
export async function signOutEverywhere(options: { db: Db; actor: Actor; userId: string }) {
  const { db, actor } = options;
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, options.userId);
    const endedSessions = await endAllSessions(tx, user.id);
    await recordAudit(tx, { entityType: USER_AUDIT, entityId: user.id, action: "signed_out_everywhere", actor, after: { endedSessions } });
    return { userId: user.id, endedSessions };
  });
}
