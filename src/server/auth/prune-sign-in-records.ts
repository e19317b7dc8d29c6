import { lt } from "drizzle-orm";
import * as clock from "../clock";
import type { Db } from "../db";
import { loginAttempts, signInLimits, userSessions } from "./schema";
import { SIGN_IN_LIMIT } from "./sign-in";

/** How long failed sign-ins are kept for an admin to look back at. */
export const FAILED_SIGN_IN_RETENTION_DAYS = 90;

/**
 * Hourly: counters whose window has passed, expired sessions and old failed sign-ins go, so guessing from ever new
 * addresses or emails cannot grow these tables without bound.
 */
export async function pruneSignInRecords(db: Db, now: Date = clock.now()) {
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMIT.windowMs);
  const retention = new Date(now.getTime() - FAILED_SIGN_IN_RETENTION_DAYS * 86_400_000);
  return db.transaction(async (tx) => {
    const limits = await tx.delete(signInLimits).where(lt(signInLimits.windowStartedAt, windowStart)).returning({ key: signInLimits.key });
    const sessions = await tx.delete(userSessions).where(lt(userSessions.expiresAt, now)).returning({ id: userSessions.id });
    const attempts = await tx.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, retention)).returning({ id: loginAttempts.id });
    return { limits: limits.length, sessions: sessions.length, failedSignIns: attempts.length };
  });
}
