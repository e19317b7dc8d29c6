import { and, eq, gt, or, sql } from "drizzle-orm";
import type { Db } from "../db";
import { AppError } from "../errors";
import { verifyPassword } from "./password";
import type { Role } from "./roles";
import { loginAttempts, users } from "./schema";
import * as clock from "../clock";

/** 5 failed tries a minute per account and per IP; kept in the database so it holds across nodes. */
export const SIGN_IN_LIMIT = { attempts: 5, windowMs: 60_000 } as const;

export type SignedInUser = { id: string; email: string; name: string; role: Role };

/**
 * Checks an email and password. Returns the user, null for a wrong email or password,
 * and throws AppError("rate_limited") while the account or the IP is over the limit.
 */
export async function verifyCredentials(options: {
  db: Db;
  email: string;
  password: string;
  ip: string;
  now?: Date;
}): Promise<SignedInUser | null> {
  const { db, password, ip } = options;
  const email = options.email.trim().toLowerCase();
  const now = options.now ?? clock.now();
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMIT.windowMs);

  const [recent] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})`.mapWith(Number),
    })
    .from(loginAttempts)
    .where(and(gt(loginAttempts.attemptedAt, windowStart), or(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip))));
  if ((recent?.byEmail ?? 0) >= SIGN_IN_LIMIT.attempts || (recent?.byIp ?? 0) >= SIGN_IN_LIMIT.attempts) {
    throw new AppError("rate_limited", "TOO_MANY_SIGN_IN_ATTEMPTS", "Too many sign-in attempts. Wait a minute and try again.");
  }

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
  const isValid = !!user && user.isActive && (await verifyPassword(password, user.passwordHash));
  if (!user || !isValid) {
    await db.insert(loginAttempts).values({ email, ip, userId: user?.id ?? null, attemptedAt: now });
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
