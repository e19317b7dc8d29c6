import type { Db } from "../db";
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
