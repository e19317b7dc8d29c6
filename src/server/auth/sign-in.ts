import { eq, sql } from "drizzle-orm";
import type { Db } from "../db";
import { AppError } from "../errors";
import { verifyPassword } from "./password";
import type { Role } from "./roles";
import { loginAttempts, signInLimits, users } from "./schema";
import * as clock from "../clock";

/**
 * Sign-in tries a minute: 5 per account (guessing one password), 20 per client address (spraying many accounts;
 * an office behind one address signs in together at nine). Kept in the database so the limit holds across nodes.
 */
export const SIGN_IN_LIMIT = { perAccount: 5, perAddress: 20, windowMs: 60_000 } as const;

export type SignedInUser = { id: string; email: string; name: string; role: Role };

/** Thrown while the account or the address has used up its tries: says which, and when it may try again. */
export class SignInLocked extends AppError {
  constructor(
    readonly scope: "account" | "address",
    readonly unlocksAt: Date,
  ) {
    super(
      "rate_limited",
      scope === "account" ? "ACCOUNT_LOCKED" : "TOO_MANY_SIGN_IN_ATTEMPTS",
      scope === "account"
        ? `This account is locked after ${SIGN_IN_LIMIT.perAccount} failed sign-ins; try again after ${unlocksAt.toISOString()}.`
        : `Too many sign-in attempts from this address; try again after ${unlocksAt.toISOString()}.`,
    );
  }
}

/**
 * Checks an email and password. Returns the user, null for a wrong email or password, and throws SignInLocked
 * while the account or the address is over its limit.
 *
 * Each try is counted before the password is checked, in one upsert per key: fifty concurrent guesses get
 * fifty different counts, and only the first five are evaluated. A successful sign-in clears the account's count
 * and gives the address its try back.
 */
export async function verifyCredentials(options: {
  db: Db;
  email: string;
  password: string;
  address: string;
  now?: Date;
}): Promise<SignedInUser | null> {
  const { db, password, address } = options;
  const email = options.email.trim().toLowerCase();
  const now = options.now ?? clock.now();
  const accountKey = `account:${email}`;
  const addressKey = `address:${address}`;

  const counted = await countTry(db, [accountKey, addressKey], now);
  for (const [key, scope, limit] of [
    [accountKey, "account", SIGN_IN_LIMIT.perAccount],
    [addressKey, "address", SIGN_IN_LIMIT.perAddress],
  ] as const) {
    const row = counted.get(key);
    if (row && row.tries > limit) throw new SignInLocked(scope, new Date(row.windowStartedAt.getTime() + SIGN_IN_LIMIT.windowMs));
  }

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
  const isValid = !!user && user.isActive && (await verifyPassword(password, user.passwordHash));
  if (!user || !isValid) {
    await db.insert(loginAttempts).values({ email, ip: address, userId: user?.id ?? null, attemptedAt: now });
    return null;
  }
  await db.transaction(async (tx) => {
    await tx.delete(signInLimits).where(eq(signInLimits.key, accountKey));
    await tx
      .update(signInLimits)
      .set({ tries: sql`greatest(${signInLimits.tries} - 1, 0)` })
      .where(eq(signInLimits.key, addressKey));
    await tx.update(users).set({ lastSignedInAt: now }).where(eq(users.id, user.id));
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** One try more for each key, in one statement: a window older than a minute starts again at 1. */
async function countTry(db: Db, keys: string[], now: Date) {
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMIT.windowMs);
  const expired = sql`${signInLimits.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz`;
  const rows = await db
    .insert(signInLimits)
    .values(keys.map((key) => ({ key, tries: 1, windowStartedAt: now })))
    .onConflictDoUpdate({
      target: signInLimits.key,
      set: {
        tries: sql`case when ${expired} then 1 else ${signInLimits.tries} + 1 end`,
        windowStartedAt: sql`case when ${expired} then excluded.window_started_at else ${signInLimits.windowStartedAt} end`,
      },
    })
    .returning();
  return new Map(rows.map((row) => [row.key, row]));
}
