import { and, eq, gt, lte, sql } from "drizzle-orm";
import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import type { Role } from "./roles";
import { users, userSessions } from "./schema";

/** A session lasts a working day from sign-in. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export type SessionUser = { id: string; email: string; name: string; role: Role };

/** Records a sign-in; the id goes into the session cookie. */
export async function startSession(
  db: DbOrTx,
  options: { userId: string; address: string; userAgent: string; now?: Date },
): Promise<string> {
  const now = options.now ?? clock.now();
  // The user's expired sessions go as a new one starts, so the table holds live sessions only.
  await db.delete(userSessions).where(and(eq(userSessions.userId, options.userId), lte(userSessions.expiresAt, now)));
  const [row] = await db
    .insert(userSessions)
    .values({
      userId: options.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      address: options.address.slice(0, 100),
      userAgent: options.userAgent.slice(0, 300),
    })
    .returning({ id: userSessions.id });
  return row!.id;
}

/**
 * The user behind a session cookie, read fresh on every request: null once the session was ended, expired or the
 * user deactivated, and the role as it is now (a role change applies at the next click).
 */
export async function sessionUser(db: Db, sessionId: string, now: Date = clock.now()): Promise<SessionUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, sessionId), gt(userSessions.expiresAt, now), eq(users.isActive, true)))
    .limit(1);
  return row ?? null;
}

/** Sign-out: this session only. */
export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await db.delete(userSessions).where(eq(userSessions.id, sessionId));
}

/** Every session of a user (sign out everywhere, a new password, deactivation); returns how many ended. */
export async function endAllSessions(db: DbOrTx, userId: string): Promise<number> {
  const ended = await db.delete(userSessions).where(eq(userSessions.userId, userId)).returning({ id: userSessions.id });
  return ended.length;
}

/** Live sessions per user, for the users screen. */
export async function liveSessionCounts(db: DbOrTx, now: Date = clock.now()): Promise<Map<string, number>> {
  const rows = await db
    .select({ userId: userSessions.userId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(userSessions)
    .where(gt(userSessions.expiresAt, now))
    .groupBy(userSessions.userId);
  return new Map(rows.map((row) => [row.userId, row.n]));
}
