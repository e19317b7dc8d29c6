import { eq } from "drizzle-orm";
import { z } from "zod";
import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import { insertRows } from "../db/bulk";
import { recordAudit } from "../db/audit";
import { AppError, isUniqueViolation } from "../errors";
import { type Actor, SYSTEM_ACTOR } from "./actor";
import { hashPassword } from "./password";
import { ROLES } from "./roles";
import { users } from "./schema";

/** The audit trail's name for users (audit_events.entity_type). */
export const USER_AUDIT = "user";

export const ZPassword = z.string().min(10, "At least 10 characters").max(200, "At most 200 characters");

export const ZCreateUserInput = z.object({
  // Trimmed and lower-cased first: " Dana@Example.com" pasted from a mail is dana@example.com.
  email: z.string().trim().toLowerCase().max(320).pipe(z.email("Not an email address")),
  name: z.string().trim().min(1, "Enter a name").max(200),
  role: z.enum(ROLES),
  password: ZPassword,
});

/** A new user who can sign in at once; audited without the password. */
export async function createUser(options: { db: Db; actor?: Actor; input: z.input<typeof ZCreateUserInput> }) {
  const { db, input } = options;
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email.trim().toLowerCase(), name: input.name.trim(), role: input.role, passwordHash })
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
      await recordAudit(tx, {
        entityType: USER_AUDIT,
        entityId: user!.id,
        action: "created",
        actor: options.actor ?? SYSTEM_ACTOR,
        after: { email: user!.email, name: user!.name, role: user!.role },
      });
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_uq")) {
      const message = `A user with email "${input.email.trim().toLowerCase()}" already exists.`;
      throw new AppError("conflict", "EMAIL_TAKEN", `email: ${message}`, { fields: { email: [message] } });
    }
    throw error;
  }
}

export type UserImport = typeof users.$inferInsert;

/**
 * Users in bulk, as another system (or the demo) hands them over, ids and password hashes included (hash
 * a shared password once: bcrypt is slow on purpose), in one statement. Emails are kept as createUser
 * keeps them (trimmed, lower case); every row sets the same fields (db/bulk.ts); rows without timestamps
 * take the domain clock's time. An email that exists already refuses the whole load.
 */
export async function importUsers(db: DbOrTx, rows: UserImport[]): Promise<{ users: number }> {
  if (rows.length === 0) return { users: 0 };
  const at = clock.now();
  try {
    await db.transaction((tx) =>
      insertRows(tx, users, rows.map((row) => ({ createdAt: at, updatedAt: at, ...row, email: row.email.trim().toLowerCase() }))),
    );
  } catch (error) {
    if (isUniqueViolation(error, "users_email_uq")) throw new AppError("conflict", "EMAIL_TAKEN", "email: a user with one of these emails already exists.");
    throw error;
  }
  return { users: rows.length };
}

/** The row a use case changes, locked for the transaction; 404 naming the id otherwise. */
export async function lockUser(tx: DbOrTx, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new AppError("not_found", "USER_NOT_FOUND", `userId: no user ${userId}.`);
  return user;
}
