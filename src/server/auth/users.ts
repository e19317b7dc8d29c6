import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import { insertRows } from "../db/bulk";
import { AppError, isUniqueViolation } from "../errors";
import { hashPassword } from "./password";
import type { Role } from "./roles";
import { users } from "./schema";

export async function createUser(options: { db: Db; input: { email: string; name: string; role: Role; password: string } }) {
  const { db, input } = options;
  try {
    const [user] = await db
      .insert(users)
      .values({ email: input.email.trim().toLowerCase(), name: input.name, role: input.role, passwordHash: await hashPassword(input.password) })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    return user!;
  } catch (error) {
    if (isUniqueViolation(error, "users_email_uq")) {
      throw new AppError("conflict", "EMAIL_TAKEN", `email: a user with email "${input.email}" already exists.`);
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
